// A failed save as a form shows it: the message under the field it concerns
// when the form has that field, otherwise at the top of the form (`_form`).

import { asApiError } from "./call";

export const FORM = "_form";

/** Field → message for a form showing `fields`; a refused status change
 *  (`invalid_transition`) belongs to the `status` field when there is one. */
export function formErrors(caught: unknown, fields: readonly string[]): Record<string, string> {
  const error = asApiError(caught);
  let field = error.field;
  if (!field && error.kind === "invalid_transition" && fields.includes("status")) field = "status";
  return { [field && fields.includes(field) ? field : FORM]: error.message };
}
