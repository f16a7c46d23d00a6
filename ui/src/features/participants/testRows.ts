// Participant rows for the tests of this folder.
import type { ParticipantView } from "../../lib/bindings";

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
