// Pure helpers of the delegation tracker: which delegations need attention,
// sorting by any column, filtering, and the gender split in words. Every
// number comes from the backend's tracker; nothing here counts participants.

import type { DelegationKind, DelegationWorkflow, TrackerCounts, TrackerRow } from "../../lib/bindings";
import { formatDate } from "../../lib/format";
import { INVITATION_CHANNEL } from "../../lib/labels";
import { matcher } from "../../lib/search";

/** Kinds of delegation whose head of delegation matters for protocol. */
const HEAD_EXPECTED: ReadonlySet<DelegationKind> = new Set<DelegationKind>(["country", "organisation"]);

/** True when the delegation is expected to have a head (a government or an organisation), for the "N of M named" total. */
export function expectsHead(kind: DelegationKind): boolean {
  return HEAD_EXPECTED.has(kind);
}

/** What needs attention in one delegation. */
export interface Attention {
  noHead: boolean;
  overQuota: boolean;
  underQuota: boolean;
  nominationOverdue: boolean;
}

/** What needs attention, as the backend judges it (heads and unfilled seats matter only while planning). */
export function attentionOf(row: TrackerRow): Attention {
  return {
    noHead: row.needs_head,
    overQuota: row.over_quota,
    underQuota: row.under_quota,
    nominationOverdue: row.nomination_overdue,
  };
}

/** Where a delegation's workflow stands, in a few words: "Nominated 3 Aug 2026 · Credentials 5 Aug 2026",
 *  "Nomination due 15 Jul 2026", "Invited 1 Jun 2026 by note verbale", or "" before the invitation. */
export function workflowLine(workflow: DelegationWorkflow): string {
  const by = workflow.invitation_channel ? ` by ${INVITATION_CHANNEL[workflow.invitation_channel].toLowerCase()}` : "";
  const stage = workflow.nomination_received_on
    ? `Nominated ${formatDate(workflow.nomination_received_on)}`
    : workflow.nomination_deadline
      ? `Nomination due ${formatDate(workflow.nomination_deadline)}`
      : workflow.invitation_sent_on
        ? `Invited ${formatDate(workflow.invitation_sent_on)}${by}`
        : "";
  const credentials = workflow.credentials_received_on ? `Credentials ${formatDate(workflow.credentials_received_on)}` : "";
  return [stage, credentials].filter(Boolean).join(" · ");
}

/** Free seats (negative when over quota), or null when the quota is not limited. */
export function freeSeats(row: TrackerRow): number | null {
  return row.quota === null ? null : row.quota - row.counts.seats_taken;
}

export type AttentionFilter = "all" | "attention" | "no_head" | "over_quota" | "under_quota" | "nomination_overdue";

export const ATTENTION_FILTERS: [AttentionFilter, string][] = [
  ["all", "All delegations"],
  ["attention", "Needs attention"],
  ["no_head", "No head of delegation"],
  ["over_quota", "Over quota"],
  ["under_quota", "Under quota"],
  ["nomination_overdue", "No nomination after the deadline"],
];

export interface TrackerFilter {
  kind: DelegationKind | "";
  attention: AttentionFilter;
  /** Part of the delegation's or its head's name. */
  search: string;
}

export const NO_FILTER: TrackerFilter = { kind: "", attention: "all", search: "" };

function matchesAttention(row: TrackerRow, filter: AttentionFilter): boolean {
  if (filter === "all") return true;
  const a = attentionOf(row);
  switch (filter) {
    case "attention":
      return a.noHead || a.overQuota || a.underQuota || a.nominationOverdue;
    case "no_head":
      // A fact, before or after the event: a delegation that should have a head and has none.
      return expectsHead(row.kind) && !row.head;
    case "over_quota":
      return a.overQuota;
    case "under_quota":
      return a.underQuota;
    case "nomination_overdue":
      return a.nominationOverdue;
  }
}

/** The rows that pass the filter, in the order given. */
export function filterRows(rows: readonly TrackerRow[], filter: TrackerFilter): TrackerRow[] {
  const matches = matcher(filter.search);
  return rows.filter(
    (row) =>
      (filter.kind === "" || row.kind === filter.kind) &&
      matchesAttention(row, filter.attention) &&
      matches(row.name, row.head),
  );
}

export type SortKey =
  | "protocol"
  | "name"
  | "quota"
  | "seats"
  | "invited"
  | "nominated"
  | "confirmed"
  | "attended"
  | "declined"
  | "head"
  | "gender"
  | "visa";

export type SortDirection = "asc" | "desc";

export interface TrackerSort {
  key: SortKey;
  direction: SortDirection;
}

export const PROTOCOL_ORDER: TrackerSort = { key: "protocol", direction: "asc" };

/** Share of women among those holding a seat; null when nobody holds one. */
export function femaleShare(counts: TrackerCounts): number | null {
  return counts.seats_taken === 0 ? null : counts.female / counts.seats_taken;
}

/** The value a column sorts by; null sorts last in either direction. */
function sortValue(row: TrackerRow, key: SortKey): number | string | null {
  switch (key) {
    case "protocol":
      return null;
    case "name":
      return row.name.toLocaleLowerCase();
    case "quota":
      return row.quota;
    case "seats":
      return row.counts.seats_taken;
    case "invited":
    case "nominated":
    case "confirmed":
    case "attended":
    case "declined":
      return row.counts[key];
    case "head":
      return row.head ? row.head.toLocaleLowerCase() : null;
    case "gender":
      return femaleShare(row.counts);
    case "visa":
      return row.counts.visa_letters_needed;
  }
}

/**
 * The rows sorted by a column; ties and the "protocol" key keep the backend's
 * protocol order (the order of `rows`). Empty values (no quota, no head) go last.
 */
export function sortRows(rows: readonly TrackerRow[], sort: TrackerSort): TrackerRow[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  if (sort.key === "protocol") return indexed.map((x) => x.row);
  const sign = sort.direction === "asc" ? 1 : -1;
  indexed.sort((a, b) => {
    const va = sortValue(a.row, sort.key);
    const vb = sortValue(b.row, sort.key);
    if (va === null || vb === null) {
      if (va === vb) return a.index - b.index;
      return va === null ? 1 : -1;
    }
    const order = typeof va === "string" ? va.localeCompare(vb as string) : va - (vb as number);
    return order !== 0 ? sign * order : a.index - b.index;
  });
  return indexed.map((x) => x.row);
}

/** A click on a column header: ascending, then descending, then back to protocol order. */
export function nextSort(current: TrackerSort, key: SortKey): TrackerSort {
  if (current.key !== key) return { key, direction: isText(key) ? "asc" : "desc" };
  const first = isText(key) ? "asc" : "desc";
  if (current.direction === first) return { key, direction: first === "asc" ? "desc" : "asc" };
  return PROTOCOL_ORDER;
}

function isText(key: SortKey): boolean {
  return key === "name" || key === "head" || key === "protocol";
}

/** "6 F · 5 M · 1 other · 2 not stated", or "—" when no seat is taken. */
export function genderSplitLabel(counts: TrackerCounts): string {
  if (counts.seats_taken === 0) return "—";
  const parts = [`${counts.female} F`, `${counts.male} M`];
  if (counts.other_gender > 0) parts.push(`${counts.other_gender} other`);
  if (counts.undisclosed_gender > 0) parts.push(`${counts.undisclosed_gender} not stated`);
  return parts.join(" · ");
}

/** Every participation of the delegation, whatever its status: what deleting it removes. */
export function participationCount(counts: TrackerCounts): number {
  return counts.invited + counts.nominated + counts.confirmed + counts.attended + counts.declined + counts.cancelled;
}
