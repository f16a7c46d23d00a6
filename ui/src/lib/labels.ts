// English labels of the backend's vocabularies, in the order people expect
// them, for selects, badges and tables. They come from the Rust vocabularies
// (the LABELS constant of the generated bindings): nothing here is written
// twice, and each map is typed by its vocabulary's generated type, so a new
// Rust variant without its label fails the typecheck.

import {
  LABELS,
  type BackupReason,
  type CopiedTexts,
  type DelegationKind,
  type EventFormat,
  type EventStatus,
  type FollowUpStatus,
  type InvitationChannel,
  type FundingCover,
  type Gender,
  type OrganisationKind,
  type OrganiserRole,
  type ParticipantRole,
  type ParticipantStatus,
  type SessionKind,
  type SessionRole,
  type StepKind,
} from "./bindings";

/** The `{ value: label }` map of one vocabulary's `[value, label]` pairs, in their order. */
function labelled<K extends string>(pairs: readonly (readonly [K, string])[]): Record<K, string> {
  return Object.fromEntries(pairs) as Record<K, string>;
}

export const EVENT_STATUS: Record<EventStatus, string> = labelled(LABELS.event_status);
export const EVENT_FORMAT: Record<EventFormat, string> = labelled(LABELS.event_format);
export const ORGANISATION_KIND: Record<OrganisationKind, string> = labelled(LABELS.organisation_kind);
export const ORGANISER_ROLE: Record<OrganiserRole, string> = labelled(LABELS.organiser_role);
export const FUNDING_COVER: Record<FundingCover, string> = labelled(LABELS.funding_cover);
export const DELEGATION_KIND: Record<DelegationKind, string> = labelled(LABELS.delegation_kind);
export const GENDER: Record<Gender, string> = labelled(LABELS.gender);
export const PARTICIPANT_ROLE: Record<ParticipantRole, string> = labelled(LABELS.participant_role);
export const PARTICIPANT_STATUS: Record<ParticipantStatus, string> = labelled(LABELS.participant_status);
export const SESSION_KIND: Record<SessionKind, string> = labelled(LABELS.session_kind);
export const SESSION_ROLE: Record<SessionRole, string> = labelled(LABELS.session_role);
export const FOLLOW_UP_STATUS: Record<FollowUpStatus, string> = labelled(LABELS.follow_up_status);
export const INVITATION_CHANNEL: Record<InvitationChannel, string> = labelled(LABELS.invitation_channel);
export const COPIED_TEXTS: Record<CopiedTexts, string> = labelled(LABELS.copied_texts);
export const BACKUP_REASON: Record<BackupReason, string> = labelled(LABELS.backup_reason);
export const STEP_KIND: Record<StepKind, string> = labelled(LABELS.step_kind);

/** `[value, label]` pairs of a vocabulary, for `<select>` options. */
export function options<K extends string>(labels: Record<K, string>): [K, string][] {
  return Object.entries(labels) as [K, string][];
}
