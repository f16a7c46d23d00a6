// The failure screen: which plan did not open, where and why, and the ways
// on: a backup restored into a new plan file chosen in the Save dialog, or a
// new plan; a refusal is shown and the screen stays.
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type BackupInfo, type PlanProblem } from "../../lib/bindings";
import { formatInstant } from "../../lib/format";
import PlanMenu from "./PlanMenu.svelte";
import PlanNotOpened from "./PlanNotOpened.svelte";
import { planFile } from "./planFile.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    planStatus: vi.fn(),
    recentPlans: vi.fn(),
    chooseSavePath: vi.fn(),
    chooseOpenPath: vi.fn(),
    newPlan: vi.fn(),
    openPlan: vi.fn(),
    restoreFailedPlan: vi.fn(),
  },
}));

const chooseSavePath = vi.mocked(commands.chooseSavePath);
const restoreFailedPlan = vi.mocked(commands.restoreFailedPlan);
const newPlan = vi.mocked(commands.newPlan);
const planStatus = vi.mocked(commands.planStatus);

const backup: BackupInfo = {
  file: "/backups/plan-1/2026-12-02T09:43:00Z-while_editing.plan",
  taken_at: new Date(2026, 11, 2, 9, 43).toISOString(),
  reason: "while_editing",
  events: 3,
  participants: 62,
  kilobytes: 340,
};
const problem: PlanProblem = {
  plan: { path: "/home/ana/Bangkok dialogue.rtplan", name: "Bangkok dialogue" },
  message: "Bangkok dialogue.rtplan is not a Roundtable Planner plan: it is not a database file",
  backups: [backup],
};

beforeEach(() => {
  vi.clearAllMocks();
  planFile.status = { plan: null, problem };
  planFile.error = null;
  planFile.notice = null;
  vi.mocked(commands.recentPlans).mockResolvedValue({ status: "ok", data: [] });
});

describe("the screen of a plan that could not be opened", () => {
  it("names the plan, its path and why, and lists its backups", () => {
    render(PlanNotOpened, { problem });
    expect(screen.getByRole("heading", { level: 1 }).textContent).toBe("This plan could not be opened");
    expect(screen.getByTestId("failed-plan-name").textContent).toBe("Bangkok dialogue");
    expect(screen.getByTestId("failed-plan-path").textContent).toBe("/home/ana/Bangkok dialogue.rtplan");
    expect(screen.getByTestId("failed-plan-message").textContent).toBe(problem.message);
    const row = screen.getByTestId("backup-row").textContent ?? "";
    for (const part of [formatInstant(backup.taken_at), "While editing", "3 events, 62 participants", "340 KB"]) {
      expect(row).toContain(part);
    }
  });

  it("restores a backup into the new plan file chosen in the Save dialog", async () => {
    const restored = { path: "/home/ana/Bangkok dialogue restored.rtplan", name: "Bangkok dialogue restored" };
    chooseSavePath.mockResolvedValue({ status: "ok", data: restored.path });
    restoreFailedPlan.mockResolvedValue({ status: "ok", data: restored });
    planStatus.mockResolvedValue({ status: "ok", data: { plan: restored, problem: null } });
    render(PlanNotOpened, { problem });
    await fireEvent.click(within(screen.getByTestId("backup-row")).getByTestId("restore-into-new-plan"));
    await waitFor(() => expect(planFile.status?.plan).toEqual(restored));
    expect(chooseSavePath).toHaveBeenCalledWith("Bangkok dialogue restored.rtplan", { name: "Roundtable plans", extensions: ["rtplan"] });
    expect(restoreFailedPlan).toHaveBeenCalledWith(backup.file, restored.path);
  });

  it("shows why New plan… was refused, and stays", async () => {
    chooseSavePath.mockResolvedValue({ status: "ok", data: "/home/ana/New plan.rtplan" });
    newPlan.mockResolvedValue({
      status: "error",
      error: { kind: "validation", message: "/home/ana/New plan.rtplan already exists", field: "path", problems: [] },
    });
    render(PlanMenu);
    render(PlanNotOpened, { problem });
    await fireEvent.click(screen.getByTestId("failed-new-plan"));
    await waitFor(() => expect(screen.getByTestId("plan-error").textContent).toContain("already exists"));
    expect(planFile.status?.problem).toEqual(problem);
    expect(planStatus).not.toHaveBeenCalled();
  });

  it("does nothing when the Save dialog is cancelled", async () => {
    chooseSavePath.mockResolvedValue({ status: "ok", data: null });
    render(PlanNotOpened, { problem });
    await fireEvent.click(screen.getByTestId("failed-new-plan"));
    await waitFor(() => expect(chooseSavePath).toHaveBeenCalled());
    expect(newPlan).not.toHaveBeenCalled();
    expect(planFile.error).toBeNull();
  });
});
