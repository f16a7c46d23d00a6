// Saving an event form: the series typed by title is found or created first,
// then the event is created or changed (the backend gives a new event its
// agenda days in the same transaction). A series created for
// an event that is then refused is deleted again, so a corrected retry does
// not leave a stray series behind. Errors keep their field; the series' own
// errors are reported on the event's series field.

import { commands, type Event, type Series } from "./bindings";
import { asApiError, call, CommandFailure } from "./call";
import { draftToInput, type EventDraft } from "./eventDraft";
import { chooseByName } from "./namedChoice";

type SeriesId = { id: string | null; created: boolean };

async function seriesFor(typed: string, series: readonly Series[]): Promise<SeriesId> {
  const choice = chooseByName(typed, series, (s) => [s.title]);
  if (choice.kind === "none") return { id: null, created: false };
  if (choice.kind === "existing") return { id: choice.item.id, created: false };
  try {
    const created = await call(commands.createSeries({ title: choice.name, description: "" }));
    return { id: created.id, created: true };
  } catch (caught) {
    throw new CommandFailure({ ...asApiError(caught), field: "series_id" });
  }
}

async function withSeries<T>(
  draft: EventDraft,
  series: readonly Series[],
  save: (seriesId: string | null) => Promise<T>,
): Promise<T> {
  const { id, created } = await seriesFor(draft.series, series);
  try {
    return await save(id);
  } catch (caught) {
    if (created && id) await commands.deleteSeries(id).catch(() => undefined);
    throw caught;
  }
}

/** Creates the event; the backend adds one agenda day per date from its first to its last day. */
export function createEventFromDraft(draft: EventDraft, series: readonly Series[]): Promise<Event> {
  return withSeries(draft, series, (seriesId) => call(commands.createEvent(draftToInput(draft, seriesId))));
}

/** Changes the event's facts. */
export function updateEventFromDraft(id: string, draft: EventDraft, series: readonly Series[]): Promise<Event> {
  return withSeries(draft, series, (seriesId) => call(commands.updateEvent(id, draftToInput(draft, seriesId))));
}
