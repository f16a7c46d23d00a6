// An event as its form holds it while the organiser types: every field as
// text (the series by its title, the priorities one per line, the languages
// separated by commas), turned into the backend's EventInput on save.

import type { Event, EventFormat, EventInput, EventStatus, Field } from "./bindings";

/** The backend's fields of the event's core facts (the New event form shows these). */
export const EVENT_CORE_FIELDS: readonly Field[] = [
  "title",
  "series_id",
  "format",
  "host_city",
  "host_country",
  "venue",
  "time_zone",
  "start_date",
  "end_date",
  "status",
];

/** Every field of an event (the edit form shows them all). */
export const EVENT_FIELDS: readonly Field[] = [
  ...EVENT_CORE_FIELDS,
  "objectives",
  "priorities",
  "sdgs",
  "languages",
  "notes",
];

export type EventDraft = {
  title: string;
  /** The series' title, existing or new; empty for none. */
  series: string;
  format: EventFormat;
  host_city: string;
  /** ISO 3166-1 alpha-2. */
  host_country: string;
  venue: string;
  time_zone: string;
  start_date: string;
  end_date: string;
  status: EventStatus;
  objectives: string;
  /** One priority per line. */
  priorities: string;
  sdgs: number[];
  /** Separated by commas. */
  languages: string;
  notes: string;
};

export function emptyDraft(): EventDraft {
  return {
    title: "",
    series: "",
    format: "round_table",
    host_city: "",
    host_country: "",
    venue: "",
    time_zone: "",
    start_date: "",
    end_date: "",
    status: "draft",
    objectives: "",
    priorities: "",
    sdgs: [],
    languages: "",
    notes: "",
  };
}

export function draftFromEvent(event: Event, seriesTitle: string | null): EventDraft {
  return {
    title: event.title,
    series: seriesTitle ?? "",
    format: event.format,
    host_city: event.host_city,
    host_country: event.host_country,
    venue: event.venue,
    time_zone: event.time_zone,
    start_date: event.start_date,
    end_date: event.end_date,
    status: event.status,
    objectives: event.objectives,
    priorities: event.priorities.join("\n"),
    sdgs: [...event.sdgs],
    languages: event.languages.join(", "),
    notes: event.notes,
  };
}

/** Non-empty trimmed items of a text split by `separator`. */
export function splitList(text: string, separator: RegExp): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);
}

export function draftToInput(draft: EventDraft, seriesId: string | null): EventInput {
  return {
    series_id: seriesId,
    title: draft.title,
    format: draft.format,
    host_city: draft.host_city,
    host_country: draft.host_country,
    venue: draft.venue,
    time_zone: draft.time_zone.trim(),
    start_date: draft.start_date,
    end_date: draft.end_date,
    status: draft.status,
    objectives: draft.objectives,
    priorities: splitList(draft.priorities, /\n/),
    sdgs: [...draft.sdgs].sort((a, b) => a - b),
    languages: splitList(draft.languages, /[,;]/),
    notes: draft.notes,
  };
}
