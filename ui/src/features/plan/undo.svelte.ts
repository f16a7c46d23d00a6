// Undo and Redo of whole actions (Edit menu, Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y):
// the backend reverses the plan file's latest action (an import, a drag, a
// delete with what it took with it) as new changes, says what it reversed,
// and everything on screen fetches again. In a text field Ctrl+Z stays the
// field's own undo of typing; the menu's items always act on the plan. The
// items name what they would reverse, fetched as the Edit menu opens.

import { commands, type UndoStep } from "../../lib/bindings";
import { asApiError, call } from "../../lib/call";
import { planReplaced } from "../../lib/planChanges.svelte";
import { isEditable } from "../../lib/screenKeys";
import { planFile } from "./planFile.svelte";

export const undoSteps = $state<{ undo: UndoStep | null; redo: UndoStep | null }>({ undo: null, redo: null });

/** Fetches what Undo and Redo would reverse now. */
export async function loadUndoSteps(): Promise<void> {
  try {
    const steps = await call(commands.undoSteps());
    undoSteps.undo = steps.undo;
    undoSteps.redo = steps.redo;
  } catch {
    undoSteps.undo = null;
    undoSteps.redo = null;
  }
}

/** Undoes (or redoes) one whole action and says which under the menu bar. */
export async function reverseLast(direction: "undo" | "redo"): Promise<void> {
  if (planFile.busy) return;
  planFile.error = null;
  planFile.notice = null;
  try {
    const step = await call(direction === "undo" ? commands.undo() : commands.redo());
    if (step) {
      planFile.notice = `${direction === "undo" ? "Undone" : "Redone"}: ${step.summary}.`;
      planReplaced();
    } else {
      planFile.notice = direction === "undo" ? "Nothing to undo." : "Nothing to redo.";
    }
  } catch (caught) {
    planFile.error = `Could not ${direction}: ${asApiError(caught).message}`;
  }
  await loadUndoSteps();
}

/** Which way a key press reverses, if it is Ctrl+Z, Ctrl+Shift+Z or Ctrl+Y outside a text field. */
export function undoKey(event: KeyboardEvent): "undo" | "redo" | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null;
  if (isEditable(event.target as HTMLElement | null)) return null;
  const key = event.key.toLowerCase();
  if (key === "z") return event.shiftKey ? "redo" : "undo";
  if (key === "y" && !event.shiftKey) return "redo";
  return null;
}
