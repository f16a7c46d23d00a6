import { describe, expect, it } from "vitest";
import {
  blockBox,
  conflictsBySession,
  dayLabel,
  dragMove,
  dragResize,
  firstFreeSlot,
  formatTime,
  hourMarks,
  layoutLanes,
  missingDates,
  movedInput,
  newSessionInput,
  peopleLine,
  minutesToPx,
  parseTime,
  pxToMinutes,
  sessionLanes,
  sessionToInput,
  shiftSpan,
  slotAt,
  stretchSpan,
  timeRange,
  speakerSplit,
  windowStart,
} from "./schedule";
import type { AgendaDayView, Conflict, Session } from "../../lib/bindings";

const range = { start: 8 * 60, end: 19 * 60 };

function session(overrides: Partial<Session>): Session {
  return {
    id: "s",
    event_id: "e",
    day_id: "d1",
    date: "2022-09-21",
    start_time: "09:00:00",
    end_time: "10:00:00",
    title: "Session",
    kind: "plenary",
    room: "Plenary hall",
    description: "",
    people: [],
    needs_review: false,
    speaker_genders: { female: 0, male: 0, other: 0, undisclosed: 0 },
    single_gender_warning: null,
    ...overrides,
  };
}

describe("times", () => {
  it("reads HH:MM and the backend's HH:MM:SS", () => {
    expect(parseTime("09:30")).toBe(570);
    expect(parseTime("9:05")).toBe(545);
    expect(parseTime("17:15:00")).toBe(17 * 60 + 15);
    expect(parseTime(" 00:00 ")).toBe(0);
  });

  it("refuses what is not a time of day", () => {
    for (const bad of ["", "25:00", "9.30", "noon", "12:60", "12:00:75"]) expect(parseTime(bad)).toBeNull();
  });

  it("writes minutes as HH:MM, within one day", () => {
    expect(formatTime(570)).toBe("09:30");
    expect(formatTime(0)).toBe("00:00");
    expect(formatTime(24 * 60)).toBe("23:59");
  });
});

describe("time ↔ pixel", () => {
  it("places minutes from the top of the range", () => {
    expect(minutesToPx(8 * 60, range)).toBe(0);
    expect(minutesToPx(9 * 60, range)).toBe(72);
    expect(minutesToPx(9 * 60 + 15, range)).toBe(90);
  });

  it("snaps a pixel to the nearest quarter hour", () => {
    expect(pxToMinutes(72, range)).toBe(9 * 60);
    expect(pxToMinutes(72 + 8, range)).toBe(9 * 60); // 6.7 min → 0
    expect(pxToMinutes(72 + 10, range)).toBe(9 * 60 + 15); // 8.3 min → 15
    expect(pxToMinutes(72 + 30, range, 30)).toBe(9 * 60 + 30);
  });

  it("takes the quarter hour a click falls in", () => {
    expect(slotAt(72, range)).toBe(9 * 60);
    expect(slotAt(72 + 17, range)).toBe(9 * 60); // 14.2 min: still 09:00–09:15
    expect(slotAt(72 + 18, range)).toBe(9 * 60 + 15);
    expect(slotAt(-5, range)).toBe(8 * 60);
    expect(slotAt(10_000, range)).toBe(19 * 60 - 15);
  });

  it("keeps a click inside the range, leaving room for one step", () => {
    expect(pxToMinutes(-50, range)).toBe(8 * 60);
    expect(pxToMinutes(10_000, range)).toBe(19 * 60 - 15);
  });

  it("round-trips every quarter hour of the range", () => {
    for (let m = range.start; m < range.end; m += 15) expect(pxToMinutes(minutesToPx(m, range), range)).toBe(m);
  });

  it("boxes a session, cut to the range", () => {
    expect(blockBox(9 * 60, 10 * 60 + 30, range)).toEqual({ top: 72, height: 108 });
    expect(blockBox(7 * 60, 8 * 60 + 30, range)).toEqual({ top: 0, height: 36 });
  });
});

describe("the grid's range", () => {
  it("shows 08:00–19:00 by default", () => {
    expect(timeRange([])).toEqual(range);
    expect(timeRange([session({ start_time: "09:00:00", end_time: "17:15:00" })])).toEqual(range);
  });

  it("extends to whole hours to fit early and late sessions", () => {
    expect(timeRange([session({ start_time: "07:30:00", end_time: "08:00:00" })]).start).toBe(7 * 60);
    expect(timeRange([session({ start_time: "19:00:00", end_time: "21:15:00" })]).end).toBe(22 * 60);
  });

  it("labels every hour but the last", () => {
    expect(hourMarks({ start: 8 * 60, end: 11 * 60 })).toEqual([480, 540, 600]);
  });
});

describe("dragging", () => {
  const span = { start: 10 * 60, end: 11 * 60 };

  it("moves a session by whole quarter hours, keeping its length", () => {
    expect(dragMove(span, 18, range)).toEqual({ start: 10 * 60 + 15, end: 11 * 60 + 15 });
    expect(dragMove(span, 25, range)).toEqual({ start: 10 * 60 + 15, end: 11 * 60 + 15 }); // 20.8 min
    expect(dragMove(span, 28, range)).toEqual({ start: 10 * 60 + 30, end: 11 * 60 + 30 }); // 23.3 min
    expect(dragMove(span, -72, range)).toEqual({ start: 9 * 60, end: 10 * 60 });
  });

  it("snaps an off-grid session onto the grid when it moves", () => {
    expect(dragMove({ start: 10 * 60 + 5, end: 10 * 60 + 50 }, 0, range)).toEqual({ start: 10 * 60, end: 10 * 60 + 45 });
  });

  it("keeps a moved session inside the range", () => {
    expect(dragMove(span, -1000, range)).toEqual({ start: 8 * 60, end: 9 * 60 });
    expect(dragMove(span, 1000, range)).toEqual({ start: 18 * 60, end: 19 * 60 });
  });

  it("resizes by the bottom edge, at least one quarter hour long", () => {
    expect(dragResize(span, 36, range)).toEqual({ start: 10 * 60, end: 11 * 60 + 30 });
    expect(dragResize(span, -1000, range)).toEqual({ start: 10 * 60, end: 10 * 60 + 15 });
    expect(dragResize(span, 1000, range)).toEqual({ start: 10 * 60, end: 19 * 60 });
  });

  it("steps by keyboard within one day", () => {
    expect(shiftSpan(span, 15)).toEqual({ start: 615, end: 675 });
    expect(shiftSpan({ start: 0, end: 30 }, -15)).toBeNull();
    expect(stretchSpan(span, -15)).toEqual({ start: 600, end: 645 });
    expect(stretchSpan({ start: 600, end: 615 }, -15)).toBeNull();
  });
});

describe("lanes of parallel sessions", () => {
  const item = (id: string, start: number, end: number) => ({ id, start, end });

  it("gives sessions that follow each other the whole width", () => {
    const places = layoutLanes([item("a", 540, 585), item("b", 585, 615), item("c", 615, 690)]);
    expect([...places.values()]).toEqual([
      { lane: 0, lanes: 1 },
      { lane: 0, lanes: 1 },
      { lane: 0, lanes: 1 },
    ]);
  });

  it("lays three parallel working groups side by side", () => {
    const places = layoutLanes([item("id", 930, 1020), item("my", 930, 1020), item("th", 930, 1020)]);
    expect(places.get("id")).toEqual({ lane: 0, lanes: 3 });
    expect(places.get("my")).toEqual({ lane: 1, lanes: 3 });
    expect(places.get("th")).toEqual({ lane: 2, lanes: 3 });
  });

  it("reuses a lane once it is free, within one cluster", () => {
    // a: 10:15–11:30, b: 10:30–11:00, c: 11:00–11:15 (fits under b), d: 11:30–12:30 (alone).
    const places = layoutLanes([item("a", 615, 690), item("b", 630, 660), item("c", 660, 675), item("d", 690, 750)]);
    expect(places.get("a")).toEqual({ lane: 0, lanes: 2 });
    expect(places.get("b")).toEqual({ lane: 1, lanes: 2 });
    expect(places.get("c")).toEqual({ lane: 1, lanes: 2 });
    expect(places.get("d")).toEqual({ lane: 0, lanes: 1 });
  });

  it("chains overlaps into one cluster", () => {
    // a overlaps b, b overlaps c, a and c do not meet: two lanes for all three.
    const places = layoutLanes([item("a", 540, 600), item("b", 570, 630), item("c", 600, 660)]);
    expect(places.get("a")).toEqual({ lane: 0, lanes: 2 });
    expect(places.get("b")).toEqual({ lane: 1, lanes: 2 });
    expect(places.get("c")).toEqual({ lane: 0, lanes: 2 });
  });

  it("puts the longer of two sessions starting together first", () => {
    const places = layoutLanes([item("short", 540, 570), item("long", 540, 660)]);
    expect(places.get("long")?.lane).toBe(0);
    expect(places.get("short")?.lane).toBe(1);
  });

  it("reads sessions' backend times", () => {
    const places = sessionLanes([
      session({ id: "a", start_time: "10:15:00", end_time: "11:30:00" }),
      session({ id: "b", start_time: "10:30:00", end_time: "11:15:00" }),
    ]);
    expect(places.get("b")).toEqual({ lane: 1, lanes: 2 });
  });
});

describe("SessionInput from a session", () => {
  const full = session({
    id: "s1",
    day_id: "d2",
    start_time: "13:30:00",
    end_time: "15:00:00",
    title: "Strengthening access to protection services",
    kind: "panel",
    room: "Plenary hall",
    description: "Panel",
    people: [
      {
        participant_id: "p1",
        person_id: "x1",
        role: "moderator",
        name: "Ms Claire Dubois",
        position: "Human Rights Officer",
        delegation_name: "OHCHR",
        gender: "female",
      },
      {
        participant_id: "p2",
        person_id: "x2",
        role: "speaker",
        name: "Ms Sri Kusumawati",
        position: "",
        delegation_name: "Indonesia",
        gender: "female",
      },
    ],
  });

  it("keeps everything, with times as HH:MM and people in order", () => {
    expect(sessionToInput(full)).toEqual({
      day_id: "d2",
      start_time: "13:30",
      end_time: "15:00",
      title: "Strengthening access to protection services",
      kind: "panel",
      room: "Plenary hall",
      description: "Panel",
      people: [
        { participant_id: "p1", role: "moderator" },
        { participant_id: "p2", role: "speaker" },
      ],
      needs_review: false,
    });
  });

  it("moves a session to another day and time, nothing else", () => {
    const input = movedInput(full, "d3", { start: 9 * 60, end: 10 * 60 + 30 });
    expect(input).toEqual({ ...sessionToInput(full), day_id: "d3", start_time: "09:00", end_time: "10:30" });
  });

  it("keeps a copied session's review mark when it moves", () => {
    const copied = { ...full, needs_review: true };
    expect(movedInput(copied, "d3", { start: 9 * 60, end: 10 * 60 }).needs_review).toBe(true);
  });

  it("starts a new session an hour long at the clicked time, or at the day's first free hour", () => {
    const view: AgendaDayView = {
      day: { id: "d1", event_id: "e", date: "2022-09-21", theme: "", needs_review: false },
      within_event: true,
      sessions: [session({ start_time: "09:00:00", end_time: "10:00:00" })],
    };
    const blank = { title: "", kind: "plenary", room: "", description: "", people: [], needs_review: false };
    expect(newSessionInput(view, 14 * 60, range)).toEqual({ day_id: "d1", start_time: "14:00", end_time: "15:00", ...blank });
    expect(newSessionInput(view, 23 * 60 + 30, range).end_time).toBe("23:59");
    expect(newSessionInput(view, null, range)).toMatchObject({ start_time: "10:00", end_time: "11:00" });
  });
});

describe("helpers", () => {
  it("finds the first free hour from 09:00", () => {
    const day = [
      session({ start_time: "09:00:00", end_time: "09:45:00" }),
      session({ start_time: "09:45:00", end_time: "10:15:00" }),
      session({ start_time: "11:00:00", end_time: "12:00:00" }),
    ];
    expect(firstFreeSlot(day)).toEqual({ start: 12 * 60, end: 13 * 60 });
    expect(firstFreeSlot(day, 45)).toEqual({ start: 615, end: 660 });
    expect(firstFreeSlot([])).toEqual({ start: 540, end: 600 });
  });

  it("groups conflicts by session", () => {
    const conflict = (ids: string[]): Conflict => ({
      kind: "person_double_booked",
      message: "m",
      session_ids: ids,
      day_id: null,
      participant_id: null,
    });
    const map = conflictsBySession([conflict(["a", "b"]), conflict(["b", "c"]), conflict([])]);
    expect(map.get("a")).toHaveLength(1);
    expect(map.get("b")).toHaveLength(2);
    expect(map.has("d")).toBe(false);
  });

  it("names a day without time-zone surprises", () => {
    expect(dayLabel("2022-09-21")).toBe("Wed 21 Sep 2022");
    expect(dayLabel("2018-03-05", false)).toBe("Mon 5 Mar");
    expect(dayLabel("not a date")).toBe("not a date");
  });

  it("writes a session's people by role", () => {
    const labels = { chair: "Chair", moderator: "Moderator", speaker: "Speaker", rapporteur: "Rapporteur" } as const;
    expect(
      peopleLine(
        [
          { role: "chair", name: "Ms A" },
          { role: "speaker", name: "Mr B" },
          { role: "speaker", name: "Ms C" },
        ],
        labels,
      ),
    ).toBe("Chair: Ms A · Speakers: Mr B, Ms C");
    expect(peopleLine([], labels)).toBe("");
  });

  it("lists the event's dates without a day", () => {
    expect(missingDates("2022-09-21", "2022-09-23", [{ date: "2022-09-22" }])).toEqual(["2022-09-21", "2022-09-23"]);
    expect(missingDates("2022-12-31", "2023-01-01", [])).toEqual(["2022-12-31", "2023-01-01"]);
  });

  it("scrolls the day window only as far as needed", () => {
    expect(windowStart(0, 3, 3)).toBe(0);
    expect(windowStart(4, 3, 7, 0)).toBe(2);
    expect(windowStart(3, 3, 7, 2)).toBe(2);
    expect(windowStart(1, 3, 7, 2)).toBe(1);
    expect(windowStart(6, 3, 7, 5)).toBe(4);
  });
});

describe("speakerSplit", () => {
  it("says the speakers by gender in words, and nothing without speakers", () => {
    expect(speakerSplit({ female: 1, male: 2, other: 0, undisclosed: 0 })).toBe("Speakers: 1 woman, 2 men");
    expect(speakerSplit({ female: 3, male: 0, other: 0, undisclosed: 1 })).toBe("Speakers: 3 women, 1 undisclosed");
    expect(speakerSplit({ female: 0, male: 0, other: 0, undisclosed: 0 })).toBe("");
  });
});
