// The stops of a series around one event.

import type { SeriesStop } from "../../lib/bindings";

/** The first stop after the event `currentId` by date (a stop on the same
 *  day counts when it comes later in the series' order), leaving out
 *  cancelled stops; `null` when there is none. */
export function nextStop(stops: readonly SeriesStop[], currentId: string): SeriesStop | null {
  const index = stops.findIndex((s) => s.event_id === currentId);
  if (index < 0) return null;
  const current = stops[index];
  return (
    stops.find((s, i) => s.event_id !== currentId &&
        s.status !== "cancelled" &&
        (s.start_date > current.start_date || (s.start_date === current.start_date && i > index))) ??
    null
  );
}
