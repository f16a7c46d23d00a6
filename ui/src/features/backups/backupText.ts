// What the backups screen says about a backup, in the organiser's words:
// when it was taken, what it holds, the question a restore asks, and what a
// backup or a restore did. Times are the computer's clock (format.ts's
// `formatInstant`), reasons the core's labels.

import type { BackupInfo } from "../../lib/bindings";
import { formatInstant, plural } from "../../lib/format";
import { BACKUP_REASON } from "../../lib/labels";

/** Names a backup's moment the way the list does. */
export type WhenTaken = (backup: BackupInfo) => string;

/** When each backup of `backups` was taken: to the minute, or to the second
 *  where two of them share a minute (a backup, then a delete straight after). */
export function timesTaken(backups: readonly BackupInfo[]): WhenTaken {
  const minutes = new Map<string, number>();
  for (const backup of backups) {
    const minute = formatInstant(backup.taken_at);
    minutes.set(minute, (minutes.get(minute) ?? 0) + 1);
  }
  return (backup) => {
    const minute = formatInstant(backup.taken_at);
    return (minutes.get(minute) ?? 0) > 1 ? formatInstant(backup.taken_at, { seconds: true }) : minute;
  };
}

/** "3 events, 62 participants" */
export function holds(backup: BackupInfo): string {
  return `${plural(backup.events, "event")}, ${plural(backup.participants, "participant")}`;
}

/** The restore's question: "Put the plan back as it was on 2 Dec 2026, 09:43?" */
export function restoreQuestion(backup: BackupInfo, when: WhenTaken): string {
  return `Put the plan back as it was on ${when(backup)}?`;
}

/** Which backup it is, and what the restore replaces. */
export function restoreDetails(backup: BackupInfo): string {
  const which = `That backup (“${BACKUP_REASON[backup.reason]}”) holds ${holds(backup)}.`;
  return `${which} Whatever was added, changed or deleted since then goes back to how it was.`;
}

/** How the restore is undone (the backend backs up the plan first). */
export const RESTORE_UNDO = "The plan as it is now is backed up first, so you can undo this by restoring that backup.";

/** What "Back up now" did. */
export function backedUp(backup: BackupInfo): string {
  return `Backed up the plan as it is now (${holds(backup)}).`;
}

/** What a restore did, naming the backup of the plan as it was just before (null: none was taken). */
export function restored(backup: BackupInfo, before: BackupInfo | null, when: WhenTaken): string {
  const back = `The plan is back as it was on ${when(backup)} (${holds(backup)}).`;
  if (!before) return back;
  const kept = `“${BACKUP_REASON[before.reason]}” of ${when(before)}`;
  return `${back} The plan as it was just before is kept as the backup ${kept}: restoring it undoes this.`;
}
