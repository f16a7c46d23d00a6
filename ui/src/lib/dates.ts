// Bounds of the date and time pickers: an event's days, and the travel days
// around them for arrivals and departures, so a picker opens on the event's
// month and never suggests another event's dates.

import { parseIsoDate } from "./format";

/** How many days before the first day an arrival (and after the last a departure) may fall. */
export const TRAVEL_DAYS = 3;

/** `YYYY-MM-DD` moved by `days` (negative for earlier); the text itself when it is not a date. */
export function addDays(iso: string, days: number): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return moved.toISOString().slice(0, 10);
}

/** min/max of an arrival or departure picker (`datetime-local`) for an event running `start`…`end`. */
export function travelBounds(start: string, end: string): { min: string; max: string } {
  return { min: `${addDays(start, -TRAVEL_DAYS)}T00:00`, max: `${addDays(end, TRAVEL_DAYS)}T23:59` };
}
