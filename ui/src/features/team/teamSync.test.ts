// The team folder's status line, and a sync that cannot reach the folder
// shown as a status rather than an error.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../lib/bindings";
import { syncNow, team, teamLine } from "./teamSync.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { syncNow: vi.fn(), teamStatus: vi.fn() },
}));

const status = { folder: "/home/ana/OneDrive/Bangkok", synced_at: "2026-12-07T07:00:00Z", disagreements: 0 };

beforeEach(() => {
  vi.clearAllMocks();
  team.status = status;
  team.unreachable = null;
  team.syncing = false;
  vi.mocked(commands.teamStatus).mockResolvedValue({ status: "ok", data: status });
});

describe("the team folder's status", () => {
  it("says when the plan last synced and what waits for a decision", () => {
    const at = Date.parse("2026-12-07T07:12:00Z");
    expect(teamLine(at)).toBe("Synced 12 min ago");
    team.status = { ...status, disagreements: 2 };
    expect(teamLine(at)).toBe("Synced 12 min ago · 2 to decide");
    team.status = { ...status, folder: null };
    expect(teamLine(at)).toBeNull();
  });

  it("shows an unreachable folder as the status, and the next sync clears it", async () => {
    vi.mocked(commands.syncNow).mockResolvedValueOnce({
      status: "error",
      error: { kind: "plan_file", message: "The team folder cannot be reached", field: null, problems: [] },
    });
    expect(await syncNow()).toBeNull();
    expect(teamLine()).toBe("Team folder unreachable");
    const report = {
      folder: status.folder,
      merged: { received: 0, records_changed: 0, records_erased: 0, disagreements: 0, held: 0 },
      published: 1,
      unreadable: 0,
    };
    vi.mocked(commands.syncNow).mockResolvedValueOnce({ status: "ok", data: report });
    expect(await syncNow()).toEqual(report);
    expect(team.unreachable).toBeNull();
  });
});
