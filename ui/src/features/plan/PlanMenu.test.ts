// The menu bar's File → Show in folder (the backend knows which file) and
// Edit: Undo and Redo naming the action they reverse (Ctrl+Z outside a text
// field), the clipboard acting on the field the person was in (Cut and Paste
// only where the field takes changes, Copy and Select all in any field), and
// Find doing what "/" does on the screen on show. File → Team folder… asks
// for the organiser's name the first time, before the plan is shared.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../lib/bindings";
import PlanMenu from "./PlanMenu.svelte";
import { planFile } from "./planFile.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    recentPlans: vi.fn(),
    showPlanInFolder: vi.fn(),
    undoSteps: vi.fn(),
    undo: vi.fn(),
    redo: vi.fn(),
    whoami: vi.fn(),
    setIdentity: vi.fn(),
    chooseTeamFolder: vi.fn(),
    teamStatus: vi.fn(),
  },
}));

const plan = { path: "/home/ana/Bangkok dialogue.rtplan", name: "Bangkok dialogue" };
const execCommand = vi.fn((_command: string) => true);

beforeEach(() => {
  vi.clearAllMocks();
  planFile.status = { plan, problem: null };
  planFile.error = null;
  planFile.notice = null;
  vi.mocked(commands.recentPlans).mockResolvedValue({ status: "ok", data: [] });
  vi.mocked(commands.undoSteps).mockResolvedValue({ status: "ok", data: { undo: null, redo: null } });
  Object.defineProperty(document, "execCommand", { value: execCommand, configurable: true });
});

afterEach(() => {
  document.body.querySelectorAll("[data-field]").forEach((field) => field.remove());
});

const disabled = (testid: string) => screen.getByTestId(testid).getAttribute("aria-disabled") === "true";

function field(readOnly = false): HTMLInputElement {
  const input = document.createElement("input");
  input.dataset.field = "";
  input.readOnly = readOnly;
  document.body.append(input);
  return input;
}

describe("the menu bar", () => {
  it("File → Show in folder asks the backend to show the open plan", async () => {
    vi.mocked(commands.showPlanInFolder).mockResolvedValue({ status: "ok", data: plan });
    render(PlanMenu);
    await fireEvent.click(screen.getByTestId("menu-file"));
    await fireEvent.click(screen.getByTestId("menu-show-in-folder"));
    await waitFor(() => expect(commands.showPlanInFolder).toHaveBeenCalledWith());
    expect(planFile.error).toBeNull();
  });

  it("Edit acts on the field the person was in, and only where it can", async () => {
    render(PlanMenu);
    const notes = field();
    await fireEvent.click(screen.getByTestId("menu-edit"));
    expect(["menu-cut", "menu-copy", "menu-paste", "menu-select-all"].every(disabled)).toBe(true);

    notes.focus();
    await fireEvent.click(screen.getByTestId("menu-edit"));
    expect(["menu-cut", "menu-copy", "menu-paste", "menu-select-all"].some(disabled)).toBe(false);
    await fireEvent.click(screen.getByTestId("menu-select-all"));
    expect(execCommand).toHaveBeenCalledWith("selectAll");
    expect(document.activeElement).toBe(notes);

    field(true).focus();
    await fireEvent.click(screen.getByTestId("menu-edit"));
    expect(disabled("menu-cut") && disabled("menu-paste")).toBe(true);
    expect(disabled("menu-copy")).toBe(false);
    await fireEvent.click(screen.getByTestId("menu-copy"));
    expect(execCommand).toHaveBeenLastCalledWith("copy");
  });

  it("Edit names what Undo would take back, and Ctrl+Z outside a field takes it back", async () => {
    const step = { action: 7, summary: "Deleted event Bangkok dialogue and 40 more records", at: "2026-12-07T06:00:00Z" };
    vi.mocked(commands.undoSteps).mockResolvedValue({ status: "ok", data: { undo: step, redo: null } });
    vi.mocked(commands.undo).mockResolvedValue({ status: "ok", data: step });
    vi.mocked(commands.redo).mockResolvedValue({ status: "ok", data: null });
    render(PlanMenu);
    await fireEvent.click(screen.getByTestId("menu-edit"));
    await waitFor(() => expect(screen.getByTestId("menu-undo").textContent).toContain(step.summary));
    expect(disabled("menu-undo")).toBe(false);
    expect(disabled("menu-redo")).toBe(true);
    await fireEvent.keyDown(document.body, { key: "Escape" });

    // In a text field, Ctrl+Z is the field's own undo of typing.
    const notes = field();
    notes.focus();
    await fireEvent.keyDown(notes, { key: "z", ctrlKey: true });
    expect(commands.undo).not.toHaveBeenCalled();

    await fireEvent.keyDown(document.body, { key: "z", ctrlKey: true });
    await waitFor(() => expect(planFile.notice).toBe(`Undone: ${step.summary}.`));
    expect(commands.undo).toHaveBeenCalledTimes(1);
    await fireEvent.keyDown(document.body, { key: "Z", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(commands.redo).toHaveBeenCalledTimes(1));
  });

  it("Edit → Find does what / does on the screen", async () => {
    const pressed: string[] = [];
    const listen = (event: KeyboardEvent) => pressed.push(event.key);
    window.addEventListener("keydown", listen);
    render(PlanMenu);
    await fireEvent.click(screen.getByTestId("menu-edit"));
    await fireEvent.click(screen.getByTestId("menu-find"));
    window.removeEventListener("keydown", listen);
    expect(pressed).toEqual(["/"]);
  });

  it("File → Team folder… asks for the organiser's name first, once, then shares the plan", async () => {
    const me = { id: "0193", name: "ana", organisation: "", named: false };
    vi.mocked(commands.whoami).mockResolvedValue({ status: "ok", data: me });
    vi.mocked(commands.setIdentity).mockResolvedValue({
      status: "ok",
      data: { ...me, name: "Ana Reyes", organisation: "IOM Thailand", named: true },
    });
    vi.mocked(commands.chooseTeamFolder).mockResolvedValue({ status: "ok", data: null });
    vi.mocked(commands.teamStatus).mockResolvedValue({
      status: "ok",
      data: { folder: null, synced_at: null, disagreements: 0 },
    });
    render(PlanMenu);
    await fireEvent.click(screen.getByTestId("menu-file"));
    await fireEvent.click(screen.getByTestId("menu-team-folder"));
    expect((await screen.findByTestId("identity-intro")).textContent).toContain("Before the plan is shared");
    expect(commands.chooseTeamFolder).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByTestId("identity-name"), { target: { value: "Ana Reyes" } });
    await fireEvent.input(screen.getByTestId("identity-organisation"), { target: { value: "IOM Thailand" } });
    await fireEvent.click(screen.getByTestId("identity-save"));
    await waitFor(() => expect(commands.chooseTeamFolder).toHaveBeenCalledTimes(1));
    expect(commands.setIdentity).toHaveBeenCalledWith("Ana Reyes", "IOM Thailand");

    // Named, the next time goes straight to the folder.
    vi.mocked(commands.whoami).mockResolvedValue({ status: "ok", data: { ...me, named: true } });
    await fireEvent.click(screen.getByTestId("menu-file"));
    await fireEvent.click(screen.getByTestId("menu-team-folder"));
    await waitFor(() => expect(commands.chooseTeamFolder).toHaveBeenCalledTimes(2));
  });
});
