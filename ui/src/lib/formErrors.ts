// A failed save as a form shows it: each message under the field it concerns
// when the form has that field, otherwise at the top of the form (`_form`).
// The fields are the backend's closed list (`Field` in the bindings), so a
// form naming a field the backend does not have fails the typecheck.

import type { Field } from "./bindings";
import { asApiError } from "./call";

export const FORM = "_form";

/** Where a form shows a message: one of its fields, or the top of the form. */
export type FormKey = Field | typeof FORM;

/** Field → message for a form showing `fields`, every problem at once; a
 *  refused status change (`invalid_transition`) belongs to the `status` field
 *  when there is one. */
export function formErrors(caught: unknown, fields: readonly Field[]): Partial<Record<FormKey, string>> {
  const error = asApiError(caught);
  const problems =
    error.problems.length > 0 ? error.problems : [{ field: error.field, message: error.message }];
  const errors: Partial<Record<FormKey, string>> = {};
  for (const problem of problems) {
    let field = problem.field;
    if (!field && error.kind === "invalid_transition" && fields.includes("status")) field = "status";
    const key: FormKey = field && fields.includes(field) ? field : FORM;
    errors[key] ??= problem.message;
  }
  return errors;
}
