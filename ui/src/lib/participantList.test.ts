import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "./bindings";
import { EVERY_PARTICIPANT, listParticipants, type ListProgress } from "./participantList";
import { answerInPages, TEST_PAGE_ROWS, view } from "../features/participants/testRows";

vi.mock("@tauri-apps/api/core", () => ({ Channel: class { onmessage = () => {} } }));
vi.mock("./bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./bindings")>()),
  commands: { listParticipants: vi.fn() },
}));

const rows = (count: number) => Array.from({ length: count }, (_, i) => view(`p${i}`));

describe("listParticipants", () => {
  beforeEach(() => {
    vi.mocked(commands.listParticipants).mockReset();
  });

  it("gathers every page in order and tells a screen the first page and how far the rest has come", async () => {
    const list = rows(TEST_PAGE_ROWS * 2 + 1);
    vi.mocked(commands.listParticipants).mockImplementation(answerInPages(() => list));
    const firsts: string[][] = [];
    const progress: ListProgress[] = [];
    const all = await listParticipants("ev", EVERY_PARTICIPANT, {
      firstPage: (first, p) => {
        firsts.push(first.map((r) => r.participant.id));
        progress.push(p);
      },
      progress: (p) => progress.push(p),
    });
    expect(all.map((r) => r.participant.id)).toEqual(list.map((r) => r.participant.id));
    expect(firsts).toEqual([["p0", "p1"]]);
    expect(progress).toEqual([
      { received: 2, total: 5 },
      { received: 4, total: 5 },
    ]);
  });

  it("a list of one page, or none, is answered without a first page to show", async () => {
    for (const count of [0, TEST_PAGE_ROWS]) {
      vi.mocked(commands.listParticipants).mockImplementation(answerInPages(() => rows(count)));
      const firstPage = vi.fn();
      expect(await listParticipants("ev", EVERY_PARTICIPANT, { firstPage })).toHaveLength(count);
      expect(firstPage).not.toHaveBeenCalled();
    }
  });

  it("later pages that come before the answer are kept, in order, after the first", async () => {
    const list = rows(5);
    vi.mocked(commands.listParticipants).mockImplementation(async (_event, _filter, _firstRows, channel) => {
      channel.onmessage({ rows: list.slice(2, 4), total: 5, last: false });
      channel.onmessage({ rows: list.slice(4), total: 5, last: true });
      return { status: "ok", data: { rows: list.slice(0, 2), total: 5, last: false } };
    });
    const all = await listParticipants("ev", EVERY_PARTICIPANT);
    expect(all.map((r) => r.participant.id)).toEqual(["p0", "p1", "p2", "p3", "p4"]);
  });

  it("a refused list throws the backend's error", async () => {
    vi.mocked(commands.listParticipants).mockResolvedValue({
      status: "error",
      error: { kind: "not_found", field: null, message: "No such event", problems: [] },
    });
    await expect(listParticipants("gone", EVERY_PARTICIPANT)).rejects.toThrow("No such event");
  });
});
