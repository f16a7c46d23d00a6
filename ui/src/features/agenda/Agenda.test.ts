import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Agenda as AgendaData, Event, Session } from "../../lib/bindings";
import { commands } from "../../lib/bindings";
import Agenda from "./Agenda.svelte";
import { answerInPages } from "../participants/testRows";

vi.mock("@tauri-apps/api/core", () => ({ Channel: class { onmessage = () => {} } }));
vi.mock("../../lib/bindings", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/bindings")>()),
  commands: {
    getAgenda: vi.fn(),
    getEvent: vi.fn(),
    listParticipants: vi.fn(),
  },
}));

const ok = <T>(data: T) => ({ status: "ok" as const, data });

beforeAll(() => {
  // jsdom measures nothing: the grid falls back to the window's width (three days side by side).
  globalThis.ResizeObserver ??= class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
});

function session(id: string, dayId: string, date: string): Session {
  return { id, event_id: "ev", day_id: dayId, date, start_time: "09:00:00", end_time: "10:00:00", title: `Session ${id}`, kind: "plenary", room: "", description: "", people: [], needs_review: false, speaker_genders: { female: 0, male: 0, other: 0, undisclosed: 0 }, single_gender_warning: null };
}

const agenda: AgendaData = {
  event_id: "ev",
  check_panel_balance: true,
  time_zone: "Asia/Bangkok",
  conflicts: [],
  days: [
    { day: { id: "d1", event_id: "ev", date: "2022-09-21", theme: "", needs_review: false }, within_event: true, sessions: [session("s1", "d1", "2022-09-21")] },
    { day: { id: "d2", event_id: "ev", date: "2022-09-22", theme: "", needs_review: false }, within_event: true, sessions: [] },
    { day: { id: "d3", event_id: "ev", date: "2022-09-23", theme: "", needs_review: false }, within_event: true, sessions: [session("s3", "d3", "2022-09-23")] },
  ],
};

const event = { id: "ev", start_date: "2022-09-21", end_date: "2022-09-23", time_zone: "Asia/Bangkok" } as Event;

beforeEach(() => {
  vi.mocked(commands.getAgenda).mockResolvedValue(ok(structuredClone(agenda)));
  vi.mocked(commands.getEvent).mockResolvedValue(ok(event));
  vi.mocked(commands.listParticipants).mockImplementation(answerInPages(() => []));
});

const column = (dayId: string) => document.querySelector<HTMLElement>(`[data-testid="agenda-day"][data-day-id="${dayId}"]`)!;

async function newSessionDay(): Promise<string> {
  await fireEvent.keyDown(window, { key: "n", ctrlKey: true });
  const day = (await screen.findByLabelText("Day")) as HTMLSelectElement;
  return day.value;
}

describe("Agenda: a new session (Ctrl+N)", () => {
  it("opens on the day whose column the organiser last clicked, not the day last edited", async () => {
    render(Agenda, { eventId: "ev" });
    await waitFor(() => expect(column("d3")).toBeTruthy());
    // The organiser worked on day 3's session, then went to day 2's column.
    await fireEvent.pointerDown(column("d3").querySelector('[data-testid="session-block"]')!);
    await fireEvent.pointerDown(column("d2"));
    expect(await newSessionDay()).toBe("d2");
  });

  it("opens on the first day shown when the organiser has not pointed at a day", async () => {
    render(Agenda, { eventId: "ev" });
    await waitFor(() => expect(column("d1")).toBeTruthy());
    expect(await newSessionDay()).toBe("d1");
  });
});
