import { describe, expect, it } from "vitest";
import type { AgendaDayView, Session } from "../../lib/bindings";
import { dayDeletionLines, sessionDeletionLines, sessionKeyAction } from "./sessionKeys";

const session: Session = { id: "s", event_id: "e", day_id: "d1", date: "2022-09-21", start_time: "09:00:00", end_time: "10:00:00", title: "Opening", kind: "opening", room: "", description: "", people: [], needs_review: false, speaker_genders: { female: 0, male: 0, other: 0, undisclosed: 0 }, single_gender_warning: null };
const days = ["d1", "d2"].map((id, i) => ({ day: { id, event_id: "e", date: `2022-09-2${i + 1}`, theme: "", needs_review: false }, within_event: true, sessions: [] })) as AgendaDayView[];
const key = (k: string, mods: Partial<{ altKey: boolean; shiftKey: boolean; ctrlKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...mods });

describe("keys on a focused session", () => {
  it("moves by a quarter hour, stretches with Shift, and moves to the next day", () => {
    expect(sessionKeyAction(session, days, key("ArrowDown", { altKey: true }))).toEqual({ kind: "move", dayId: "d1", span: { start: 555, end: 615 } });
    expect(sessionKeyAction(session, days, key("ArrowDown", { altKey: true, shiftKey: true }))).toEqual({ kind: "move", dayId: "d1", span: { start: 540, end: 615 } });
    expect(sessionKeyAction(session, days, key("ArrowRight", { altKey: true }))).toEqual({ kind: "move", dayId: "d2", span: { start: 540, end: 600 } });
  });

  it("stays put past the last day, asks to delete on Delete, and leaves other keys alone", () => {
    expect(sessionKeyAction(session, days, key("ArrowLeft", { altKey: true }))).toEqual({ kind: "none" });
    expect(sessionKeyAction(session, days, key("Delete"))).toEqual({ kind: "delete" });
    expect(sessionKeyAction(session, days, key("ArrowDown"))).toBeNull();
  });
});

describe("what a deletion also removes", () => {
  it("names the session's place and its people", () => {
    const withPeople = { ...session, people: [{ participant_id: "p", role: "speaker", name: "Ms Rahma" }] } as Session;
    expect(sessionDeletionLines(withPeople, "day 1 (Wed 21 Sep)")).toEqual([
      "its place on day 1 (Wed 21 Sep), 09:00–10:00",
      "the roles of 1 person on it (Ms Rahma); they stay participants of the event",
    ]);
  });

  it("lists a day's sessions, six at most", () => {
    const sessions = Array.from({ length: 8 }, (_, i) => ({ ...session, title: `S${i}` }));
    expect(dayDeletionLines({ ...days[0], sessions })).toEqual(["its 8 sessions: “S0”, “S1”, “S2”, “S3”, “S4”, “S5” and 2 more"]);
    expect(dayDeletionLines(days[0])).toEqual([]);
  });
});
