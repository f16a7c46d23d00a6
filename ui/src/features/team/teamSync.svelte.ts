// Planning together through a team folder. File → Team folder… asks for the
// folder (the backend opens the dialog and keeps the folder in the plan file)
// and syncs; the plan then syncs when the window opens, every few minutes,
// and on File → Sync now (Ctrl+Shift+S). A sync that fails (the USB stick
// unplugged, the share offline) is shown as the status, not as an error in
// the way, and editing goes on. What teammates changed comes in and every
// screen fetches again.

import { commands, type SyncReport, type TeamStatus } from "../../lib/bindings";
import { asApiError, call } from "../../lib/call";
import { planReplaced } from "../../lib/planChanges.svelte";

/** How often the plan syncs while it has a team folder. */
export const SYNC_EVERY_MS = 3 * 60 * 1000;

export const team = $state<{
  status: TeamStatus | null;
  syncing: boolean;
  /** Why the last sync could not reach the folder; cleared by the next that does. */
  unreachable: string | null;
  last: SyncReport | null;
}>({ status: null, syncing: false, unreachable: null, last: null });

/** Fetches the team folder's status. */
export async function loadTeamStatus(): Promise<void> {
  try {
    team.status = await call(commands.teamStatus());
  } catch {
    team.status = null;
  }
}

/** Runs one sync (or the folder's choice, then a sync); one at a time. */
async function syncing(run: () => Promise<SyncReport | null>): Promise<SyncReport | null> {
  if (team.syncing) return null;
  team.syncing = true;
  try {
    const report = await run();
    if (report) {
      team.last = report;
      team.unreachable = null;
      if (report.merged.records_changed > 0) planReplaced();
    }
    return report;
  } catch (caught) {
    team.unreachable = asApiError(caught).message;
    return null;
  } finally {
    team.syncing = false;
    await loadTeamStatus();
  }
}

/** File → Sync now: a sync with the plan's team folder, when it has one. */
export function syncNow(): Promise<SyncReport | null> {
  return syncing(() => call(commands.syncNow()));
}

/** File → Team folder…: the person chooses the folder, and the plan syncs with it. */
export function chooseTeamFolder(): Promise<SyncReport | null> {
  return syncing(() => call(commands.chooseTeamFolder()));
}

/** What the status line says: the folder's state in a few words. */
export function teamLine(now: number = Date.now()): string | null {
  const status = team.status;
  if (!status?.folder) return null;
  if (team.syncing) return "Syncing…";
  const waiting = status.disagreements > 0 ? ` · ${status.disagreements} to decide` : "";
  if (team.unreachable) return `Team folder unreachable${waiting}`;
  if (!status.synced_at) return `Not synced yet${waiting}`;
  const minutes = Math.max(0, Math.round((now - Date.parse(status.synced_at)) / 60000));
  const ago = minutes < 1 ? "just now" : minutes < 60 ? `${minutes} min ago` : "over an hour ago";
  return `Synced ${ago}${waiting}`;
}

/** Syncs now and every few minutes while the plan has a team folder; returns the stop. */
export function keepSyncing(): () => void {
  void loadTeamStatus().then(() => {
    if (team.status?.folder) void syncNow();
  });
  const timer = setInterval(() => {
    if (team.status?.folder) void syncNow();
  }, SYNC_EVERY_MS);
  return () => clearInterval(timer);
}
