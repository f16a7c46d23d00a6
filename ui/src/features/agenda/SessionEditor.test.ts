import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { afterEach, describe, expect, it, vi } from "vitest";
import { router } from "../../lib/router.svelte";
import SessionEditor from "./SessionEditor.svelte";
import type { AgendaDayView, ParticipantView, SessionInput } from "../../lib/bindings";
import { CommandFailure } from "../../lib/call";

// jsdom has no modal dialogs.

const days: AgendaDayView[] = [
  { day: { id: "d1", event_id: "e", date: "2022-09-21", theme: "", needs_review: false }, within_event: true, sessions: [] },
  { day: { id: "d2", event_id: "e", date: "2022-09-22", theme: "", needs_review: false }, within_event: true, sessions: [] },
];

function participant(id: string, given: string, family: string, role: ParticipantView["participant"]["role"]): ParticipantView {
  return {
    participant: {
      id,
      event_id: "e",
      delegation_id: "iom",
      person_id: `person-${id}`,
      role,
      status: "confirmed",
      travel_funded_by: null,
      arrival: null,
      departure: null,
      visa_letter_needed: false,
      accommodation: "",
      dietary_needs: "",
      accessibility_needs: "",
      notes: "",
    },
    person: {
      id: `person-${id}`,
      honorific: "Ms",
      given_name: given,
      family_name: family,
      position: "Programme Manager",
      organisation: "IOM Thailand",
      email: null,
      phone: "",
      gender: "female",
      languages: [],
      full_name: `Ms ${given} ${family}`,
    },
    delegation_name: "IOM",
    delegation_kind: "organisation",
    country_code: null,
  };
}

const participants = [participant("p1", "Jirapa", "Intharasuk", "moderator"), participant("p2", "Hannah", "Whitford", "rapporteur")];

const initial: SessionInput = {
  day_id: "d1",
  start_time: "10:30",
  end_time: "11:15",
  title: "",
  kind: "plenary",
  room: "",
  description: "",
  people: [],
};

function setup(onsave: (input: SessionInput) => Promise<void>, onclose: () => void = vi.fn()) {
  return render(SessionEditor, {
    props: { initial, days, participants, rooms: ["Plenary hall"], timeZone: "Asia/Bangkok", onsave, ondelete: vi.fn(), onclose },
  });
}

function input(id: string): HTMLInputElement {
  return document.getElementById(id) as HTMLInputElement;
}

describe("SessionEditor", () => {
  it("states the venue's time zone", () => {
    setup(vi.fn());
    expect(screen.getByText(/Times in Asia\/Bangkok/)).toBeTruthy();
  });

  it("offers time pickers for the start and the end", () => {
    setup(vi.fn());
    expect(input("session-start").type).toBe("time");
    expect(input("session-start").value).toBe("10:30");
    expect(input("session-end").type).toBe("time");
  });

  it("sends what was typed and picked as a SessionInput", async () => {
    const onsave = vi.fn().mockResolvedValue(undefined);
    setup(onsave);
    await fireEvent.input(input("session-title"), { target: { value: "Bilateral consultation" } });
    await fireEvent.input(input("session-room"), { target: { value: "Meeting room 1" } });
    await fireEvent.change(document.getElementById("session-day") as HTMLSelectElement, { target: { value: "d2" } });
    await fireEvent.input(input("session-people"), { target: { value: "intharasuk" } });
    await fireEvent.click(await screen.findByTestId("person-option"));
    // Her event role is moderator, so she joins as moderator; make her a speaker.
    const role = document.getElementById("person-role-0") as HTMLSelectElement;
    expect(role.value).toBe("moderator");
    await fireEvent.change(role, { target: { value: "speaker" } });
    await fireEvent.click(screen.getByTestId("save-session"));

    await waitFor(() => expect(onsave).toHaveBeenCalledOnce());
    expect(onsave.mock.calls[0][0]).toEqual({
      day_id: "d2",
      start_time: "10:30",
      end_time: "11:15",
      title: "Bilateral consultation",
      kind: "plenary",
      room: "Meeting room 1",
      description: "",
      people: [{ participant_id: "p1", role: "speaker" }],
      needs_review: false,
    });
  });

  it("shows the backend's error next to its field and keeps what was typed", async () => {
    const onsave = vi.fn().mockRejectedValue(
      new CommandFailure({ kind: "validation", message: "The session ends (10:00) before it starts (10:30)", field: "end_time", problems: [] }),
    );
    setup(onsave);
    await fireEvent.input(input("session-title"), { target: { value: "Bilateral consultation" } });
    await fireEvent.input(input("session-end"), { target: { value: "10:00" } });
    await fireEvent.click(screen.getByTestId("save-session"));

    const error = await screen.findByTestId("error-session-end");
    expect(error.textContent).toContain("ends (10:00) before it starts (10:30)");
    expect(error.parentElement?.querySelector("#session-end")).toBe(input("session-end"));
    expect(input("session-end").getAttribute("aria-invalid")).toBe("true");
    expect(document.activeElement).toBe(input("session-end"));
    expect(input("session-title").value).toBe("Bilateral consultation");
    expect(input("session-end").value).toBe("10:00");
  });

  it("shows an error that names no field at the top of the form", async () => {
    setup(vi.fn().mockRejectedValue(new CommandFailure({ kind: "not_found", message: "Session not found", field: null, problems: [] })));
    await fireEvent.click(screen.getByTestId("save-session"));
    expect((await screen.findByTestId("session-form-error")).textContent).toBe("Session not found");
  });

  it("steps times by a quarter hour from the keyboard; Shift moves the whole session", async () => {
    setup(vi.fn());
    await fireEvent.keyDown(input("session-end"), { key: "ArrowUp" });
    expect(input("session-end").value).toBe("11:30");
    await fireEvent.keyDown(input("session-start"), { key: "ArrowDown" });
    expect(input("session-start").value).toBe("10:15");
    await fireEvent.keyDown(input("session-start"), { key: "ArrowUp", shiftKey: true });
    expect([input("session-start").value, input("session-end").value]).toEqual(["10:30", "11:45"]);
    expect(screen.getByTestId("session-duration").textContent).toBe("1 h 15 min");
  });

  it("says that breaks have no people", async () => {
    setup(vi.fn());
    await fireEvent.change(document.getElementById("session-kind") as HTMLSelectElement, { target: { value: "break" } });
    expect(screen.getByText(/A break has no chair or speakers/)).toBeTruthy();
  });
});

describe("SessionEditor's unsaved changes", () => {
  afterEach(() => {
    history.replaceState(null, "", "#/");
    router.route = { name: "home" };
  });

  const question = () => screen.getByTestId("unsaved-dialog") as HTMLDialogElement;
  const editor = () => screen.getByTestId("session-editor") as HTMLDialogElement;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it("closes at once on Escape when nothing changed, or what changed was put back", async () => {
    const unchanged = async () => {};
    const putBack = async () => {
      await fireEvent.keyDown(input("session-end"), { key: "ArrowUp" });
      await fireEvent.keyDown(input("session-end"), { key: "ArrowDown" });
    };
    for (const edit of [unchanged, putBack]) {
      const onclose = vi.fn();
      const { unmount } = setup(vi.fn(), onclose);
      await edit();
      await fireEvent.keyDown(input("session-title"), { key: "Escape" });
      await settle();
      expect(question().open).toBe(false);
      expect(onclose).toHaveBeenCalledOnce();
      unmount();
    }
  });

  it("asks on Escape after typing; Keep editing keeps the text and the focus in the form", async () => {
    const onclose = vi.fn();
    setup(vi.fn(), onclose);
    input("session-title").focus();
    await fireEvent.input(input("session-title"), { target: { value: "Bilateral consultation" } });
    await fireEvent.keyDown(input("session-title"), { key: "Escape" });
    expect(question().open).toBe(true);
    expect(question().textContent).toContain("You changed the new session without saving");
    expect(document.activeElement).toBe(screen.getByTestId("keep-editing"));

    // Escape on the question answers it, and goes no further than the question.
    await fireEvent.keyDown(screen.getByTestId("keep-editing"), { key: "Escape" });
    await settle();
    expect(question().open).toBe(false);
    expect(onclose).not.toHaveBeenCalled();
    expect(editor().open).toBe(true);

    await fireEvent.click(screen.getByLabelText("Close without saving"));
    expect(question().open).toBe(true);
    await fireEvent.click(screen.getByTestId("keep-editing"));
    await settle();
    expect(question().open).toBe(false);
    expect(onclose).not.toHaveBeenCalled();
    expect(input("session-title").value).toBe("Bilateral consultation");
    expect(editor().contains(document.activeElement)).toBe(true);
  });

  it("closes once the changes are discarded, whether Escape (the dialog's cancel), ✕ or Cancel asked", async () => {
    for (const close of [
      () => fireEvent(editor(), new Event("cancel", { cancelable: true })),
      () => fireEvent.click(screen.getByLabelText("Close without saving")),
      () => fireEvent.click(screen.getByRole("button", { name: "Cancel" })),
    ]) {
      const onclose = vi.fn();
      const { unmount } = setup(vi.fn(), onclose);
      await fireEvent.change(document.getElementById("session-kind") as HTMLSelectElement, { target: { value: "break" } });
      await close();
      expect(question().open).toBe(true);
      await fireEvent.click(screen.getByTestId("discard-changes"));
      await settle();
      expect(onclose).toHaveBeenCalledOnce();
      unmount();
    }
  });

  it("asks before another screen opens, and stays on Keep editing", async () => {
    const onclose = vi.fn();
    setup(vi.fn(), onclose);
    await fireEvent.input(input("session-room"), { target: { value: "Meeting room 1" } });
    location.hash = "#/organisations";
    await settle();
    expect(question().open).toBe(true);
    expect(router.route).toEqual({ name: "home" });
    await fireEvent.click(screen.getByTestId("keep-editing"));
    await settle();
    expect(router.route).toEqual({ name: "home" });
    expect(input("session-room").value).toBe("Meeting room 1");
    expect(onclose).not.toHaveBeenCalled();
  });
});
