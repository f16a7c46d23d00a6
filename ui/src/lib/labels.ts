// English labels of the backend's vocabularies, in the order people expect
// them, for selects, badges and tables. The keys are checked against the
// generated types, so a new Rust variant fails the typecheck until labelled.

import type {
  DelegationKind,
  EventFormat,
  EventStatus,
  FollowUpStatus,
  FundingCover,
  Gender,
  OrganisationKind,
  OrganiserRole,
  ParticipantRole,
  ParticipantStatus,
  SessionKind,
  SessionRole,
} from "./bindings";

export const EVENT_STATUS: Record<EventStatus, string> = {
  draft: "Draft",
  planned: "Planned",
  confirmed: "Confirmed",
  held: "Held",
  reported: "Reported",
  cancelled: "Cancelled",
};

export const EVENT_FORMAT: Record<EventFormat, string> = {
  round_table: "Round-table",
  dialogue: "Dialogue",
  consultation: "Consultation",
  workshop: "Workshop",
  conference: "Conference",
  expert_meeting: "Expert meeting",
};

export const ORGANISATION_KIND: Record<OrganisationKind, string> = {
  international_organisation: "International organisation",
  government: "Government",
  civil_society: "Civil society",
  donor: "Donor",
  academic: "Academic",
  other: "Other",
};

export const ORGANISER_ROLE: Record<OrganiserRole, string> = {
  lead_organiser: "Lead organiser",
  co_organiser: "Co-organiser",
  host: "Host",
  funder: "Funder",
  partner: "Partner",
};

export const FUNDING_COVER: Record<FundingCover, string> = {
  delegates_travel: "Delegates' travel",
  accommodation: "Accommodation",
  venue: "Venue",
  interpretation: "Interpretation",
  catering: "Catering",
  publication: "Publication",
  other: "Other",
};

export const DELEGATION_KIND: Record<DelegationKind, string> = {
  country: "Country",
  organisation: "Organisation",
  expert_group: "Experts",
  organising_team: "Organising team",
};

export const GENDER: Record<Gender, string> = {
  female: "Female",
  male: "Male",
  other: "Other",
  undisclosed: "Undisclosed",
};

export const PARTICIPANT_ROLE: Record<ParticipantRole, string> = {
  head: "Head of delegation",
  member: "Member",
  speaker: "Speaker",
  moderator: "Moderator",
  expert: "Expert",
  observer: "Observer",
  rapporteur: "Rapporteur",
  staff: "Staff",
};

export const PARTICIPANT_STATUS: Record<ParticipantStatus, string> = {
  invited: "Invited",
  nominated: "Nominated",
  confirmed: "Confirmed",
  attended: "Attended",
  declined: "Declined",
  cancelled: "Cancelled",
};

export const SESSION_KIND: Record<SessionKind, string> = {
  opening: "Opening",
  keynote: "Keynote",
  plenary: "Plenary",
  panel: "Panel",
  working_group: "Working group",
  break: "Break",
  lunch: "Lunch",
  closing: "Closing",
  side_event: "Side event",
  study_visit: "Study visit",
};

export const SESSION_ROLE: Record<SessionRole, string> = {
  chair: "Chair",
  moderator: "Moderator",
  speaker: "Speaker",
  rapporteur: "Rapporteur",
};

export const FOLLOW_UP_STATUS: Record<FollowUpStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
};

/** `[value, label]` pairs of a vocabulary, for `<select>` options. */
export function options<K extends string>(labels: Record<K, string>): [K, string][] {
  return Object.entries(labels) as [K, string][];
}
