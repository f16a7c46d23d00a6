// What was typed in a quick add and not added yet (with the backend's refusal,
// such as a second head), kept in memory per event and form while the window
// is open, so switching tabs and coming back finds the entry and its error.

import type { Gender, ParticipantRole, ParticipantStatus } from "../../lib/bindings";

export interface QuickAddDraft {
  familyName: string;
  givenName: string;
  honorific: string;
  delegationId: string;
  role: ParticipantRole;
  status: ParticipantStatus;
  email: string;
  gender: Gender | "";
  errors: Record<string, string>;
}

export const EMPTY_DRAFT: QuickAddDraft = {
  familyName: "",
  givenName: "",
  honorific: "",
  delegationId: "",
  role: "member",
  status: "invited",
  email: "",
  gender: "",
  errors: {},
};

const drafts = new Map<string, QuickAddDraft>();

/** The key of one quick add form: its event, and the delegation it adds to when fixed. */
export function draftKey(eventId: string, fixedDelegationId?: string): string {
  return `${eventId}/${fixedDelegationId ?? ""}`;
}

/** The draft kept for `key`, or an empty one. */
export function loadDraft(key: string): QuickAddDraft {
  const draft = drafts.get(key);
  return draft ? structuredClone(draft) : structuredClone(EMPTY_DRAFT);
}

/** True when nothing is typed (delegation and status are kept choices, not an entry) and no error shows. */
export function isBlank(draft: QuickAddDraft): boolean {
  return (
    !draft.familyName &&
    !draft.givenName &&
    !draft.honorific &&
    !draft.email &&
    draft.gender === "" &&
    draft.role === "member" &&
    Object.keys(draft.errors).length === 0
  );
}

/** Keeps `draft` for `key`; a draft with nothing typed and no error is forgotten. */
export function keepDraft(key: string, draft: QuickAddDraft): void {
  if (isBlank(draft)) drafts.delete(key);
  else drafts.set(key, structuredClone(draft));
}

/** True when an entry of `key` waits to be added or cleared. */
export function hasDraft(key: string): boolean {
  return drafts.has(key);
}
