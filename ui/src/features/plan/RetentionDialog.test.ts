// File → Personal data…: the retention setting as saved, asked once in plain
// words (the events it applies to) before anything is erased, the result said
// under the menu bar, the backend's refusal shown by the field, and turning
// it off asks nothing.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands, type RetentionPreview } from "../../lib/bindings";
import { planFile } from "./planFile.svelte";
import RetentionDialog from "./RetentionDialog.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    retentionMonths: vi.fn(),
    previewRetention: vi.fn(),
    setRetentionMonths: vi.fn(),
  },
}));


const retentionMonths = vi.mocked(commands.retentionMonths);
const previewRetention = vi.mocked(commands.previewRetention);
const setRetentionMonths = vi.mocked(commands.setRetentionMonths);

const preview: RetentionPreview = {
  months: 12,
  ended_before: "2025-12-02",
  events: [
    { id: "a", title: "Bangkok dialogue", end_date: "2022-09-23" },
    { id: "b", title: "MIEUX Round-table", end_date: "2018-05-30" },
  ],
  people: 35,
};

beforeEach(() => {
  vi.clearAllMocks();
  planFile.notice = null;
  planFile.error = null;
});

async function openWith(saved: number | null): Promise<void> {
  retentionMonths.mockResolvedValue({ status: "ok", data: saved });
  render(RetentionDialog, { open: true });
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("retention-save").disabled).toBe(false));
}

describe("the retention setting", () => {
  it("is off by default; set to 12 months it asks, naming the events, then says what it erased", async () => {
    await openWith(null);
    expect(screen.getByTestId<HTMLInputElement>("retention-off").checked).toBe(true);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId("retention-off")));
    expect(screen.queryByTestId("retention-months")).toBeNull();

    await fireEvent.click(screen.getByTestId("retention-on"));
    await fireEvent.input(screen.getByTestId("retention-months"), { target: { value: "12" } });
    previewRetention.mockResolvedValue({ status: "ok", data: preview });
    setRetentionMonths.mockResolvedValue({ status: "ok", data: { months: 12, people_erased: 35, seats_cleared: 61 } });
    await fireEvent.click(screen.getByTestId("retention-save"));

    await waitFor(() => expect(screen.getByTestId("retention-events")).toBeTruthy());
    expect(previewRetention).toHaveBeenCalledWith(12);
    expect(setRetentionMonths).not.toHaveBeenCalled();
    expect(screen.getByText("Erase personal data of events that ended before 2 Dec 2025?")).toBeTruthy();
    expect(screen.getByTestId("retention-events").textContent).toContain("Bangkok dialogue (ended 23 Sep 2022)");
    expect(screen.getByTestId("retention-events").textContent).toContain("MIEUX Round-table (ended 30 May 2018)");

    await fireEvent.click(screen.getByTestId("confirm"));
    await waitFor(() => expect(setRetentionMonths).toHaveBeenCalledWith(12));
    await waitFor(() => expect(planFile.notice).toContain("Erased now: 35 people, and the details of 61 seats."));
  });

  it("shows the backend's refusal by the field, and erases nothing", async () => {
    await openWith(null);
    await fireEvent.click(screen.getByTestId("retention-on"));
    await fireEvent.input(screen.getByTestId("retention-months"), { target: { value: "0" } });
    const message = "Keep personal data for at least one month, or turn retention off";
    previewRetention.mockResolvedValue({
      status: "error",
      error: { kind: "validation", message, field: "retention_months", problems: [] },
    });
    await fireEvent.click(screen.getByTestId("retention-save"));
    await waitFor(() => expect(screen.getByTestId("error-retention-months").textContent).toBe(message));
    expect(screen.getByTestId("retention-months").getAttribute("aria-invalid")).toBe("true");
    expect(setRetentionMonths).not.toHaveBeenCalled();
  });

  it("shows the saved setting, and turning it off asks nothing", async () => {
    await openWith(24);
    expect(screen.getByTestId<HTMLInputElement>("retention-on").checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>("retention-months").value).toBe("24");
    setRetentionMonths.mockResolvedValue({ status: "ok", data: null });
    await fireEvent.click(screen.getByTestId("retention-off"));
    await fireEvent.click(screen.getByTestId("retention-save"));
    await waitFor(() => expect(setRetentionMonths).toHaveBeenCalledWith(null));
    expect(previewRetention).not.toHaveBeenCalled();
    expect(planFile.notice).toBe("Retention is off: personal data is kept until someone erases it.");
  });
});
