// The home screen's list of events: which are upcoming and which are past,
// in the order an organiser reads them, narrowed by search, status and series.

import type { EventStatus, EventSummary } from "./bindings";
import { matcher } from "./search";

/** Today's date in the computer's time zone, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** An event is upcoming until its last day is over (so one under way is upcoming). */
export function isUpcoming(event: Pick<EventSummary, "end_date">, today: string): boolean {
  return event.end_date >= today;
}

/** Upcoming events soonest first, then past events latest first; ties by title. */
export function splitByDate(
  events: readonly EventSummary[],
  today: string,
): { upcoming: EventSummary[]; past: EventSummary[] } {
  // ISO dates sort as plain strings; the collator is for titles, on the same date only.
  const byDate = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  const upcoming = events
    .filter((e) => isUpcoming(e, today))
    .sort((a, b) => byDate(a.start_date, b.start_date) || a.title.localeCompare(b.title));
  const past = events
    .filter((e) => !isUpcoming(e, today))
    .sort((a, b) => byDate(b.start_date, a.start_date) || a.title.localeCompare(b.title));
  return { upcoming, past };
}

/** What the organiser narrowed the list to; empty values mean "any". */
export type EventFilter = {
  search: string;
  status: EventStatus | "";
  /** A series' id, `"none"` for events outside any series, or `""` for any. */
  series: string;
};

export const NO_FILTER: EventFilter = { search: "", status: "", series: "" };

/** A test of whether an event passes `filter`: every word of the search must
 *  appear in its title, series, city, country or year. The search is folded
 *  once here, not once per event, since the home list asks for a thousand. */
export function eventMatcher(filter: EventFilter): (event: EventSummary) => boolean {
  const matches = matcher(filter.search);
  const { status, series } = filter;
  return (event) => {
    if (status && event.status !== status) return false;
    if (series === "none" && event.series_id !== null) return false;
    if (series && series !== "none" && event.series_id !== series) return false;
    return matches(
      event.title,
      event.series_title,
      event.host_city,
      event.country_name,
      event.host_country,
      event.start_date.slice(0, 4),
    );
  };
}

/** Whether any part of the filter is set. */
export function isFiltered(filter: EventFilter): boolean {
  return filter.search.trim() !== "" || filter.status !== "" || filter.series !== "";
}
