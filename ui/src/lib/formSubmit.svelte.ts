// One form's save: a busy flag (a second Enter while saving does nothing),
// the backend's refusal shown next to the field it concerns (or at the top of
// the form when the form has no such field), the focus moved to the first
// invalid field, and a success message. Every form of the window uses it
// instead of repeating the same try/catch.

import type { Field } from "./bindings";
import { formErrors, FORM } from "./formErrors";
import { focusFirstInvalid } from "./focusInvalid";

/** The backend's field names a form shows: a list when the form uses the
 *  backend's names, a map (backend name → form key) when it does not. */
export type FormFields = readonly Field[] | Readonly<Partial<Record<Field, string>>>;

export class FormSubmit {
  /** True while a save runs. */
  busy = $state(false);
  /** Form key (or `_form`) → message. */
  errors = $state<Record<string, string>>({});
  /** What the last successful save said, until the next save. */
  saved = $state<string | null>(null);

  readonly #fields: FormFields;
  readonly #container: () => HTMLElement | null | undefined;

  /** `container` gives the element whose first invalid control gets the focus. */
  constructor(fields: FormFields, container: () => HTMLElement | null | undefined) {
    this.#fields = fields;
    this.#container = container;
  }

  /**
   * Runs `save` (unless a save is already running). On success clears the
   * errors, shows `success` and returns true; on refusal shows the error next
   * to its field, focuses it and returns false. Nothing typed is touched.
   */
  async run(save: () => Promise<unknown>, success: string | null = null): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.saved = null;
    try {
      await save();
      this.errors = {};
      this.saved = success;
      return true;
    } catch (caught) {
      this.show(caught);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /** Shows a refusal (an ApiError, or anything thrown) as the form shows its errors. */
  show(caught: unknown): void {
    const names = (Array.isArray(this.#fields) ? this.#fields : Object.keys(this.#fields)) as readonly Field[];
    const raw = formErrors(caught, names);
    const rename = Array.isArray(this.#fields) ? null : (this.#fields as Readonly<Partial<Record<Field, string>>>);
    this.errors = Object.fromEntries(
      Object.entries(raw).map(([field, message]) => [
        field === FORM || !rename ? field : (rename[field as Field] ?? field),
        message,
      ]),
    );
    void focusFirstInvalid(this.#container());
  }

  /** A refusal decided in the form itself (before asking the backend). */
  refuse(key: string, message: string): void {
    this.saved = null;
    this.errors = { [key]: message };
    void focusFirstInvalid(this.#container());
  }

  /** Forgets the errors and the success message. */
  reset(): void {
    this.errors = {};
    this.saved = null;
  }
}

/** True when a form's values differ from the ones it started with. */
export function changed<T>(values: T, initial: T): boolean {
  return JSON.stringify(values) !== JSON.stringify(initial);
}
