import type { AlertDraft } from '../alerts/alert-schema.js';
import type { ValidEvent } from '../events/validate-event.js';
import type { Facts } from '../facts/facts.js';
import type { MediaSignals } from '../media/media-matcher.js';

/** State changes a detector may ask for besides alerts; committed with the batch. */
export interface DetectorEffects {
  /** Take a bank entry out of matching (flood) and tell an admin. */
  quarantineEntry(entryId: number, detail: string): void;
}

/** A minor messaged by an adult (or an account of unknown age) with no connection from the minor. */
export interface UnconnectedContact {
  minorIdx: number;
  minorId: string;
  minorBand: number;
}

/** What a detector sees for one event: the event, facts already updated by it, and derived signals. */
export interface DetectorInput {
  readonly ev: ValidEvent;
  readonly facts: Facts;
  /** The event's UTC date packed yyyymmdd, for age bands at the event's time. */
  readonly datePacked: number;
  /** For `message.sent` from a non-minor: the minors among its recipients who have no connection to the sender. */
  readonly unconnected: readonly UnconnectedContact[];
  /** Hashes Warden computed from media bytes (by media id), for events whose media it could read. */
  readonly mediaHashes?: Readonly<Record<string, MediaSignals>> | undefined;
  /** An external classifier's verdicts on this batch's messages, by event id (when one is configured and answered). */
  readonly external?: Readonly<Record<string, { score: number; category?: 'grooming' | 'solicitation' | 'sextortion' | undefined }>> | undefined;
  readonly effects: DetectorEffects;
  /** What the detectors before this one raised on this event (deduplicated or not), for detectors that build on others. */
  readonly raised?: readonly AlertDraft[] | undefined;
}

/**
 * A detector turns accepted events into alert drafts. It does no I/O (docs/architecture.md); state it
 * keeps between events lives in memory and is rebuilt from the store on start.
 * `name` is persisted with every alert and is never renamed.
 */
export interface Detector {
  readonly name: string;
  evaluate(input: DetectorInput): readonly AlertDraft[];
}

export const NO_DRAFTS: readonly AlertDraft[] = Object.freeze([]);
