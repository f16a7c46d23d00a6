// After a refused save, the first field marked invalid gets the focus (and
// comes into view), so the organiser lands on what to correct.

import { tick } from "svelte";

/** Focuses the first `[aria-invalid="true"]` control inside `container` once the errors are shown. */
export async function focusFirstInvalid(container: HTMLElement | null | undefined): Promise<void> {
  await tick();
  const field = container?.querySelector<HTMLElement>('[aria-invalid="true"]');
  field?.focus();
  field?.scrollIntoView?.({ block: "center" });
}
