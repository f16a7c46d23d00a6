// The organisation an organiser chose by typing its name (or short name):
// an existing one, or a new one created on the spot with the kind they gave.
// Any error is reported on the form's organisation field.

import { commands, type Field, type Organisation, type OrganisationKind } from "./bindings";
import { asApiError, call, refusal } from "./call";
import { chooseByName } from "./namedChoice";

/** Matches typed text against the organisations' names and short names. */
export function chooseOrganisation(typed: string, organisations: readonly Organisation[]) {
  return chooseByName(typed, organisations, (o) => [o.name, o.short_name]);
}

/** The id of the organisation named `typed`, creating it when it is new. */
export async function organisationIdFor(
  typed: string,
  kind: OrganisationKind,
  organisations: readonly Organisation[],
  field: Field,
): Promise<string> {
  const choice = chooseOrganisation(typed, organisations);
  if (choice.kind === "existing") return choice.item.id;
  if (choice.kind === "none") {
    throw refusal(field, "Choose an organisation, or type the name of a new one");
  }
  try {
    const input = { name: choice.name, short_name: null, kind, country_code: null, website: null };
    return (await call(commands.createOrganisation(input))).id;
  } catch (caught) {
    // Created a moment ago by a save that then failed, so not yet in `organisations`.
    if (asApiError(caught).kind === "duplicate") {
      const again = chooseOrganisation(typed, await call(commands.listOrganisations()));
      if (again.kind === "existing") return again.item.id;
    }
    throw refusal(field, asApiError(caught).message);
  }
}
