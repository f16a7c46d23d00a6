// The menu bar's File → Show in folder: the backend knows which file.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../lib/bindings";
import PlanMenu from "./PlanMenu.svelte";
import { planFile } from "./planFile.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    recentPlans: vi.fn(),
    showPlanInFolder: vi.fn(),
  },
}));

const plan = { path: "/home/ana/Bangkok dialogue.rtplan", name: "Bangkok dialogue" };

beforeEach(() => {
  vi.clearAllMocks();
  planFile.status = { plan, problem: null };
  planFile.error = null;
  planFile.notice = null;
  vi.mocked(commands.recentPlans).mockResolvedValue({ status: "ok", data: [] });
});

describe("the menu bar", () => {
  it("File → Show in folder asks the backend to show the open plan", async () => {
    vi.mocked(commands.showPlanInFolder).mockResolvedValue({ status: "ok", data: plan });
    render(PlanMenu);
    await fireEvent.click(screen.getByTestId("menu-file"));
    await fireEvent.click(screen.getByTestId("menu-show-in-folder"));
    await waitFor(() => expect(commands.showPlanInFolder).toHaveBeenCalledWith());
    expect(planFile.error).toBeNull();
  });
});
