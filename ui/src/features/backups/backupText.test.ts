// A backup is named by its moment to the minute, and to the second only
// where the list holds two of one minute, so no two rows read the same.
import { describe, expect, it } from "vitest";
import type { BackupInfo } from "../../lib/bindings";
import { restored, timesTaken } from "./backupText";

function backup(at: Date, reason: BackupInfo["reason"]): BackupInfo {
  const taken_at = at.toISOString();
  return { file: `/backups/${taken_at}-${reason}.plan`, taken_at, reason, events: 3, participants: 62, kilobytes: 340 };
}

const requested = backup(new Date(2026, 11, 2, 10, 14, 3), "requested");
const deleted = backup(new Date(2026, 11, 2, 10, 14, 41), "before_delete");
const morning = backup(new Date(2026, 11, 2, 9, 43, 7), "while_editing");

describe("timesTaken", () => {
  it("gives the minute, and the second only to backups that share a minute", () => {
    const when = timesTaken([deleted, requested, morning]);
    expect(when(deleted)).toBe("2 Dec 2026, 10:14:41");
    expect(when(requested)).toBe("2 Dec 2026, 10:14:03");
    expect(when(morning)).toBe("2 Dec 2026, 09:43");
  });
});

describe("restored", () => {
  it("names the restored backup and the one that undoes it", () => {
    const before = backup(new Date(2026, 11, 2, 10, 20, 0), "before_restore");
    const when = timesTaken([before, deleted, requested]);
    expect(restored(requested, before, when)).toBe(
      "The plan is back as it was on 2 Dec 2026, 10:14:03 (3 events, 62 participants). The plan as it was just " +
        "before is kept as the backup “Before a restore” of 2 Dec 2026, 10:20: restoring it undoes this.",
    );
    expect(restored(requested, null, when)).toBe(
      "The plan is back as it was on 2 Dec 2026, 10:14:03 (3 events, 62 participants).",
    );
  });
});
