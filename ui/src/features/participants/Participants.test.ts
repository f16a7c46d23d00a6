import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { ParticipantRole, ParticipantStatus, ParticipantView } from "../../lib/bindings";
import { commands } from "../../lib/bindings";
import { answerInPages, view } from "./testRows";
import Participants from "./Participants.svelte";

vi.mock("@tauri-apps/api/core", () => ({ Channel: class { onmessage = () => {} } }));
vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    listParticipants: vi.fn(),
    listDelegations: vi.fn(),
    listOrganisations: vi.fn(),
    getParticipant: vi.fn(),
    getEvent: vi.fn(),
    setParticipantRole: vi.fn(),
    setParticipantsStatus: vi.fn(),
    registerParticipant: vi.fn(),
    removeParticipant: vi.fn(),
  },
}));

const ok = <T>(data: T) => ({ status: "ok" as const, data });

/** A fake store of two participants of Guatemala; Morales heads it. */
let store: ParticipantView[];

function person(id: string, family: string, over: Partial<ParticipantView["participant"]>): ParticipantView {
  const v = view(id, { delegation_id: "gt", ...over });
  return { ...v, person: { ...v.person, family_name: family, given_name: "", honorific: "", full_name: family }, delegation_name: "Guatemala" };
}

beforeEach(() => {
  store = [person("a", "Morales", { role: "head", status: "confirmed" }), person("b", "Perez", { role: "member", status: "nominated" })];
  vi.mocked(commands.listParticipants).mockImplementation(answerInPages(() => store));
  vi.mocked(commands.listDelegations).mockResolvedValue(
    ok([{ id: "gt", event_id: "ev", kind: "country", country_code: "GT", organisation_id: null, name: "Guatemala", quota: 3, notes: "" }]),
  );
  vi.mocked(commands.listOrganisations).mockResolvedValue(ok([]));
  vi.mocked(commands.getEvent).mockResolvedValue({ status: "error", error: { kind: "not_found", field: null, message: "No such event", problems: [] } });
  vi.mocked(commands.getParticipant).mockImplementation(async (id: string) =>
    ok(structuredClone(store.find((v) => v.participant.id === id)!)),
  );
  // The store's one-head rule: one head holding a seat per delegation.
  const holdsSeat = (s: ParticipantStatus) => s !== "declined" && s !== "cancelled";
  const refusesHead = (id: string, role: ParticipantRole, status: ParticipantStatus) =>
    role === "head" &&
    holdsSeat(status) &&
    store.some((v) => v.participant.id !== id && v.participant.role === "head" && holdsSeat(v.participant.status));
  const secondHead = {
    status: "error" as const,
    error: { kind: "duplicate" as const, field: "role" as const, message: "Guatemala already has a head of delegation: Morales", problems: [] },
  };
  vi.mocked(commands.setParticipantRole).mockImplementation(async (id: string, role: ParticipantRole) => {
    const row = store.find((v) => v.participant.id === id)!;
    if (refusesHead(id, role, row.participant.status)) return secondHead;
    row.participant = { ...row.participant, role };
    return ok(structuredClone(row));
  });
  vi.mocked(commands.setParticipantsStatus).mockImplementation(async (ids: string[], status: ParticipantStatus) => {
    for (const id of ids) {
      const row = store.find((v) => v.participant.id === id)!;
      if (refusesHead(id, row.participant.role, status)) return secondHead;
      row.participant = { ...row.participant, status };
    }
    return ok(ids.map((id) => structuredClone(store.find((v) => v.participant.id === id)!)));
  });
});

function select(name: string): HTMLSelectElement {
  return screen.getByRole("combobox", { name }) as HTMLSelectElement;
}

async function choose(control: HTMLSelectElement, value: string): Promise<void> {
  control.value = value;
  await fireEvent.change(control);
}

describe("Participants: inline changes", () => {
  it("sends only the field changed, shows the row the store returned, and a refusal with the row unchanged", async () => {
    render(Participants, { eventId: "ev" });
    await screen.findByText("Perez");

    await choose(select("Role of Perez"), "head");
    expect((await screen.findByRole("alert")).textContent).toContain("Guatemala already has a head of delegation");
    await waitFor(() => expect(select("Role of Perez").value).toBe("member"));

    await choose(select("Status of Perez"), "declined");
    await waitFor(() => expect(store[1].participant.status).toBe("declined"));
    await choose(select("Role of Perez"), "head");
    await waitFor(() => expect(store[1].participant.role).toBe("head"));
    expect(vi.mocked(commands.setParticipantRole).mock.calls.at(-1)).toEqual(["b", "head"]);
    await waitFor(() => expect(select("Role of Perez").value).toBe("head"));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("shows the row the status change answered, without asking the backend again", async () => {
    render(Participants, { eventId: "ev" });
    await screen.findByText("Perez");
    const listed = vi.mocked(commands.listParticipants).mock.calls.length;
    vi.mocked(commands.getParticipant).mockClear();
    await choose(select("Status of Perez"), "confirmed");
    await waitFor(() => expect(select("Status of Perez").value).toBe("confirmed"));
    expect(vi.mocked(commands.getParticipant)).not.toHaveBeenCalled();
    expect(vi.mocked(commands.listParticipants).mock.calls.length).toBe(listed);
  });

  it("applies changes made in quick succession one after the other", async () => {
    render(Participants, { eventId: "ev" });
    await screen.findByText("Perez");
    // No wait between the two: the second starts from what the first stored.
    await choose(select("Status of Perez"), "declined");
    await choose(select("Role of Perez"), "head");
    await waitFor(() => expect(store[1].participant).toMatchObject({ role: "head", status: "declined" }));
    await waitFor(() => expect(select("Role of Perez").value).toBe("head"));
    await waitFor(() => expect(select("Status of Perez").value).toBe("declined"));
  });
});

describe("Participants: removing from the panel", () => {
  it("drops the row and the panel's unsaved edits without asking about them", async () => {
    vi.mocked(commands.removeParticipant).mockResolvedValue(ok(null));
    render(Participants, { eventId: "ev", focus: "b" });
    const family = (await screen.findByTestId("person-family_name")) as HTMLInputElement;
    await fireEvent.input(family, { target: { value: "Perez Molina" } });
    const listed = vi.mocked(commands.listParticipants).mock.calls.length;
    await fireEvent.click(screen.getByTestId("remove-participant"));
    await fireEvent.click(await screen.findByTestId("confirm"));
    expect((await screen.findByText(/was removed from this event/)).textContent).toContain("Perez was removed");
    expect((screen.queryByTestId("unsaved-dialog") as HTMLDialogElement | null)?.open ?? false).toBe(false);
    await waitFor(() => expect(screen.queryByRole("combobox", { name: "Role of Perez" })).toBeNull());
    expect(vi.mocked(commands.listParticipants).mock.calls.length).toBe(listed);
  });
});

describe("Participants: quick add", () => {
  it("keeps a refused entry and its error across a tab switch (the screen unmounted and mounted again)", async () => {
    vi.mocked(commands.registerParticipant).mockResolvedValue({
      status: "error",
      error: { kind: "duplicate", field: "role", message: "Guatemala already has a head of delegation: Morales", problems: [] },
    });
    const first = render(Participants, { eventId: "ev-quick" });
    await screen.findByText("Perez");
    await fireEvent.click(screen.getByTestId("open-quick-add"));
    await fireEvent.input(await screen.findByTestId("qa-family"), { target: { value: "Ramirez" } });
    await choose(screen.getByTestId("qa-delegation") as HTMLSelectElement, "gt");
    await choose(screen.getByTestId("qa-role") as HTMLSelectElement, "head");
    await fireEvent.submit(screen.getByTestId("qa-form"));
    await waitFor(() => expect(screen.getByTestId("error-qa-role").textContent).toContain("already has a head"));

    first.unmount();
    render(Participants, { eventId: "ev-quick" });
    await screen.findByText("Perez");
    expect((screen.getByTestId("qa-family") as HTMLInputElement).value).toBe("Ramirez");
    expect((screen.getByTestId("qa-role") as HTMLSelectElement).value).toBe("head");
    expect(screen.getByTestId("error-qa-role").textContent).toContain("already has a head");
  });

  it("says what the backend decided about the person, and shows the new row without fetching the list again", async () => {
    const added = person("c", "Ramirez", { role: "member", status: "invited" });
    vi.mocked(commands.registerParticipant).mockResolvedValue(ok({ registered: added, person_reused: true }));
    render(Participants, { eventId: "ev-reused" });
    await screen.findByText("Perez");
    await fireEvent.click(screen.getByTestId("open-quick-add"));
    // Typed exactly as stored: a surname comparison would call it a new person.
    await fireEvent.input(await screen.findByTestId("qa-family"), { target: { value: "Ramirez" } });
    await choose(screen.getByTestId("qa-delegation") as HTMLSelectElement, "gt");
    const listed = vi.mocked(commands.listParticipants).mock.calls.length;
    await fireEvent.submit(screen.getByTestId("qa-form"));
    expect((await screen.findByText(/Added Ramirez to Guatemala/)).textContent).toContain("already in the plan");
    await screen.findByText("Ramirez", { selector: "[data-col='name'] *, [data-col='name']" });
    expect(vi.mocked(commands.listParticipants).mock.calls.length).toBe(listed);
  });

  it("forgets the entry once it is cleared", async () => {
    render(Participants, { eventId: "ev-cleared" });
    await screen.findByText("Perez");
    await fireEvent.click(screen.getByTestId("open-quick-add"));
    await fireEvent.input(await screen.findByTestId("qa-family"), { target: { value: "Ramirez" } });
    await fireEvent.keyDown(screen.getByTestId("qa-family"), { key: "Escape" });
    expect((screen.getByTestId("qa-family") as HTMLInputElement).value).toBe("");
    cleanup();
    render(Participants, { eventId: "ev-cleared" });
    await screen.findByText("Perez");
    expect(screen.queryByTestId("qa-form")).toBeNull();
  });
});
