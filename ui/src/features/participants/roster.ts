// Pure helpers of the participants screen: the inputs the backend's commands
// take, built from what it returned, the backend filter and the client-side
// "needs" filter, and names as people read them.

import type {
  MembershipInput,
  ParticipantFilter,
  ParticipantRole,
  ParticipantStatus,
  ParticipantView,
  Person,
  PersonInput,
} from "../../lib/bindings";

/**
 * "2022-09-20T14:00:00" (as the backend sends a local time) → "2022-09-20T14:00",
 * the value of a `datetime-local` input (and a form the backend reads); "" for none.
 */
export function localMoment(value: string | null): string {
  if (!value) return "";
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})/.exec(value);
  return match ? `${match[1]}T${match[2]}` : value;
}

/** The value of an arrival or departure picker: null when empty. */
export function momentInput(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : trimmed;
}

/**
 * The full MembershipInput of a participation as the backend returned it, with
 * `changes` applied: `update_participant` replaces every field, so an inline
 * change of status or role must send all the others unchanged.
 */
export function membershipInput(view: ParticipantView, changes: Partial<MembershipInput> = {}): MembershipInput {
  const p = view.participant;
  return {
    delegation_id: p.delegation_id,
    role: p.role,
    status: p.status,
    travel_funded_by: p.travel_funded_by,
    arrival: p.arrival === null ? null : localMoment(p.arrival),
    departure: p.departure === null ? null : localMoment(p.departure),
    visa_letter_needed: p.visa_letter_needed,
    accommodation: p.accommodation,
    dietary_needs: p.dietary_needs,
    accessibility_needs: p.accessibility_needs,
    notes: p.notes,
    ...changes,
  };
}

/** The PersonInput of a person as the backend returned them. */
export function personInput(person: Person): PersonInput {
  return {
    honorific: person.honorific,
    given_name: person.given_name,
    family_name: person.family_name,
    position: person.position,
    organisation: person.organisation,
    email: person.email,
    phone: person.phone,
    gender: person.gender,
    languages: [...person.languages],
  };
}

/** `rows` with `view` in the place of the row of the same participation, or added at the end. */
export function withRow(rows: ParticipantView[], view: ParticipantView): ParticipantView[] {
  return withRows(rows, [view]);
}

/** `rows` with each of `views` in its place (or added at the end), in one pass. */
export function withRows(rows: ParticipantView[], views: readonly ParticipantView[]): ParticipantView[] {
  const fresh = new Map(views.map((v) => [v.participant.id, v]));
  const replaced = rows.map((r) => {
    const view = fresh.get(r.participant.id);
    if (view) fresh.delete(r.participant.id);
    return view ?? r;
  });
  return [...replaced, ...fresh.values()];
}

/** "English, Thai" ↔ ["English", "Thai"]. */
export function splitList(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** What the "Needs" filter can ask for. */
export type NeedsFilter = "" | "visa" | "dietary" | "accessibility" | "any";

export const NEEDS_FILTERS: [NeedsFilter, string][] = [
  ["", "Any"],
  ["visa", "Visa letter needed"],
  ["dietary", "Dietary needs"],
  ["accessibility", "Accessibility needs"],
  ["any", "Any of these"],
];

/** The screen's filters as the organiser set them. */
export interface ParticipantFilters {
  search: string;
  delegationId: string;
  role: ParticipantRole | "";
  status: ParticipantStatus | "";
  needs: NeedsFilter;
}

export const NO_FILTERS: ParticipantFilters = { search: "", delegationId: "", role: "", status: "", needs: "" };

/** The part of the filters the backend applies. */
export function backendFilter(filters: ParticipantFilters): ParticipantFilter {
  const search = filters.search.trim();
  return {
    search: search === "" ? null : search,
    delegation_id: filters.delegationId === "" ? null : filters.delegationId,
    role: filters.role === "" ? null : filters.role,
    status: filters.status === "" ? null : filters.status,
    visa_letter_needed: filters.needs === "visa" ? true : null,
  };
}

/** True when the participant has dietary needs written down. */
export function hasDietaryNeeds(view: ParticipantView): boolean {
  return view.participant.dietary_needs.trim() !== "";
}

/** True when the participant has accessibility needs written down. */
export function hasAccessibilityNeeds(view: ParticipantView): boolean {
  return view.participant.accessibility_needs.trim() !== "";
}

/** The rows that pass the needs the backend does not filter on (dietary, accessibility, any). */
export function filterByNeeds(rows: readonly ParticipantView[], needs: NeedsFilter): readonly ParticipantView[] {
  switch (needs) {
    case "":
    case "visa":
      return rows;
    case "dietary":
      return rows.filter(hasDietaryNeeds);
    case "accessibility":
      return rows.filter(hasAccessibilityNeeds);
    case "any":
      return rows.filter((r) => r.participant.visa_letter_needed || hasDietaryNeeds(r) || hasAccessibilityNeeds(r));
  }
}

/** True when any filter narrows the list. */
export function isFiltered(filters: ParticipantFilters): boolean {
  return (
    filters.search.trim() !== "" ||
    filters.delegationId !== "" ||
    filters.role !== "" ||
    filters.status !== "" ||
    filters.needs !== ""
  );
}

/** The selection kept to the ids still listed (after a re-fetch or a new filter). */
export function keepListed(selected: ReadonlySet<string>, rows: readonly ParticipantView[]): Set<string> {
  if (selected.size === 0) return new Set();
  const listed = new Set(rows.map((r) => r.participant.id));
  return new Set([...selected].filter((id) => listed.has(id)));
}

/**
 * Runs changes one after the other, in the order they were asked for, so that
 * each starts from what the previous one left in the store.
 */
export class ChangeQueue {
  private last: Promise<unknown> = Promise.resolve();

  run<T>(change: () => Promise<T>): Promise<T> {
    const next = this.last.then(change, change);
    this.last = next.catch(() => undefined);
    return next;
  }
}
