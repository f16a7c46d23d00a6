// The keys list screens share: Ctrl+N (⌘N) for the screen's "new" action and
// "/" to jump to its search, neither while a dialog is open, and "/" not while
// the person is typing in a field.

/** Whether `target` takes typed text (a field, a select, editable content). */
export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(el.tagName));
}

/** What a key pressed on a list screen asks for; null when it is not one of these keys. */
export function screenKey(event: KeyboardEvent): "new" | "search" | null {
  if (event.defaultPrevented || document.querySelector("dialog[open]")) return null;
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === "n") return "new";
  if (event.key === "/" && !event.ctrlKey && !event.altKey && !isEditable(event.target)) return "search";
  return null;
}
