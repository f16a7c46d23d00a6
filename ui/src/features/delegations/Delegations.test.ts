import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { DelegationTracker, TrackerCounts, TrackerRow } from "../../lib/bindings";
import { commands } from "../../lib/bindings";
import { countries } from "../../lib/countries.svelte";
import { view } from "../participants/testRows";
import Delegations from "./Delegations.svelte";

vi.mock("@tauri-apps/api/core", () => ({ Channel: class { onmessage = () => {} } }));

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    delegationTracker: vi.fn(),
    listDelegations: vi.fn(),
    listOrganisations: vi.fn(),
    createDelegation: vi.fn(),
    listParticipants: vi.fn(),
  },
}));

const ok = <T>(data: T) => ({ status: "ok" as const, data });

function counts(over: Partial<TrackerCounts> = {}): TrackerCounts {
  const c = { invited: 0, nominated: 0, confirmed: 0, attended: 0, declined: 0, cancelled: 0, female: 0, male: 0, other_gender: 0, undisclosed_gender: 0, visa_letters_needed: 0, ...over };
  return { seats_taken: c.invited + c.nominated + c.confirmed + c.attended, ...c };
}

function row(id: string, name: string, over: Partial<TrackerRow> = {}): TrackerRow {
  return { delegation_id: id, name, kind: "country", country_code: null, quota: 3, counts: counts(), head: null, over_quota: false, needs_head: false, under_quota: false, workflow: { focal_point_id: null, focal_point_name: null, invitation_sent_on: null, invitation_channel: null, nomination_deadline: null, nomination_received_on: null, credentials_received_on: null }, nomination_overdue: false, ...over };
}

const tracker: DelegationTracker = {
  event_id: "ev",
  rows: [
    row("kh", "Cambodia", { counts: counts({ confirmed: 2, female: 1, male: 1 }), head: "Mr Sophal Chea", under_quota: true }),
    row("mm", "Myanmar", { counts: counts({ invited: 3, confirmed: 1, female: 2, male: 2, visa_letters_needed: 2 }), over_quota: true, needs_head: true }),
    row("ex", "Experts", { kind: "expert_group", quota: 2, counts: counts({ confirmed: 2, female: 1, male: 1 }) }),
  ],
  totals: counts({ invited: 3, confirmed: 5, female: 4, male: 4, visa_letters_needed: 2 }),
  total_quota: 8,
};

beforeEach(() => {
  vi.mocked(commands.delegationTracker).mockResolvedValue(ok(tracker));
  vi.mocked(commands.listDelegations).mockResolvedValue(ok([]));
  countries.list = [
    { alpha2: "KH", alpha3: "KHM", name: "Cambodia" },
    { alpha2: "MX", alpha3: "MEX", name: "Mexico" },
  ];
  vi.mocked(commands.listOrganisations).mockResolvedValue(ok([]));
});

const names = () => screen.getAllByTestId("tracker-row").map((r) => r.getAttribute("data-name"));

describe("Delegations", () => {
  it("shows the backend's counts, the head or its absence, quota marks and the totals", async () => {
    render(Delegations, { eventId: "ev" });
    await waitFor(() => expect(names()).toEqual(["Cambodia", "Myanmar", "Experts"]));
    const myanmar = within(screen.getAllByTestId("tracker-row")[1]);
    expect(myanmar.getByTestId("cell-quota").textContent).toMatch(/4\s*\/ 3\s*Over by 1/);
    expect(myanmar.getByTestId("cell-head").textContent).toContain("No head");
    expect(myanmar.getByTestId("cell-gender").textContent).toContain("2 F · 2 M");
    expect(myanmar.getByTestId("cell-visa").textContent?.trim()).toBe("2");
    const experts = within(screen.getAllByTestId("tracker-row")[2]);
    expect(experts.queryByTestId("no-head")).toBeNull();
    expect(screen.getByTestId("total-confirmed").textContent).toBe("5");
    expect(screen.getByTestId("total-heads").textContent).toBe("1 of 2 named");
    expect(screen.getByTestId("tracker-summary").textContent).toContain("8 seats offered by quota");
  });

  it("sorts by a column and filters by what needs attention", async () => {
    render(Delegations, { eventId: "ev" });
    await waitFor(() => expect(names()).toHaveLength(3));
    await fireEvent.click(screen.getByTestId("sort-confirmed"));
    expect(names()).toEqual(["Cambodia", "Experts", "Myanmar"]);
    expect(screen.getByTestId("sort-confirmed").closest("th")?.getAttribute("aria-sort")).toBe("descending");
    const show = screen.getByTestId("filter-attention") as HTMLSelectElement;
    show.value = "attention";
    await fireEvent.change(show);
    // Cambodia fills 2 of its 3 seats (under quota), Myanmar is over quota with no head.
    expect(names()).toEqual(["Cambodia", "Myanmar"]);
  });

  it("shows the backend's error next to the country field and keeps what was typed", async () => {
    vi.mocked(commands.createDelegation).mockResolvedValue({
      status: "error",
      error: { kind: "duplicate", field: "country_code", message: "Cambodia already has a delegation at this event (Cambodia)", problems: [] },
    });
    render(Delegations, { eventId: "ev" });
    await waitFor(() => expect(names()).toHaveLength(3));
    await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    const country = (await screen.findByTestId("delegation-country")) as HTMLSelectElement;
    await waitFor(() => expect(country.options.length).toBe(3));
    country.value = "KH";
    await fireEvent.change(country);
    const quota = screen.getByTestId("delegation-quota") as HTMLInputElement;
    await fireEvent.input(quota, { target: { value: "4" } });
    await fireEvent.click(screen.getByTestId("delegation-submit"));
    expect((await screen.findByTestId("error-delegation-country")).textContent).toContain("already has a delegation");
    expect(commands.createDelegation).toHaveBeenCalledWith("ev", {
      kind: "country",
      country_code: "KH",
      organisation_id: null,
      name: null,
      quota: 4,
      notes: "",
    });
    expect(quota.value).toBe("4");
  });

  it("asks before Escape drops a new delegation not saved yet", async () => {
    render(Delegations, { eventId: "ev" });
    await waitFor(() => expect(names()).toHaveLength(3));
    await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
    const quota = (await screen.findByTestId("delegation-quota")) as HTMLInputElement;
    await fireEvent.input(quota, { target: { value: "4" } });
    await fireEvent.keyDown(window, { key: "Escape" });
    expect((screen.getByTestId("unsaved-dialog") as HTMLDialogElement).open).toBe(true);
    expect(screen.getByTestId("new-delegation-panel")).toBeTruthy();
    await fireEvent.click(screen.getByTestId("discard-changes"));
    await waitFor(() => expect(screen.queryByTestId("new-delegation-panel")).toBeNull());
  });

  it("opens a delegation with its members: the panel is drawn once they are in, not empty before", async () => {
    const cambodia = { id: "kh", event_id: "ev", kind: "country", name: "Cambodia", country_code: "KH", organisation_id: null, quota: 3, notes: "" };
    vi.mocked(commands.listDelegations).mockResolvedValue(ok([cambodia] as never));
    const members = [view("a", { delegation_id: "kh" }), view("b", { delegation_id: "kh" })];
    vi.mocked(commands.listParticipants).mockImplementation(
      () => new Promise((answer) => setTimeout(() => answer(ok({ rows: members, total: 2, last: true })), 30)),
    );
    // jsdom has no CSS.escape, which bringing the opened row into view uses.
    vi.stubGlobal("CSS", { escape: (text: string) => text });
    render(Delegations, { eventId: "ev", focus: "kh" });
    await screen.findByTestId("delegation-panel", {}, { timeout: 2000 });
    expect(screen.getAllByTestId("panel-member")).toHaveLength(2);
    expect(commands.listParticipants).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
  });
});
