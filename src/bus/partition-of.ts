import type { WardenEvent } from '../events/event-schema.js';

/**
 * The ordering key of an event (docs/scale-out.md, "Partitions"): events with one key are
 * processed in the order the stream took them, by one worker at a time.
 *
 * - a message: its conversation, so both directions of a conversation (the stages, the
 *   replies, the move-to-another-app cue) are folded in order by one owner;
 * - a connection or a block: the unordered pair, so request, accept and remove between two
 *   accounts stay in order whichever side acted;
 * - an account, a report, an upload, a search, a group membership: the account it is about.
 *
 * The cost: what spans keys (an adult's fan-out to many minors across conversations, the
 * other party's age) is read from the shared model, which lags by the model feed's delay.
 */
export function partitionKey(event: WardenEvent): string {
  switch (event.type) {
    case 'message.sent':
      return `c:${event.message.conversationId}`;
    case 'connection.requested':
    case 'connection.created':
    case 'connection.removed':
    case 'block.created':
      return event.from < event.to ? `p:${event.from}|${event.to}` : `p:${event.to}|${event.from}`;
    case 'account.upserted':
      return `a:${event.account.id}`;
    case 'report.filed':
      return `a:${event.report.subject.accountId}`;
    case 'media.uploaded':
      return `a:${event.media.owner}`;
    case 'search.performed':
      return `a:${event.actor}`;
    case 'group.joined':
    case 'group.left':
      return `a:${event.member}`;
  }
}

/** FNV-1a over the key's UTF-16 code units: stable across processes and versions, no allocation. */
export function partitionOfKey(key: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}

export function partitionOf(event: WardenEvent, partitions: number): number {
  return partitionOfKey(partitionKey(event), partitions);
}

/** The event types whose facts every node folds into its shared model (model-feed.ts). */
export const FACT_TYPES: ReadonlySet<string> = new Set([
  'account.upserted',
  'connection.requested',
  'connection.created',
  'connection.removed',
  'block.created',
  'report.filed',
  'group.joined',
  'group.left',
]);
