// The ISO 3166-1 countries for country pickers. The list is fixed reference
// data compiled into the backend, so it is asked for once per window.

import { commands, type Country } from "./bindings";

let pending: Promise<Country[]> | null = null;

/** Every country, by English short name. */
export function loadCountries(): Promise<Country[]> {
  pending ??= commands
    .listCountries()
    .then((list) => [...list].sort((a, b) => a.name.localeCompare(b.name)))
    .catch((error: unknown) => {
      pending = null;
      throw error;
    });
  return pending;
}

/** The name of the country with `code`, or the code itself when unknown. */
export function countryName(countries: readonly Country[], code: string | null): string {
  if (!code) return "";
  return countries.find((c) => c.alpha2 === code)?.name ?? code;
}
