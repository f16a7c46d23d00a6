import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { commands } from "../../lib/bindings";
import ParticipantDrawer from "./ParticipantDrawer.svelte";
import { view } from "./testRows";

vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    updatePerson: vi.fn(),
    updateParticipant: vi.fn(),
    removeParticipant: vi.fn(),
    erasePerson: vi.fn(),
  },
}));

const ok = <T>(data: T) => ({ status: "ok" as const, data });


const row = view("p1", { arrival: "2018-05-28T19:30:00" });

beforeEach(() => {
  vi.clearAllMocks();
  vi.mocked(commands.updatePerson).mockImplementation(async (_id, input) => ok({ ...row.person, ...input, gender: input.gender ?? "undisclosed" }));
  vi.mocked(commands.updateParticipant).mockImplementation(async () => ok(row));
});

function open(onclose = vi.fn(), onchanged = vi.fn(), onerased = vi.fn()) {
  render(ParticipantDrawer, {
    view: row,
    delegations: [{ id: "th", event_id: "ev", kind: "country", country_code: "TH", organisation_id: null, name: "Thailand", quota: 3, notes: "" }],
    organisations: [],
    eventDates: { start: "2018-05-29", end: "2018-05-30" },
    onchanged,
    onremoved: vi.fn(),
    onerased,
    onclose,
  });
  return { onclose, onchanged, onerased };
}

async function type(testid: string, text: string): Promise<void> {
  await fireEvent.input(screen.getByTestId(testid), { target: { value: text } });
}

describe("the person's panel", () => {
  it("saves a changed family name and a changed departure with one Save", async () => {
    const { onchanged } = open();
    await type("person-family_name", "Sukprasert-Lee");
    await type("part-departure", "2018-05-31T08:00");
    await fireEvent.click(screen.getByTestId("save-participant"));
    await waitFor(() => expect(screen.getByTestId("participant-saved").textContent).toBe("Person and participation saved."));
    expect(vi.mocked(commands.updatePerson).mock.calls[0][1].family_name).toBe("Sukprasert-Lee");
    expect(vi.mocked(commands.updateParticipant).mock.calls[0][1].departure).toBe("2018-05-31T08:00");
    expect(onchanged).toHaveBeenCalled();
  });

  it("saves only what changed: the name alone does not rewrite the participation", async () => {
    open();
    await type("person-family_name", "Lee");
    await fireEvent.click(screen.getByTestId("save-participant"));
    await waitFor(() => expect(screen.getByTestId("participant-saved").textContent).toBe("Person saved."));
    expect(commands.updateParticipant).not.toHaveBeenCalled();
  });

  it("asks before Escape drops a change not saved, and keeps it when the organiser keeps editing", async () => {
    const { onclose } = open();
    await type("person-family_name", "Lee");
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(onclose).not.toHaveBeenCalled();
    expect((screen.getByTestId("unsaved-dialog") as HTMLDialogElement).open).toBe(true);
    await fireEvent.click(screen.getByTestId("keep-editing"));
    expect((screen.getByTestId("person-family_name") as HTMLInputElement).value).toBe("Lee");
    expect(onclose).not.toHaveBeenCalled();

    await fireEvent.keyDown(window, { key: "Escape" });
    await fireEvent.click(screen.getByTestId("discard-changes"));
    expect(onclose).toHaveBeenCalledOnce();
  });

  it("closes at once with Escape when everything is saved", async () => {
    const { onclose } = open();
    await type("person-family_name", "Lee");
    await fireEvent.click(screen.getByTestId("save-participant"));
    await waitFor(() => expect(screen.getByTestId("participant-saved")).toBeTruthy());
    await fireEvent.keyDown(window, { key: "Escape" });
    expect(onclose).toHaveBeenCalledOnce();
  });

  it("shows a refusal next to its field and keeps the person saved before it", async () => {
    vi.mocked(commands.updateParticipant).mockResolvedValue({
      status: "error",
      error: { kind: "validation", field: "departure", message: "Departure is before arrival", problems: [] },
    });
    open();
    await type("person-family_name", "Lee");
    await type("part-departure", "2018-05-27T08:00");
    await fireEvent.click(screen.getByTestId("save-participant"));
    await waitFor(() => expect(screen.getByTestId("error-part-departure").textContent).toBe("Departure is before arrival"));
    expect(screen.queryByTestId("participant-saved")).toBeNull();
    expect((screen.getByTestId("part-departure") as HTMLInputElement).value).toBe("2018-05-27T08:00");
  });

  it("offers date and time pickers bounded by the event's travel days", () => {
    open();
    const arrival = screen.getByTestId("part-arrival") as HTMLInputElement;
    expect(arrival.type).toBe("datetime-local");
    expect(arrival.value).toBe("2018-05-28T19:30");
    expect(arrival.min).toBe("2018-05-26T00:00");
    expect(arrival.max).toBe("2018-06-02T23:59");
  });
});

describe("Erase person…", () => {
  const erasure = { seats_kept_anonymous: 2, session_roles_removed: 1, backups_holding: [], held_until: null, backups_removed: 0, file_cleared: true };

  it("asks in plain words, with the backups left alone by default, then erases the person", async () => {
    vi.mocked(commands.erasePerson).mockResolvedValue(ok(erasure));
    const { onerased } = open();
    await fireEvent.click(screen.getByTestId("erase-person"));
    const dialog = screen.getAllByTestId("confirm-dialog").find((d) => (d as HTMLDialogElement).open)!;
    expect(dialog.textContent).toContain(
      "Erase Orawan Sukprasert's personal data from every event of this plan? Her seats stay as anonymous seats so counts add up;",
    );
    expect(dialog.textContent).toContain("Also delete the backups that still hold her");
    expect((screen.getByTestId("erase-backups") as HTMLInputElement).checked).toBe(false);
    await fireEvent.click(dialog.querySelector<HTMLButtonElement>("[data-testid=confirm]")!);
    await waitFor(() => expect(onerased).toHaveBeenCalledWith(erasure));
    expect(commands.erasePerson).toHaveBeenCalledWith("person-p1", false);
  });

  it("deletes the backups when asked to", async () => {
    vi.mocked(commands.erasePerson).mockResolvedValue(ok({ ...erasure, backups_removed: 2 }));
    const { onerased } = open();
    await fireEvent.click(screen.getByTestId("erase-person"));
    await fireEvent.click(screen.getByTestId("erase-backups"));
    const dialog = screen.getAllByTestId("confirm-dialog").find((d) => (d as HTMLDialogElement).open)!;
    await fireEvent.click(dialog.querySelector<HTMLButtonElement>("[data-testid=confirm]")!);
    await waitFor(() => expect(onerased).toHaveBeenCalled());
    expect(commands.erasePerson).toHaveBeenCalledWith("person-p1", true);
  });

  it("shows a refusal and changes nothing else", async () => {
    vi.mocked(commands.erasePerson).mockResolvedValue({ status: "error", error: { kind: "validation", message: "This person was already erased." } } as never);
    const { onerased, onclose } = open();
    await fireEvent.click(screen.getByTestId("erase-person"));
    const dialog = screen.getAllByTestId("confirm-dialog").find((d) => (d as HTMLDialogElement).open)!;
    await fireEvent.click(dialog.querySelector<HTMLButtonElement>("[data-testid=confirm]")!);
    await waitFor(() => expect(screen.getByRole("alert").textContent).toBe("This person was already erased."));
    expect(onerased).not.toHaveBeenCalled();
    expect(onclose).not.toHaveBeenCalled();
  });
});
