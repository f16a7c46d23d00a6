// What the session form starts with: a new session an hour long at the
// clicked time (or the day's first free hour), or a stored session as its
// input. Apart from the agenda screen so the screen keeps to the flow.

import type { AgendaDayView, Session, SessionInput } from "../../lib/bindings";
import { firstFreeSlot, formatTime, LAST_MINUTE, shortTime, type TimeRange } from "./schedule";

/** A new session on `view`'s day, at `start` (minutes) or the first free hour within `range`. */
export function newSessionInput(view: AgendaDayView, start: number | null, range: TimeRange): SessionInput {
  const span: TimeRange =
    start === null ? firstFreeSlot(view.sessions, 60, range) : { start, end: Math.min(start + 60, LAST_MINUTE) };
  return {
    day_id: view.day.id,
    start_time: formatTime(span.start),
    end_time: formatTime(span.end),
    title: "",
    kind: "plenary",
    room: "",
    description: "",
    people: [],
  };
}

/** A stored session as the form edits it. */
export function sessionInputOf(session: Session): SessionInput {
  return {
    day_id: session.day_id,
    start_time: shortTime(session.start_time),
    end_time: shortTime(session.end_time),
    title: session.title,
    kind: session.kind,
    room: session.room,
    description: session.description,
    people: session.people.map((p) => ({ participant_id: p.participant_id, role: p.role })),
  };
}
