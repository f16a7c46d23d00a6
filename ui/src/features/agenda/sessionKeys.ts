// The agenda's keyboard and confirmation rules, apart from the screen so they
// are unit-tested: where Alt+arrows move a focused session, and what deleting
// a session or a day also removes, in the organiser's words.

import type { AgendaDayView, Session } from "../../lib/bindings";
import { dayLabel, sessionSpan, shiftSpan, shortTime, STEP_MINUTES, stretchSpan, type TimeRange } from "./schedule";

/** What a key pressed on a focused session asks for. */
export type SessionKeyAction = { kind: "delete" } | { kind: "move"; dayId: string; span: TimeRange } | { kind: "none" };

/**
 * Alt+↑/↓ moves the session by a quarter hour, Alt+Shift+↑/↓ changes its end,
 * Alt+←/→ moves it to the day before or after, Delete removes it; `null` when
 * the key is not one of these (the browser keeps it).
 */
export function sessionKeyAction(
  session: Session,
  days: readonly AgendaDayView[],
  key: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean },
): SessionKeyAction | null {
  if (key.key === "Delete" && !key.altKey && !key.ctrlKey && !key.metaKey) return { kind: "delete" };
  if (!key.altKey || key.ctrlKey || key.metaKey) return null;
  const span = sessionSpan(session);
  if (key.key === "ArrowUp" || key.key === "ArrowDown") {
    const step = key.key === "ArrowUp" ? -STEP_MINUTES : STEP_MINUTES;
    const next = key.shiftKey ? stretchSpan(span, step) : shiftSpan(span, step);
    return next ? { kind: "move", dayId: session.day_id, span: next } : { kind: "none" };
  }
  if (key.key === "ArrowLeft" || key.key === "ArrowRight") {
    const index = days.findIndex((d) => d.day.id === session.day_id);
    const other = days[index + (key.key === "ArrowLeft" ? -1 : 1)];
    return other ? { kind: "move", dayId: other.day.id, span } : { kind: "none" };
  }
  return null;
}

/** What deleting `session` also removes; `dayName` names its day ("day 2 (Thu 22 Sep)"). */
export function sessionDeletionLines(session: Session, dayName: string): string[] {
  const lines = [`its place on ${dayName}, ${shortTime(session.start_time)}–${shortTime(session.end_time)}`];
  if (session.people.length > 0) {
    const count = session.people.length === 1 ? "1 person" : `${session.people.length} people`;
    lines.push(`the roles of ${count} on it (${session.people.map((p) => p.name).join(", ")}); they stay participants of the event`);
  }
  return lines;
}

/** What deleting a day also removes: its sessions, the first six by title. */
export function dayDeletionLines(view: AgendaDayView): string[] {
  const n = view.sessions.length;
  if (n === 0) return [];
  const titles = view.sessions.slice(0, 6).map((s) => `“${s.title}”`);
  return [`its ${n === 1 ? "session" : `${n} sessions`}: ${titles.join(", ")}${n > 6 ? ` and ${n - 6} more` : ""}`];
}

/** The question before a day is deleted. */
export function dayDeletionTitle(view: AgendaDayView): string {
  return `Delete ${dayLabel(view.day.date)} from the agenda?`;
}
