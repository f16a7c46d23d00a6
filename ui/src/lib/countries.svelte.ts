// The ISO 3166-1 countries for country pickers and for naming a stored code,
// named and ordered as the open plan names countries (the UN's short names, or
// ISO's: File → Country names…). The app's root keeps the list current: it is
// fetched when a plan opens and again after every change of the plan (another
// program's, a restore, the setting itself). A failed fetch (no plan open)
// leaves the list as it was; the screens then show the plan's own error.

import { commands, type Country } from "./bindings";
import { call } from "./call";
import { planChanges } from "./planChanges.svelte";

export const countries = $state<{ list: Country[] }>({ list: [] });

/** Keeps `countries.list` named as the plan at `planPath` names countries; called once, from the app's root. */
export function keepCountriesNamed(planPath: () => string | null | undefined): void {
  $effect(() => {
    void planChanges.version;
    if (!planPath()) return;
    let stale = false;
    call(commands.listCountries())
      .then((list) => {
        if (!stale) countries.list = list;
      })
      .catch(() => {});
    return () => {
      stale = true;
    };
  });
}

/** The name of the country with `code`, or the code itself when unknown. */
export function countryName(list: readonly Country[], code: string | null): string {
  if (!code) return "";
  return list.find((c) => c.alpha2 === code)?.name ?? code;
}
