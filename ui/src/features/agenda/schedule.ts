// The agenda builder's pure parts: times as minutes after midnight, the time
// grid's minute ↔ pixel maths with snapping, side-by-side lanes for parallel
// sessions, and the SessionInput the backend wants for a session. Nothing here
// touches the DOM or the backend, so all of it is unit-tested.

import { weekdayDate } from "../../lib/format";
import type {
  AgendaDay,
  AgendaDayView,
  Conflict,
  ConflictKind,
  Session,
  SessionInput,
  SessionKind,
  SessionPerson,
  SessionRole,
  SpeakerGenders,
} from "../../lib/bindings";

/** Minutes between snapping points on the grid and between keyboard steps. */
export const STEP_MINUTES = 15;
/** Height of one minute on the grid, in CSS pixels (an hour is 72px). */
export const PX_PER_MINUTE = 1.2;
/** The grid shows at least 08:00–19:00, extended to whole hours to fit every session. */
export const DEFAULT_RANGE: TimeRange = { start: 8 * 60, end: 19 * 60 };
/** The last minute a session may end at: the backend's times stay within one day. */
export const LAST_MINUTE = 23 * 60 + 59;

/** A span of the day in minutes after midnight, `end` exclusive. */
export interface TimeRange {
  start: number;
  end: number;
}

/** "09:30" or "09:30:00" → 570; `null` when it is not a time of day. */
export function parseTime(text: string): number | null {
  const match = /^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59 || (match[3] !== undefined && Number(match[3]) > 59)) return null;
  return hours * 60 + minutes;
}

/** 570 → "09:30" (clamped to one day). */
export function formatTime(minutes: number): string {
  const m = Math.min(Math.max(Math.round(minutes), 0), LAST_MINUTE);
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** "09:00:00" (the backend's form) → "09:00"; anything unreadable is kept as it is. */
export function shortTime(text: string): string {
  const minutes = parseTime(text);
  return minutes === null ? text : formatTime(minutes);
}

/** The nearest multiple of `step`. */
export function snap(minutes: number, step = STEP_MINUTES): number {
  return Math.round(minutes / step) * step;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}

/** Whole hours covering DEFAULT_RANGE and every session given. */
export function timeRange(sessions: readonly Pick<Session, "start_time" | "end_time">[]): TimeRange {
  let { start, end } = DEFAULT_RANGE;
  for (const s of sessions) {
    const a = parseTime(s.start_time);
    const b = parseTime(s.end_time);
    if (a !== null) start = Math.min(start, Math.floor(a / 60) * 60);
    if (b !== null) end = Math.max(end, Math.ceil(b / 60) * 60);
  }
  return { start, end: Math.min(end, 24 * 60) };
}

/** The hours to label on the grid's gutter: the range's start, every hour, not its end. */
export function hourMarks(range: TimeRange): number[] {
  const marks: number[] = [];
  for (let m = Math.ceil(range.start / 60) * 60; m < range.end; m += 60) marks.push(m);
  return marks;
}

/** Pixels from the top of the grid to `minutes`. */
export function minutesToPx(minutes: number, range: TimeRange, pxPerMinute = PX_PER_MINUTE): number {
  return (minutes - range.start) * pxPerMinute;
}

/** Height of the grid for `range`. */
export function rangeHeight(range: TimeRange, pxPerMinute = PX_PER_MINUTE): number {
  return (range.end - range.start) * pxPerMinute;
}

/**
 * The time at `px` from the top of the grid, snapped to `step` and kept within
 * the range (so a click near the bottom still leaves room for a session).
 */
export function pxToMinutes(px: number, range: TimeRange, step = STEP_MINUTES, pxPerMinute = PX_PER_MINUTE): number {
  const raw = range.start + px / pxPerMinute;
  return clamp(snap(raw, step), range.start, range.end - step);
}

/**
 * The slot under a click at `px` from the top of the grid: the step it falls
 * in (not the nearest one), kept within the range with room for one step.
 */
export function slotAt(px: number, range: TimeRange, step = STEP_MINUTES, pxPerMinute = PX_PER_MINUTE): number {
  const raw = range.start + px / pxPerMinute;
  return clamp(Math.floor(raw / step) * step, range.start, range.end - step);
}

/** Where a session sits on the grid: top and height in pixels. */
export function blockBox(
  start: number,
  end: number,
  range: TimeRange,
  pxPerMinute = PX_PER_MINUTE,
): { top: number; height: number } {
  const top = minutesToPx(Math.max(start, range.start), range, pxPerMinute);
  const bottom = minutesToPx(Math.min(end, range.end), range, pxPerMinute);
  return { top, height: Math.max(bottom - top, 0) };
}

/**
 * A session dragged by `deltaPx` vertically: the same length, its start snapped
 * to `step`, kept inside the range.
 */
export function dragMove(
  span: TimeRange,
  deltaPx: number,
  range: TimeRange,
  step = STEP_MINUTES,
  pxPerMinute = PX_PER_MINUTE,
): TimeRange {
  const length = span.end - span.start;
  const latest = Math.max(range.end - length, range.start);
  const start = clamp(snap(span.start + deltaPx / pxPerMinute, step), range.start, latest);
  return { start, end: Math.min(start + length, range.end) };
}

/**
 * A session whose bottom edge is dragged by `deltaPx`: its end snapped to
 * `step`, at least one step after its start, not past the range.
 */
export function dragResize(
  span: TimeRange,
  deltaPx: number,
  range: TimeRange,
  step = STEP_MINUTES,
  pxPerMinute = PX_PER_MINUTE,
): TimeRange {
  const end = clamp(snap(span.end + deltaPx / pxPerMinute, step), span.start + step, Math.max(range.end, span.start + step));
  return { start: span.start, end };
}

/** `span` shifted by `minutes`, kept within one day; `null` when it would leave the day. */
export function shiftSpan(span: TimeRange, minutes: number): TimeRange | null {
  const start = span.start + minutes;
  const end = span.end + minutes;
  if (start < 0 || end > LAST_MINUTE) return null;
  return { start, end };
}

/** `span` with its end moved by `minutes`; `null` when it would end before one step or leave the day. */
export function stretchSpan(span: TimeRange, minutes: number, step = STEP_MINUTES): TimeRange | null {
  const end = span.end + minutes;
  if (end < span.start + step || end > LAST_MINUTE) return null;
  return { start: span.start, end };
}

/** Where a session sits across the width of its day: lane `lane` of `lanes`. */
export interface LanePlace {
  lane: number;
  lanes: number;
}

/**
 * Lays overlapping sessions side by side. Sessions that overlap, directly or
 * through others, form a cluster; each takes the first lane free at its start,
 * and every session of a cluster shares the cluster's number of lanes. Touching
 * sessions (one ends when the next starts) do not overlap.
 */
export function layoutLanes(items: readonly { id: string; start: number; end: number }[]): Map<string, LanePlace> {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
  const places = new Map<string, LanePlace>();
  let cluster: { id: string; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -Infinity;

  const close = () => {
    for (const { id, lane } of cluster) places.set(id, { lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
  };

  for (const item of sorted) {
    if (item.start >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane === -1) {
      lane = laneEnds.length;
      laneEnds.push(item.end);
    } else {
      laneEnds[lane] = item.end;
    }
    cluster.push({ id: item.id, lane });
    clusterEnd = cluster.length === 1 ? item.end : Math.max(clusterEnd, item.end);
  }
  close();
  return places;
}

/** Lanes of a day's sessions, by session id. */
export function sessionLanes(sessions: readonly Session[]): Map<string, LanePlace> {
  return layoutLanes(
    sessions.map((s) => {
      const start = parseTime(s.start_time) ?? 0;
      return { id: s.id, start, end: Math.max(parseTime(s.end_time) ?? start, start + 1) };
    }),
  );
}

/** Breaks and lunches: set apart on the programme, with no people. */
export function isPause(kind: SessionKind | null | undefined): boolean {
  return kind === "break" || kind === "lunch";
}

/** The SessionInput that saves `session` unchanged: times as HH:MM, people in their order. */
export function sessionToInput(session: Session): SessionInput {
  return {
    day_id: session.day_id,
    start_time: shortTime(session.start_time),
    end_time: shortTime(session.end_time),
    title: session.title,
    kind: session.kind,
    room: session.room,
    description: session.description,
    people: session.people.map((p) => ({ participant_id: p.participant_id, role: p.role })),
    needs_review: session.needs_review,
  };
}

/** The SessionInput that moves `session` to `dayId` and `span`, keeping everything else. */
export function movedInput(session: Session, dayId: string, span: TimeRange): SessionInput {
  return { ...sessionToInput(session), day_id: dayId, start_time: formatTime(span.start), end_time: formatTime(span.end) };
}

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
    needs_review: false,
  };
}

/** A session's times as minutes. */
export function sessionSpan(session: Pick<Session, "start_time" | "end_time">): TimeRange {
  const start = parseTime(session.start_time) ?? 0;
  return { start, end: parseTime(session.end_time) ?? start };
}

/**
 * The first time from 09:00 (then from the range's start) where a session of
 * `length` minutes fits between the day's sessions, on the grid's steps.
 */
export function firstFreeSlot(
  sessions: readonly Pick<Session, "start_time" | "end_time">[],
  length = 60,
  range: TimeRange = DEFAULT_RANGE,
): TimeRange {
  const spans = sessions.map(sessionSpan);
  const free = (start: number) => spans.every((s) => start + length <= s.start || s.end <= start);
  for (const from of [9 * 60, range.start]) {
    for (let start = from; start + length <= range.end; start += STEP_MINUTES) {
      if (free(start)) return { start, end: start + length };
    }
  }
  return { start: 9 * 60, end: 9 * 60 + length };
}

/** The default role of a participant on a session, from their role at the event. */
export function defaultSessionRole(participantRole: string): SessionRole {
  if (participantRole === "moderator") return "moderator";
  if (participantRole === "rapporteur") return "rapporteur";
  return "speaker";
}

/**
 * The people of a session as one line, grouped by role in the order they were
 * listed: "Chair: Ms A · Speakers: Mr B, Ms C".
 */
export function peopleLine(
  people: readonly Pick<SessionPerson, "role" | "name">[],
  labels: Record<SessionRole, string>,
): string {
  const byRole = new Map<SessionRole, string[]>();
  for (const p of people) {
    const names = byRole.get(p.role) ?? [];
    names.push(p.name);
    byRole.set(p.role, names);
  }
  return [...byRole]
    .map(([role, names]) => `${labels[role] ?? role}${names.length > 1 ? "s" : ""}: ${names.join(", ")}`)
    .join(" · ");
}

/** A session's speakers by gender, for its summary: "Speakers: 1 woman, 2 men"; "" without speakers. */
export function speakerSplit(split: SpeakerGenders): string {
  const parts = [
    [split.female, "woman", "women"],
    [split.male, "man", "men"],
    [split.other, "of another gender", "of another gender"],
    [split.undisclosed, "undisclosed", "undisclosed"],
  ] as const;
  const said = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return said.length > 0 ? `Speakers: ${said.join(", ")}` : "";
}

/** The conflicts that concern each session, by session id. */
export function conflictsBySession(conflicts: readonly Conflict[]): Map<string, Conflict[]> {
  const map = new Map<string, Conflict[]>();
  for (const conflict of conflicts) {
    for (const id of conflict.session_ids) {
      const list = map.get(id);
      if (list) list.push(conflict);
      else map.set(id, [conflict]);
    }
  }
  return map;
}

/** What each kind of conflict is called in the list. */
export const CONFLICT_KIND: Record<ConflictKind, string> = {
  person_double_booked: "Person in two places",
  room_clash: "Room clash",
  day_outside_event: "Day outside the event",
};

function utcDate(iso: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? null : date;
}

function isoOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2022-09-21" → "Wed 21 Sep 2022": the screen's date format with the weekday (`format.ts`). */
export const dayLabel = weekdayDate;

/** Every date from `start` to `end`, both included (at most a year of them). */
export function datesBetween(start: string, end: string): string[] {
  const a = utcDate(start);
  const b = utcDate(end);
  if (!a || !b) return [];
  const dates: string[] = [];
  for (const d = a; d <= b && dates.length < 366; d.setUTCDate(d.getUTCDate() + 1)) dates.push(isoOf(d));
  return dates;
}

/** The event's dates that have no agenda day yet. */
export function missingDates(start: string, end: string, days: readonly Pick<AgendaDay, "date">[]): string[] {
  const have = new Set(days.map((d) => d.date));
  return datesBetween(start, end).filter((d) => !have.has(d));
}

/** The first visible day of a window of `size` days that shows day `index` and stays within `count`. */
export function windowStart(current: number, size: number, count: number, previousStart = 0): number {
  if (count <= size) return 0;
  let start = Math.min(Math.max(previousStart, 0), count - size);
  if (current < start) start = current;
  if (current >= start + size) start = current - size + 1;
  return start;
}
