// Edit's Cut, Copy, Paste and Select all act on the field the person was in:
// choosing from the menu bar moves the focus into the menu, so the field is
// remembered as focus enters it (and forgotten when focus goes to something
// else that is not the menu bar), then focused again, its selection intact,
// before the command runs. Find does what "/" does on the screen on show:
// its search takes the focus.
import { isEditable } from "../../lib/screenKeys";

export type EditCommand = "cut" | "copy" | "paste" | "selectAll";

export const editing = $state<{ field: HTMLElement | null }>({ field: null });

/** Whether `field` takes changes (not read-only, not disabled). */
export function isWritable(field: HTMLElement | null): boolean {
  if (!field) return false;
  if (field.isContentEditable) return true;
  const input = field as HTMLInputElement | HTMLTextAreaElement;
  return !input.readOnly && !input.disabled;
}

/** Follows the focus (a window focusin listener); the menu bar is left out, so choosing from it keeps the field. */
export function followFocus(event: FocusEvent): void {
  const target = event.target as HTMLElement | null;
  if (target?.closest?.('[role="menubar"]')) return;
  editing.field = isEditable(target) && target?.tagName !== "SELECT" ? target : null;
}

/** Runs `command` on the remembered field; false when there is none to run it on. */
export function editField(command: EditCommand): boolean {
  const field = editing.field;
  if (!field?.isConnected) return false;
  field.focus();
  return document.execCommand(command);
}

/** Edit → Find: as if "/" were pressed outside a field, so the screen on show focuses its search. */
export function find(): void {
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  document.body.dispatchEvent(new KeyboardEvent("keydown", { key: "/", bubbles: true, cancelable: true }));
}
