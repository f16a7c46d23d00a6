// File → Plan settings…: the plan's choices as saved, a change saved and every
// screen told to fetch the plan again, an unchanged form saved as nothing, the
// backend's refusal of a lead time shown by its field.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../lib/bindings";
import { planChanges } from "../../lib/planChanges.svelte";
import PlanSettingsDialog from "./PlanSettingsDialog.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { countryNames: vi.fn(), setCountryNames: vi.fn(), visaLetterWeeks: vi.fn(), setVisaLetterWeeks: vi.fn() },
}));

const countryNames = vi.mocked(commands.countryNames);
const setCountryNames = vi.mocked(commands.setCountryNames);
const visaLetterWeeks = vi.mocked(commands.visaLetterWeeks);
const setVisaLetterWeeks = vi.mocked(commands.setVisaLetterWeeks);

beforeEach(() => {
  vi.clearAllMocks();
  countryNames.mockResolvedValue({ status: "ok", data: "un" });
  visaLetterWeeks.mockResolvedValue({ status: "ok", data: 6 });
  setCountryNames.mockResolvedValue({ status: "ok", data: null });
  setVisaLetterWeeks.mockResolvedValue({ status: "ok", data: null });
});

async function openDialog(): Promise<void> {
  render(PlanSettingsDialog, { open: true });
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("plan-settings-save").disabled).toBe(false));
}

const closed = () => expect(screen.queryByTestId("plan-settings-save")).toBeNull();

describe("the plan's settings", () => {
  it("shows the UN's names and six weeks; ISO's names, once saved, are set and every screen fetches again", async () => {
    await openDialog();
    expect(screen.getByTestId<HTMLInputElement>("country-names-un").checked).toBe(true);
    expect(screen.getByTestId<HTMLInputElement>("visa-letter-weeks").value).toBe("6");
    const before = planChanges.version;
    await fireEvent.click(screen.getByTestId("country-names-iso"));
    await fireEvent.click(screen.getByTestId("plan-settings-save"));
    await waitFor(() => expect(setCountryNames).toHaveBeenCalledWith("iso"));
    expect(setVisaLetterWeeks).not.toHaveBeenCalled();
    expect(planChanges.version).toBe(before + 1);
    await waitFor(closed);
  });

  it("saves nothing when nothing changed", async () => {
    await openDialog();
    await fireEvent.click(screen.getByTestId("plan-settings-save"));
    await waitFor(closed);
    expect(setCountryNames).not.toHaveBeenCalled();
    expect(setVisaLetterWeeks).not.toHaveBeenCalled();
  });

  it("shows the backend's refusal of a lead time next to it and stays open", async () => {
    await openDialog();
    await fireEvent.input(screen.getByTestId("visa-letter-weeks"), { target: { value: "60" } });
    setVisaLetterWeeks.mockResolvedValue({
      status: "error",
      error: { kind: "validation", message: "Give a lead time of 1 to 52 weeks", field: "visa_letter_weeks", problems: [] },
    });
    await fireEvent.click(screen.getByTestId("plan-settings-save"));
    await waitFor(() => expect(screen.getByText("Give a lead time of 1 to 52 weeks")).toBeTruthy());
    expect(setVisaLetterWeeks).toHaveBeenCalledWith(60);
    expect(screen.getByTestId("plan-settings-save")).toBeTruthy();
  });
});
