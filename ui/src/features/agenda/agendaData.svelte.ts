// What the agenda screen shows, as the store has it: the agenda (days,
// sessions, conflicts), the event (its dates and time zone) and its
// participants (for the session form's people picker). Fetched again after
// each change and whenever the plan changes underneath the window.

import { commands, type Agenda, type Event, type ParticipantView } from "../../lib/bindings";
import { asApiError, call } from "../../lib/call";
import { EVERY_PARTICIPANT, listParticipants } from "../../lib/participantList";

export class AgendaData {
  agenda = $state<Agenda | null>(null);
  event = $state<Event | null>(null);
  participants = $state<ParticipantView[]>([]);
  /** Why the agenda or the event could not be read. */
  loadError = $state<string | null>(null);

  readonly #eventId: string;

  constructor(eventId: string) {
    this.#eventId = eventId;
  }

  /** Fetches everything again. */
  loadAll(): Promise<unknown> {
    return Promise.all([this.refresh(), this.loadEvent(), this.loadParticipants()]);
  }

  /** Fetches the agenda again (after a change to a session or a day). */
  async refresh(): Promise<void> {
    try {
      this.agenda = await call(commands.getAgenda(this.#eventId));
      this.loadError = null;
    } catch (caught) {
      this.loadError = asApiError(caught).message;
    }
  }

  async loadEvent(): Promise<void> {
    try {
      this.event = await call(commands.getEvent(this.#eventId));
    } catch (caught) {
      this.loadError = asApiError(caught).message;
    }
  }

  async loadParticipants(): Promise<void> {
    try {
      this.participants = await listParticipants(this.#eventId, EVERY_PARTICIPANT);
    } catch {
      // The picker then offers the people already on the session only.
    }
  }
}
