// File → Country names…: the plan's choice as saved, a change saved and every
// screen told to fetch the plan again, an unchanged choice saved as nothing.
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../lib/bindings";
import { planChanges } from "../../lib/planChanges.svelte";
import CountryNamesDialog from "./CountryNamesDialog.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { countryNames: vi.fn(), setCountryNames: vi.fn() },
}));

const countryNames = vi.mocked(commands.countryNames);
const setCountryNames = vi.mocked(commands.setCountryNames);

beforeEach(() => {
  vi.clearAllMocks();
  countryNames.mockResolvedValue({ status: "ok", data: "un" });
  setCountryNames.mockResolvedValue({ status: "ok", data: null });
});

async function openDialog(): Promise<void> {
  render(CountryNamesDialog, { open: true });
  await waitFor(() => expect(screen.getByTestId<HTMLButtonElement>("country-names-save").disabled).toBe(false));
}

describe("the country names setting", () => {
  it("shows the UN's names as chosen; ISO's, once saved, are set and every screen fetches again", async () => {
    await openDialog();
    expect(screen.getByTestId<HTMLInputElement>("country-names-un").checked).toBe(true);
    const before = planChanges.version;
    await fireEvent.click(screen.getByTestId("country-names-iso"));
    await fireEvent.click(screen.getByTestId("country-names-save"));
    await waitFor(() => expect(setCountryNames).toHaveBeenCalledWith("iso"));
    expect(planChanges.version).toBe(before + 1);
    await waitFor(() => expect(screen.queryByTestId("country-names-save")).toBeNull());
  });

  it("saves nothing when the choice is the one already made", async () => {
    await openDialog();
    await fireEvent.click(screen.getByTestId("country-names-save"));
    await waitFor(() => expect(screen.queryByTestId("country-names-save")).toBeNull());
    expect(setCountryNames).not.toHaveBeenCalled();
  });

  it("shows the backend's refusal and stays open", async () => {
    await openDialog();
    await fireEvent.click(screen.getByTestId("country-names-iso"));
    setCountryNames.mockResolvedValue({
      status: "error",
      error: { kind: "storage", message: "The plan file is read-only", field: null, problems: [] },
    });
    await fireEvent.click(screen.getByTestId("country-names-save"));
    await waitFor(() => expect(screen.getByTestId("country-names-error").textContent).toContain("read-only"));
    expect(screen.getByTestId("country-names-save")).toBeTruthy();
  });
});
