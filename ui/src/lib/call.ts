// Calling the backend through the generated bindings: unwrap a command's
// result, or throw its ApiError so a screen can show it next to the field it
// concerns. Nothing here names a command: only `commands.*` from bindings.ts do.

import type { ApiError, Field } from "./bindings";

type CommandResult<T> = { status: "ok"; data: T } | { status: "error"; error: ApiError };

/** A command's error, thrown by `call`. */
export class CommandFailure extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.error = error;
  }
}

/** The command's value, or a thrown `CommandFailure` carrying its ApiError. */
export async function call<T>(pending: Promise<CommandResult<T>>): Promise<T> {
  const result = await pending;
  if (result.status === "error") throw new CommandFailure(result.error);
  return result.data;
}

/** The ApiError inside anything caught, or one made from a plain failure. */
export function asApiError(caught: unknown): ApiError {
  if (caught instanceof CommandFailure) return caught.error;
  const message = caught instanceof Error ? caught.message : typeof caught === "string" ? caught : "";
  return {
    kind: "storage",
    message: message || "Something went wrong. Please try again.",
    field: null,
    problems: [],
  };
}

/** Field → message, for forms: every problem at its field, or `_form` when the error names none. */
export function fieldErrors(caught: unknown): Partial<Record<Field | "_form", string>> {
  const error = asApiError(caught);
  if (error.problems.length === 0) return { [error.field ?? "_form"]: error.message };
  return Object.fromEntries(error.problems.map((problem) => [problem.field, problem.message]));
}

/** A refusal decided in the window before or after asking the backend, shaped
 *  as the backend's own, so forms show it the same way. */
export function refusal(field: Field, message: string): CommandFailure {
  return new CommandFailure({ kind: "validation", field, message, problems: [{ field, message }] });
}
