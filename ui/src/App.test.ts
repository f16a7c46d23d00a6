import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import App from "./App.svelte";
import type { EventListItem } from "./lib/api";
import { commands } from "./lib/bindings";

vi.mock("./lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("./lib/bindings")>()),
  commands: {
    listEvents: vi.fn(),
    listSeries: vi.fn(),
    listCountries: vi.fn(),
    loadExamples: vi.fn(),
    reportFirstPaint: vi.fn(),
    planStatus: vi.fn(),
    recentPlans: vi.fn(),
    chooseSavePath: vi.fn(),
    chooseOpenPath: vi.fn(),
  },
}));

const listEvents = vi.mocked(commands.listEvents);
const loadExamples = vi.mocked(commands.loadExamples);
const listSeries = vi.mocked(commands.listSeries);
const listCountries = vi.mocked(commands.listCountries);
const reportFirstPaint = vi.mocked(commands.reportFirstPaint);
const planStatus = vi.mocked(commands.planStatus);

function event(overrides: Partial<EventListItem>): EventListItem {
  return {
    id: "e1",
    title: "Event",
    series_id: null,
    series_title: null,
    format: "round_table",
    status: "planned",
    start_date: "2018-03-05",
    end_date: "2018-03-06",
    host_city: "Bangkok",
    host_country: "TH",
    country_name: "Thailand",
    delegations: 0,
    participants: 0,
    sessions: 0,
    ...overrides,
  };
}

const dialogue = event({
  id: "a",
  title: "High-level regional dialogue on migrant protection",
  format: "dialogue",
  status: "reported",
  start_date: "2022-09-21",
  end_date: "2022-09-23",
  delegations: 3,
  participants: 36,
  sessions: 1,
});
const mieux = event({
  id: "b",
  title: "First MIEUX Regional Round-table",
  series_id: "s",
  series_title: "MIEUX Regional Round-tables 2018",
  status: "held",
});

describe("App", () => {
  beforeEach(() => {
    listEvents.mockReset();
    loadExamples.mockReset();
    listSeries.mockResolvedValue({ status: "ok", data: [] });
    listCountries.mockResolvedValue({ status: "ok", data: [] });
    planStatus.mockResolvedValue({ status: "ok", data: { plan: { path: "/plans/Bangkok.rtplan", name: "Bangkok" }, problem: null } });
  });

  it("shows the empty state with guidance when the plan has no events", async () => {
    listEvents.mockResolvedValue({ status: "ok", data: [] });
    render(App);
    expect((await screen.findByTestId("empty-state")).textContent).toMatch(/Load examples/);
    expect(screen.queryByTestId("event-list")).toBeNull();
  });

  it("loads the examples and lists the events latest first", async () => {
    listEvents.mockResolvedValueOnce({ status: "ok", data: [] });
    listEvents.mockResolvedValueOnce({ status: "ok", data: [mieux, dialogue] });
    loadExamples.mockResolvedValue({ status: "ok", data: { created: 2, already_present: 0 } });
    render(App);
    await screen.findByTestId("empty-state");

    await fireEvent.click(screen.getByRole("button", { name: "Load examples" }));

    await waitFor(() => expect(screen.getAllByTestId("event-row")).toHaveLength(2));
    const rows = screen.getAllByTestId("event-row");
    expect(rows[0].textContent).toContain("21–23 Sep 2022");
    expect(rows[0].textContent).toContain("Bangkok, Thailand");
    expect(rows[0].textContent).toContain("36 participants");
    expect(rows[0].textContent).toContain("Reported");
    expect(rows[0].textContent).toContain("Dialogue");
    expect(rows[1].textContent).toContain("MIEUX Regional Round-tables 2018");
    expect(rows[1].textContent).toContain("5–6 Mar 2018");
    expect(screen.getByRole("status").textContent).toContain("Added 2 example events.");
    expect(loadExamples).toHaveBeenCalledTimes(1);
  });

  it("shows the backend's error message in the alert region", async () => {
    listEvents.mockResolvedValue({
      status: "error",
      error: { kind: "storage", message: "The plan store could not be opened.", field: null, problems: [] },
    });
    render(App);
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toContain("The plan store could not be opened."),
    );
  });

  it("renders only the rows in view of a thousand events, and search still finds any of them", async () => {
    const many = Array.from({ length: 1_000 }, (_, i) =>
      event({
        id: `e${i}`,
        title: `Round-table ${String(i).padStart(4, "0")}`,
        start_date: `20${String(10 + (i % 10)).padStart(2, "0")}-01-${String(1 + (i % 28)).padStart(2, "0")}`,
        end_date: `20${String(10 + (i % 10)).padStart(2, "0")}-01-${String(1 + (i % 28)).padStart(2, "0")}`,
      }),
    );
    listEvents.mockResolvedValue({ status: "ok", data: many });
    render(App);

    await waitFor(() => expect(screen.getAllByTestId("event-row").length).toBeGreaterThan(0));
    const rows = screen.getAllByTestId("event-row");
    expect(rows.length).toBeLessThan(20);
    expect(rows[0].getAttribute("aria-setsize")).toBe("1000");
    expect(rows[0].getAttribute("aria-posinset")).toBe("1");
    expect(screen.getByTestId("past").textContent).toContain("1000 events");

    // An event far down the list is not in the page until searched for.
    expect(screen.queryByText("Round-table 0990")).toBeNull();
    await fireEvent.input(screen.getByTestId("event-search"), { target: { value: "round-table 0990" } });
    await waitFor(() => expect(screen.getAllByTestId("event-row")).toHaveLength(1));
    expect(screen.getByTestId("event-row").textContent).toContain("Round-table 0990");
  });

  it("reports the first paint once the events are on the page, and only once", async () => {
    listEvents.mockResolvedValue({ status: "ok", data: [dialogue] });
    render(App);
    await screen.findByTestId("event-row");
    await waitFor(() => expect(reportFirstPaint).toHaveBeenCalledTimes(1));
    await fireEvent.click(screen.getByRole("button", { name: "Load examples" }));
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expect(reportFirstPaint).toHaveBeenCalledTimes(1);
  });

  it("names the plan and the screen in the title, and Ctrl+Shift+N asks for a new plan, not a new event", async () => {
    listEvents.mockResolvedValue({ status: "ok", data: [dialogue] });
    const chooseSavePath = vi.mocked(commands.chooseSavePath);
    chooseSavePath.mockResolvedValue({ status: "ok", data: null });
    render(App);
    await screen.findByTestId("event-row");
    await waitFor(() => expect(document.title).toBe("Bangkok — Events — Roundtable Planner"));

    await fireEvent.keyDown(document.body, { key: "N", ctrlKey: true, shiftKey: true });
    await waitFor(() => expect(chooseSavePath).toHaveBeenCalledWith("New plan.rtplan", { name: "Roundtable plans", extensions: ["rtplan"] }));
    expect(document.querySelector("dialog[open]")).toBeNull();
  });

  it("shows why the plan could not be opened instead of the events", async () => {
    listEvents.mockResolvedValue({ status: "ok", data: [] });
    planStatus.mockResolvedValue({
      status: "ok",
      data: {
        plan: null,
        problem: { plan: { path: "/plans/notes.rtplan", name: "notes" }, message: "notes.rtplan is not a Roundtable Planner plan", backups: [] },
      },
    });
    render(App);
    expect((await screen.findByTestId("plan-not-opened")).textContent).toContain("notes.rtplan is not a Roundtable Planner plan");
    expect(screen.queryByTestId("empty-state")).toBeNull();
    expect(document.title).toBe("The plan could not be opened — Roundtable Planner");
  });
});
