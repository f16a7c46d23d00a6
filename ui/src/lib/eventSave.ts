// Saving an event form: a series typed by title is an existing one (by id)
// or a new one, which the backend makes in the event's own transaction, so a
// refused event leaves no series behind. Errors keep their field.

import { commands, type Event, type Series, type SeriesInput } from "./bindings";
import { call } from "./call";
import { draftToInput, type EventDraft } from "./eventDraft";
import { chooseByName } from "./namedChoice";

type SeriesChoice = { id: string | null; newSeries: SeriesInput | null };

function seriesFor(typed: string, series: readonly Series[]): SeriesChoice {
  const choice = chooseByName(typed, series, (s) => [s.title]);
  if (choice.kind === "none") return { id: null, newSeries: null };
  if (choice.kind === "existing") return { id: choice.item.id, newSeries: null };
  return { id: null, newSeries: { title: choice.name, description: "" } };
}

/** Creates the event; the backend adds one agenda day per date from its first to its last day. */
export function createEventFromDraft(draft: EventDraft, series: readonly Series[]): Promise<Event> {
  const { id, newSeries } = seriesFor(draft.series, series);
  return call(commands.createEvent(draftToInput(draft, id), newSeries));
}

/** Changes the event's facts. */
export function updateEventFromDraft(id: string, draft: EventDraft, series: readonly Series[]): Promise<Event> {
  const chosen = seriesFor(draft.series, series);
  return call(commands.updateEvent(id, draftToInput(draft, chosen.id), chosen.newSeries));
}
