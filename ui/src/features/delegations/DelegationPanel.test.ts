import type { Channel } from "@tauri-apps/api/core";
import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Delegation, ParticipantPage, ParticipantView, TrackerRow } from "../../lib/bindings";
import { commands } from "../../lib/bindings";
import { view } from "../participants/testRows";
import DelegationPanel from "./DelegationPanel.svelte";

vi.mock("@tauri-apps/api/core", () => ({ Channel: class { onmessage = () => {} } }));
vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    listParticipants: vi.fn(),
    setParticipantRole: vi.fn(),
    setParticipantsStatus: vi.fn(),
    searchPeople: vi.fn(),
  },
}));

const ok = <T>(data: T) => ({ status: "ok" as const, data });

const counts = { seats_taken: 5, invited: 5, nominated: 0, confirmed: 0, attended: 0, declined: 0, cancelled: 0, female: 5, male: 0, other_gender: 0, undisclosed_gender: 0, visa_letters_needed: 0 };
const row: TrackerRow = { delegation_id: "th", name: "Thailand", kind: "country", country_code: "TH", quota: 6, counts, head: null, over_quota: false, needs_head: true, under_quota: true, workflow: { focal_point_id: null, focal_point_name: null, invitation_sent_on: null, invitation_channel: null, nomination_deadline: null, nomination_received_on: null, credentials_received_on: null }, nomination_overdue: false };
const delegation = { id: "th", event_id: "ev", kind: "country", name: "Thailand", country_code: "TH", organisation_id: null, quota: 6, notes: "" } as Delegation;

const members = ["a", "b", "c", "d", "e"].map((id) => view(id));

/** The pages of the list the panel asked for, held back until the test sends them. */
let channel: Channel<ParticipantPage> | null = null;
let firstRowsAsked: number | null = null;

function props() {
  return { eventId: "ev", row, delegation, delegations: [delegation], countries: [], organisations: [], onchanged: vi.fn(), ondeleted: vi.fn(), onclose: vi.fn() };
}

function sendTheRest(list: ParticipantView[]): void {
  channel!.onmessage({ rows: list.slice(2), total: list.length, last: true });
}

beforeEach(() => {
  vi.clearAllMocks();
  channel = null;
  vi.mocked(commands.listParticipants).mockImplementation(async (_event, _filter, firstRows, onPage) => {
    channel = onPage;
    firstRowsAsked = firstRows;
    return ok({ rows: structuredClone(members.slice(0, 2)), total: members.length, last: false });
  });
});

describe("DelegationPanel", () => {
  it("shows the first members and how many there are before the rest of the list is in", async () => {
    render(DelegationPanel, props());
    await waitFor(() => expect(screen.getAllByTestId("panel-member")).toHaveLength(2));
    expect(firstRowsAsked).toBeGreaterThanOrEqual(16);
    expect(screen.getByRole("heading", { name: /Members/ }).textContent).toContain("5 people");
    sendTheRest(members);
    await waitFor(() => expect(screen.getAllByTestId("panel-member")).toHaveLength(5));
    expect(screen.getByRole("heading", { name: /Members/ }).textContent).toContain("5 people");
  });

  it("reads the list again when a member was changed while the rest of it was coming in", async () => {
    vi.mocked(commands.setParticipantRole).mockResolvedValue(ok({ ...members[0], participant: { ...members[0].participant, role: "head" } }));
    render(DelegationPanel, props());
    await waitFor(() => expect(screen.getAllByTestId("panel-member")).toHaveLength(2));
    await fireEvent.change(screen.getAllByLabelText("Role of Ms Orawan Sukprasert")[0], { target: { value: "head" } });
    await waitFor(() => expect(commands.setParticipantRole).toHaveBeenCalled());
    // The rest was read before the change: it would show the old role.
    expect(commands.listParticipants).toHaveBeenCalledTimes(1);
    sendTheRest(members);
    await waitFor(() => expect(commands.listParticipants).toHaveBeenCalledTimes(2));
  });
});
