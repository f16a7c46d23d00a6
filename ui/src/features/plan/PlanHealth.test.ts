// The damaged-plan warning: asked of the backend only after the window has
// painted, shown only when something is damaged, each problem in words, the
// first five and a count of the rest; dismissed, it stays away until a check finds other damage.
import { fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type PlanCheck } from "../../lib/bindings";
import PlanHealth from "./PlanHealth.svelte";
import { planChanges } from "../../lib/planChanges.svelte";
import { planFile } from "./planFile.svelte";
import { damageLines } from "./planHealth";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { checkPlan: vi.fn() },
}));

const checkPlan = vi.mocked(commands.checkPlan);
const sound: PlanCheck = { integrity_problems: [], damaged_rows: [] };
const garbled = (row: number) => ({
  record: "participant",
  row,
  event_title: "Bangkok dialogue",
  reason: "'garbled' is not a participant status this version knows",
});

describe("the damaged-plan warning", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    checkPlan.mockReset();
    planFile.status = { plan: { path: "/plans/Bangkok dialogue.rtplan", name: "Bangkok dialogue" }, problem: null };
  });
  afterEach(() => {
    vi.useRealTimers();
    planFile.status = null;
  });

  it("asks only once the window has painted, and says nothing of a sound plan", async () => {
    checkPlan.mockResolvedValue({ status: "ok", data: sound });
    render(PlanHealth);
    expect(checkPlan).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(checkPlan).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("plan-damaged")).toBeNull();
  });

  it("names the first five problems and counts the rest, until dismissed", async () => {
    const check: PlanCheck = {
      integrity_problems: ["row 7 missing from index participant_person"],
      damaged_rows: [1, 2, 3, 4, 5, 6].map(garbled),
    };
    checkPlan.mockResolvedValue({ status: "ok", data: check });
    render(PlanHealth);
    await vi.advanceTimersByTimeAsync(1000);
    const lines = screen.getByTestId("plan-damage-lines").querySelectorAll("li");
    expect([...lines].map((li) => li.textContent)).toEqual([
      "SQLite's check: row 7 missing from index participant_person",
      "A participant of “Bangkok dialogue” (row 1) cannot be read: 'garbled' is not a participant status this version knows",
      "A participant of “Bangkok dialogue” (row 2) cannot be read: 'garbled' is not a participant status this version knows",
      "A participant of “Bangkok dialogue” (row 3) cannot be read: 'garbled' is not a participant status this version knows",
      "A participant of “Bangkok dialogue” (row 4) cannot be read: 'garbled' is not a participant status this version knows",
      "and 2 more",
    ]);
    expect(screen.getByTestId("plan-damaged-backups").getAttribute("href")).toBe("#/backups");
    await fireEvent.click(screen.getByTestId("plan-damaged-dismiss"));
    expect(screen.queryByTestId("plan-damaged")).toBeNull();
  });

  it("once dismissed, stays away while later checks find the same damage, and comes back for new damage", async () => {
    const one: PlanCheck = { integrity_problems: [], damaged_rows: [garbled(1)] };
    checkPlan.mockResolvedValue({ status: "ok", data: one });
    render(PlanHealth);
    await vi.advanceTimersByTimeAsync(1000);
    await fireEvent.click(screen.getByTestId("plan-damaged-dismiss"));
    planChanges.version += 1; // another program wrote to the plan
    await vi.advanceTimersByTimeAsync(1000);
    expect(checkPlan).toHaveBeenCalledTimes(2);
    expect(screen.queryByTestId("plan-damaged")).toBeNull();
    checkPlan.mockResolvedValue({ status: "ok", data: { ...one, damaged_rows: [garbled(1), garbled(2)] } });
    planChanges.version += 1;
    await vi.advanceTimersByTimeAsync(1000);
    expect(screen.getByTestId("plan-damaged")).toBeTruthy();
  });

  it("takes a check that fails as a damaged file", async () => {
    checkPlan.mockResolvedValue({
      status: "error",
      error: { kind: "storage", message: "database disk image is malformed", field: null, problems: [] },
    });
    render(PlanHealth);
    await vi.advanceTimersByTimeAsync(1000);
    expect(screen.getByTestId("plan-damaged").textContent).toContain("database disk image is malformed");
  });

  it("words a row of no event without one", () => {
    const lines = damageLines({ integrity_problems: [], damaged_rows: [{ ...garbled(9), record: "person", event_title: null }] });
    expect(lines).toEqual(["A person (row 9) cannot be read: 'garbled' is not a participant status this version knows"]);
  });
});
