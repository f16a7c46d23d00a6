import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Event } from "../../lib/bindings";
import { commands } from "../../lib/bindings";
import NewEventDialog from "./NewEventDialog.svelte";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: { createSeries: vi.fn(), deleteSeries: vi.fn(), createEvent: vi.fn(), fillDays: vi.fn() },
}));

const createEvent = vi.mocked(commands.createEvent);
const createSeries = vi.mocked(commands.createSeries);
const deleteSeries = vi.mocked(commands.deleteSeries);
const fillDays = vi.mocked(commands.fillDays);

const countries = [
  { alpha2: "KE", alpha3: "KEN", name: "Kenya" },
  { alpha2: "TH", alpha3: "THA", name: "Thailand" },
];
const series = [{ id: "s1", title: "MIEUX Regional Round-tables 2018", description: "" }];

const created: Event = {
  id: "new",
  series_id: "s1",
  title: "MIEUX Regional Round-table: Africa",
  format: "round_table",
  host_city: "Nairobi",
  host_country: "KE",
  venue: "",
  time_zone: "Africa/Nairobi",
  start_date: "2018-09-10",
  end_date: "2018-09-11",
  status: "draft",
  objectives: "",
  priorities: [],
  sdgs: [],
  languages: [],
  notes: "",
  check_panel_balance: true,
};


async function fill(label: string, value: string): Promise<void> {
  await fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

describe("NewEventDialog", () => {
  beforeEach(() => {
    createEvent.mockReset();
    createSeries.mockReset();
    deleteSeries.mockReset();
    fillDays.mockReset();
  });

  it("proposes the country's time zone and copies the first day to an empty last day", async () => {
    render(NewEventDialog, { open: true, series, countries, oncreated: vi.fn() });
    await fireEvent.change(screen.getByLabelText("Host country"), { target: { value: "KE" } });
    expect((screen.getByLabelText("Time zone of the venue") as HTMLInputElement).value).toBe("Africa/Nairobi");
    await fireEvent.input(screen.getByLabelText("First day"), { target: { value: "2018-09-10" } });
    await fireEvent.change(screen.getByLabelText("First day"));
    expect((screen.getByLabelText("Last day") as HTMLInputElement).value).toBe("2018-09-10");
  });

  it("shows the store's error under its field and keeps what was typed", async () => {
    createEvent.mockResolvedValue({
      status: "error",
      error: { kind: "validation", field: "end_date", message: "The last day is before the first day", problems: [] },
    });
    render(NewEventDialog, { open: true, series, countries, oncreated: vi.fn() });
    await fill("Title", "Regional dialogue");
    await fill("Host city", "Bangkok");
    await fireEvent.click(screen.getByTestId("create-event"));

    const error = await screen.findByTestId("error-new-event-end_date");
    expect(error.textContent).toContain("The last day is before the first day");
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("Regional dialogue");
    expect((screen.getByLabelText("Host city") as HTMLInputElement).value).toBe("Bangkok");
    expect(fillDays).not.toHaveBeenCalled();
  });

  it("uses an existing series by title, creates the event in one call (the backend adds its days), and hands it over", async () => {
    createEvent.mockResolvedValue({ status: "ok", data: created });
    const oncreated = vi.fn();
    render(NewEventDialog, { open: true, series, countries, oncreated });
    await fill("Title", created.title);
    await fill("Series", "mieux regional round-tables 2018");
    await fireEvent.click(screen.getByTestId("create-event"));

    await waitFor(() => expect(oncreated).toHaveBeenCalledWith(created));
    expect(createSeries).not.toHaveBeenCalled();
    expect(createEvent.mock.calls[0][0]).toMatchObject({ title: created.title, series_id: "s1" });
    expect(createEvent).toHaveBeenCalledOnce();
    expect(fillDays).not.toHaveBeenCalled();
  });

  it("asks for a new series in the event's own call, so a refused event leaves none behind", async () => {
    createEvent.mockResolvedValue({
      status: "error",
      error: { kind: "validation", field: "host_city", message: "Host city is required", problems: [] },
    });
    render(NewEventDialog, { open: true, series, countries, oncreated: vi.fn() });
    await fill("Title", "First stop");
    await fill("Series", "Tour 2027");
    await fireEvent.click(screen.getByTestId("create-event"));

    expect((await screen.findByTestId("error-new-event-host_city")).textContent).toContain("Host city is required");
    expect(createEvent.mock.calls[0][0].series_id).toBeNull();
    expect(createEvent.mock.calls[0][1]).toEqual({ title: "Tour 2027", description: "" });
    expect(createSeries).not.toHaveBeenCalled();
    expect(deleteSeries).not.toHaveBeenCalled();
  });
});
