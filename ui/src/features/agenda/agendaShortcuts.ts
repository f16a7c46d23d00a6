// The agenda screen's own keys, apart from the screen so they are
// unit-tested: Ctrl+N (⌘N) opens a new session on the day in view, and
// [ and ] step to the previous or next day when the focus is not in a field.

/** What a key pressed on the agenda screen asks for; null when it is not one of its keys. */
export type AgendaShortcut = { kind: "new-session" } | { kind: "step-day"; step: -1 | 1 };

export function agendaShortcut(event: KeyboardEvent): AgendaShortcut | null {
  const modifier = event.ctrlKey || event.metaKey;
  if (modifier && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "n") return { kind: "new-session" };
  const target = event.target as HTMLElement | null;
  if (target?.closest?.("input, textarea, select, [contenteditable='true']")) return null;
  if (modifier || event.altKey) return null;
  if (event.key === "[") return { kind: "step-day", step: -1 };
  if (event.key === "]") return { kind: "step-day", step: 1 };
  return null;
}
