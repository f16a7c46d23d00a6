// History lists the plan's actions as the backend gives them (the latest
// first) and asks again as the filters change; a record's history lists its
// changes field by field with the value each replaced.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type Activity, type Change } from "../../lib/bindings";
import History from "./History.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { history: vi.fn(), activity: vi.fn() },
}));

const change = (over: Partial<Change>): Change => ({
  id: "a:1",
  at: "2026-12-07T06:00:00Z",
  who: "Ana Reyes (IOM Thailand)",
  kind: "set",
  record_kind: "delegation",
  record: "0192d3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
  record_label: "Viet Nam",
  summary: "Changed quota of delegation Viet Nam",
  field: "quota",
  value: "4",
  earlier: "",
  ...over,
});

const action = (over: Partial<Activity>): Activity => ({
  id: "a:3",
  at: "2026-12-07T06:00:00Z",
  who: "Ana Reyes (IOM Thailand)",
  step: null,
  summary: "Deleted event Bangkok dialogue and 40 more records",
  ...over,
});

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(commands.activity).mockResolvedValue({
    status: "ok",
    data: [action({ id: "a:4", step: "undo" }), action({})],
  });
  vi.mocked(commands.history).mockResolvedValue({
    status: "ok",
    data: [
      change({}),
      change({ id: "b:1", at: null, who: "Before the journal", kind: "insert", summary: "Added delegation Viet Nam", field: null, value: null, earlier: null }),
    ],
  });
});

describe("History", () => {
  it("lists the plan's actions, an undo marked as one", async () => {
    render(History);
    const rows = await screen.findAllByTestId("activity-row");
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("Undo");
    expect(rows[0].textContent).toContain("Deleted event Bangkok dialogue and 40 more records");
    expect(rows[1].textContent).not.toContain("Undo");
    expect(commands.activity).toHaveBeenCalledWith({ record: null, who: null, day: null, limit: 500 });
    expect(commands.history).not.toHaveBeenCalled();
  });

  it("shows a record's changes, with the value each replaced", async () => {
    render(History, { record: "0192d3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d" });
    const rows = await screen.findAllByTestId("history-row");
    expect(rows).toHaveLength(2);
    expect(rows[0].textContent).toContain("Ana Reyes (IOM Thailand)");
    expect(rows[0].textContent).toContain("Changed quota of delegation Viet Nam");
    expect(rows[0].textContent).toContain("(empty)");
    expect(rows[1].textContent).toContain("Before the journal");
  });

  it("asks for one organiser's changes as the filter is typed", async () => {
    render(History);
    await screen.findAllByTestId("activity-row");
    await fireEvent.input(screen.getByTestId("history-who"), { target: { value: "Ana" } });
    await waitFor(() =>
      expect(commands.activity).toHaveBeenLastCalledWith({ record: null, who: "Ana", day: null, limit: 500 }),
    );
  });

  it("shows one record's history without the plan's filters", async () => {
    render(History, { record: "0192d3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d" });
    await screen.findAllByTestId("history-row");
    expect(screen.queryByTestId("history-who")).toBeNull();
    expect(screen.getByTestId("history-all")).toBeTruthy();
    expect(commands.history).toHaveBeenCalledWith(expect.objectContaining({ record: "0192d3c4-5e6f-7a8b-9c0d-1e2f3a4b5c6d" }));
  });
});
