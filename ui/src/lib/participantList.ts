// An event's list of participants, gathered from the pages the backend streams
// (`list_participants`): a 100,000-row list answered in one message would be
// parsed in one go and freeze the window, a page at a time it never does.

import { Channel } from "@tauri-apps/api/core";
import { commands, type ParticipantFilter, type ParticipantPage, type ParticipantView } from "./bindings";
import { call } from "./call";

/** Every participant of the event, whatever the role, status or delegation. */
export const EVERY_PARTICIPANT: ParticipantFilter = {
  search: null,
  delegation_id: null,
  role: null,
  status: null,
  visa_letter_needed: null,
};

/** How far a long list has come, for a line such as "Loading 12,000 of 100,000…". */
export type ListProgress = { received: number; total: number };

/** What a screen hears while a list longer than a page comes in. */
export type ListListener = {
  /** Rows in the first page, when fewer than a whole page show first (a panel's screenful). */
  firstRows?: number;
  /** The first page, to show at once (only when more pages follow). */
  firstPage?: (rows: ParticipantView[], progress: ListProgress) => void;
  /** After each later page but the last. */
  progress?: (progress: ListProgress) => void;
};

/**
 * The whole list, once its last page is in. The command answers with the first
 * page (most lists fit in it); later pages come over the channel, perhaps even
 * before the answer.
 */
export async function listParticipants(
  eventId: string,
  filter: ParticipantFilter,
  listener: ListListener = {},
): Promise<ParticipantView[]> {
  const later: ParticipantView[][] = [];
  let laterRows = 0;
  let first: ParticipantPage | null = null;
  let lastPage: () => void = () => {};
  const allPages = new Promise<void>((resolve) => (lastPage = resolve));
  const channel = new Channel<ParticipantPage>();
  channel.onmessage = (page) => {
    later.push(page.rows);
    laterRows += page.rows.length;
    if (page.last) lastPage();
    else if (first) listener.progress?.({ received: first.rows.length + laterRows, total: page.total });
  };
  first = await call(commands.listParticipants(eventId, filter, listener.firstRows ?? null, channel));
  if (first.last) return first.rows;
  listener.firstPage?.(first.rows, { received: first.rows.length + laterRows, total: first.total });
  await allPages;
  return [first.rows, ...later].flat();
}
