// Calling the backend through the generated bindings: unwrap a command's
// result, or throw its ApiError so a screen can show it next to the field it
// concerns. Nothing here names a command: only `commands.*` from bindings.ts do.

import type { ApiError } from "./bindings";

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
  return { kind: "storage", message: message || "Something went wrong. Please try again.", field: null };
}

/** Field → message, for forms: the error's field, or `_form` when it names none. */
export function fieldErrors(caught: unknown): Record<string, string> {
  const error = asApiError(caught);
  return { [error.field ?? "_form"]: error.message };
}
