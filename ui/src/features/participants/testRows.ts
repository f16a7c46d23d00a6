// Participant rows for the tests of this folder.
import type { Channel } from "@tauri-apps/api/core";
import type { ParticipantPage, ParticipantView } from "../../lib/bindings";

/** A participant as `list_participants` returns one, with `over` applied to the participation. */
export function view(id: string, over: Partial<ParticipantView["participant"]> = {}): ParticipantView {
  return {
    participant: {
      id,
      event_id: "ev",
      delegation_id: "th",
      person_id: `person-${id}`,
      role: "member",
      status: "invited",
      travel_funded_by: null,
      arrival: null,
      departure: null,
      visa_letter_needed: false,
      accommodation: "",
      dietary_needs: "",
      accessibility_needs: "",
      notes: "",
      ...over,
    },
    person: {
      id: `person-${id}`,
      honorific: "Ms",
      given_name: "Orawan",
      family_name: "Sukprasert",
      position: "Director",
      organisation: "Ministry",
      email: null,
      phone: "",
      gender: "female",
      languages: ["Thai", "English"],
      full_name: "Ms Orawan Sukprasert",
    },
    delegation_name: "Thailand",
    delegation_kind: "country",
    country_code: "TH",
  };
}

/** The page size the fake backend streams in (small, so a test sees several pages). */
export const TEST_PAGE_ROWS = 2;

/**
 * What `list_participants` does, for a mocked `commands.listParticipants`: the
 * rows `list()` gives, the first page as the answer and the later ones over the
 * channel it was handed, after the answer. The test file mocks
 * `@tauri-apps/api/core` so that a Channel is a plain object with `onmessage`.
 */
export function answerInPages(list: () => ParticipantView[]) {
  return async (_eventId: string, _filter: unknown, _firstRows: number | null, channel: Channel<ParticipantPage>) => {
    const rows = structuredClone(list());
    const total = rows.length;
    const page = (start: number) => ({
      rows: rows.slice(start, start + TEST_PAGE_ROWS),
      total,
      last: start + TEST_PAGE_ROWS >= total,
    });
    setTimeout(() => {
      for (let start = TEST_PAGE_ROWS; start < total; start += TEST_PAGE_ROWS) channel.onmessage(page(start));
    });
    return { status: "ok" as const, data: page(0) };
  };
}
