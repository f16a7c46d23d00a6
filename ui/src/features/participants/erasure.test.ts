import { describe, expect, it } from "vitest";
import type { BackupInfo } from "../../lib/bindings";
import { erasureNotice, erasureQuestion } from "./erasure";
import { view } from "./testRows";

const backup: BackupInfo = { file: "b.rtplan", taken_at: "2026-12-02T09:43:00Z", reason: "requested", events: 1, participants: 10, kilobytes: 40 };
const base = { seats_kept_anonymous: 2, session_roles_removed: 1, backups_holding: [], held_until: null, backups_removed: 0, file_cleared: true };

describe("the words of an erasure", () => {
  it("says their when the gender is not stated", () => {
    const row = view("p1");
    row.person.gender = "undisclosed";
    const { message, backupsLabel } = erasureQuestion(row);
    expect(message).toContain("Erase Orawan Sukprasert's personal data from every event of this plan? Their seats stay");
    expect(message).toContain("their name, contact details, position, organisation, travel and dietary details and speaking roles are removed for good.");
    expect(backupsLabel).toBe("Also delete the backups that still hold them (the plan can then no longer go back to those moments)");
  });

  it("counts what was kept and removed", () => {
    expect(erasureNotice(base)).toBe("Erased: 2 seats kept anonymous, 1 session role removed.");
  });

  it("says which backups still hold the person, and until when", () => {
    const notice = erasureNotice({ ...base, backups_holding: [backup, backup, backup], held_until: "2027-01-01T12:00:00Z" });
    expect(notice).toBe(
      "Erased: 2 seats kept anonymous, 1 session role removed. 3 backups still hold this person until 1 Jan 2027, and are deleted the next time the plan is opened or backed up after that; File → Backups… lists them.",
    );
  });

  it("says how many backups were deleted", () => {
    expect(erasureNotice({ ...base, backups_removed: 2 })).toBe("Erased: 2 seats kept anonymous, 1 session role removed. 2 backups that held them were deleted.");
  });
});
