import type { EventStatus, EventSummary } from "./bindings";

/** Latest first, so upcoming events head the list and past ones follow. Ties by title. */
export function sortEvents(events: readonly EventSummary[]): EventSummary[] {
  return [...events].sort(
    (a, b) => b.start_date.localeCompare(a.start_date) || a.title.localeCompare(b.title),
  );
}

export const STATUS_LABELS: Record<EventStatus, string> = {
  draft: "Draft",
  planned: "Planned",
  confirmed: "Confirmed",
  held: "Held",
  reported: "Reported",
  cancelled: "Cancelled",
};

/** Human label for a status; unknown values are shown as they come. */
export function statusLabel(status: EventStatus): string {
  return STATUS_LABELS[status] ?? status;
}
