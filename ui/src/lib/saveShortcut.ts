// Form keys: Ctrl+S (⌘S) or Ctrl+Enter submits the form the focus is in,
// from any of its fields, textareas included; Escape cancels an inline form
// when it has a cancel.

/** A Svelte action for a `<form>`: `<form use:saveShortcut={{ oncancel }}>`. */
export function saveShortcut(
  form: HTMLFormElement,
  options: { oncancel?: () => void } = {},
): { update: (next: { oncancel?: () => void }) => void; destroy: () => void } {
  let current = options;
  function onKeydown(event: KeyboardEvent): void {
    const modifier = event.ctrlKey || event.metaKey;
    if (modifier && !event.altKey && (event.key.toLowerCase() === "s" || event.key === "Enter")) {
      event.preventDefault();
      form.requestSubmit();
    } else if (event.key === "Escape" && current.oncancel && !event.defaultPrevented) {
      event.preventDefault();
      current.oncancel();
    }
  }
  form.addEventListener("keydown", onKeydown);
  return {
    update: (next) => (current = next ?? {}),
    destroy: () => form.removeEventListener("keydown", onKeydown),
  };
}
