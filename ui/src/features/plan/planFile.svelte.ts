// The plan as a document: which plan file the window has open (or why none
// is), and File's actions on it: New plan…, Open plan…, Open recent, Save a
// copy…, Show in folder, and, on the failure screen, a backup restored into a new plan.
// Paths come from the backend's file dialogs or its recent list. After a
// switch every screen on show fetches the new plan (planReplaced) and the
// window goes Home; the move home asks first when a panel holds unsaved
// changes, so nothing switches under them.

import { commands, type FileFilter, type PlanFile, type PlanStatus } from "../../lib/bindings";
import { asApiError, call } from "../../lib/call";
import { planReplaced } from "../../lib/planChanges.svelte";
import { router } from "../../lib/router.svelte";

export const OPEN_FILTER: FileFilter = { name: "Roundtable plans", extensions: ["rtplan", "sqlite3"] };
export const SAVE_FILTER: FileFilter = { name: "Roundtable plans", extensions: ["rtplan"] };

export const planFile = $state<{
  status: PlanStatus | null;
  recent: PlanFile[];
  busy: boolean;
  error: string | null;
  notice: string | null;
}>({ status: null, recent: [], busy: false, error: null, notice: null });

/** Fetches which plan is open, or why none is. */
export async function loadPlanStatus(): Promise<void> {
  try {
    planFile.status = await call(commands.planStatus());
  } catch (caught) {
    planFile.error = asApiError(caught).message;
  }
}

/** Fetches the recent plans (for File → Open recent). */
export async function loadRecentPlans(): Promise<void> {
  try {
    planFile.recent = await call(commands.recentPlans());
  } catch {
    planFile.recent = [];
  }
}

/** Runs one of File's actions: one at a time, its error or notice shown under the menu bar. */
async function act(action: () => Promise<string | null>): Promise<void> {
  if (planFile.busy) return;
  planFile.busy = true;
  planFile.error = null;
  planFile.notice = null;
  try {
    planFile.notice = await action();
  } catch (caught) {
    planFile.error = asApiError(caught).message;
  } finally {
    planFile.busy = false;
  }
}

/** Makes `open` the window's plan once the screen on show lets the window go Home. */
async function switchPlan(choose: () => Promise<string | null>, open: (path: string) => Promise<PlanFile>): Promise<string | null> {
  if (!(await router.go({ name: "home" }))) return null;
  const path = await choose();
  if (path === null) return null;
  await open(path);
  await loadPlanStatus();
  planReplaced();
  void loadRecentPlans();
  return null;
}

const chooseSave = (name: string) => (): Promise<string | null> => call(commands.chooseSavePath(name, SAVE_FILTER));
const chooseOpen = (): Promise<string | null> => call(commands.chooseOpenPath("Open plan", OPEN_FILTER));

export function newPlan(): Promise<void> {
  return act(() => switchPlan(chooseSave("New plan.rtplan"), (path) => call(commands.newPlan(path))));
}

export function openPlan(): Promise<void> {
  return act(() => switchPlan(chooseOpen, (path) => call(commands.openPlan(path))));
}

export function openRecent(plan: PlanFile): Promise<void> {
  return act(() => switchPlan(async () => plan.path, (path) => call(commands.openPlan(path))));
}

/** The failure screen's "Restore into a new plan…": the backup becomes a new plan file, opened. */
export function restoreIntoNewPlan(backupFile: string, failedName: string): Promise<void> {
  return act(() =>
    switchPlan(chooseSave(`${failedName} restored.rtplan`), (path) => call(commands.restoreFailedPlan(backupFile, path))),
  );
}

export function savePlanCopy(): Promise<void> {
  return act(async () => {
    const name = planFile.status?.plan?.name ?? "Plan";
    const path = await call(commands.chooseSavePath(`${name} copy.rtplan`, SAVE_FILTER));
    if (path === null) return null;
    const copy = await call(commands.savePlanCopy(path));
    void loadRecentPlans();
    return `Saved a copy of the plan as ${copy.path}. This plan stays open.`;
  });
}

/** File → Show in folder: the file manager opens at the open plan (the backend knows which). */
export function showPlanInFolder(): Promise<void> {
  return act(async () => {
    await call(commands.showPlanInFolder());
    return null;
  });
}

export function dismissPlanMessages(): void {
  planFile.error = null;
  planFile.notice = null;
}
