import type { EventListItem } from "./api";

export type EventStatus = EventListItem["status"];
export type EventFormat = EventListItem["format"];

const STATUS_LABELS: Record<EventStatus, string> = {
  draft: "Draft",
  planned: "Planned",
  confirmed: "Confirmed",
  held: "Held",
  reported: "Reported",
  cancelled: "Cancelled",
};

const FORMAT_LABELS: Record<EventFormat, string> = {
  round_table: "Round-table",
  dialogue: "Dialogue",
  consultation: "Consultation",
  workshop: "Workshop",
  conference: "Conference",
  expert_meeting: "Expert meeting",
};

/** Human label for a status; an unknown value is shown as it comes. */
export function statusLabel(status: EventStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/** Human label for an event format; an unknown value is shown as it comes. */
export function formatLabel(format: EventFormat): string {
  return FORMAT_LABELS[format] ?? String(format).replaceAll("_", " ");
}
