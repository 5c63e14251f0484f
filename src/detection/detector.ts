import type { AlertDraft, Severity } from '../alerts/alert-schema.js';
import type { ValidEvent } from '../events/validate-event.js';
import type { Facts } from '../facts/facts.js';

/** State changes a detector may ask for besides alerts; committed with the batch. */
export interface DetectorEffects {
  /** Take a bank entry out of matching (flood) and tell an admin. */
  quarantineEntry(entryId: number, detail: string): void;
  /** Keep a distinct upload counted towards a bank entry's flood limit, so that a restart keeps counting. */
  countUpload(entryId: number, uploadKey: string, tsMs: number): void;
}

/** A minor messaged by an adult (or an account of unknown age) with no connection from the minor. */
export interface UnconnectedContact {
  minorIdx: number;
  minorId: string;
  minorBand: number;
}

/**
 * Hashes Warden computed from one media item's bytes. The shape of media/'s `MediaSignals`,
 * declared here so that the contract imports nothing from the folders that implement it.
 */
export interface ComputedMediaHashes {
  pdq?: string | undefined;
  md5?: string | undefined;
  sha1?: string | undefined;
  sha256?: string | undefined;
  /** PDQ of the seven other orientations, when known. */
  dihedral?: Record<string, string> | undefined;
  /** A video's vPDQ frames (media/video/vpdq.ts), when Warden decoded it. */
  vpdq?: readonly { pdqHex: string; quality: number; timestamp: number }[] | undefined;
  /** A video's TMK+PDQF (media/video/tmk.ts TmkFeatures), when Warden computed it. */
  tmk?: unknown;
}

/** A platform classifier's verdict on one message (the shape of conversations/'s `ExternalVerdict`). */
export interface ExternalVerdictInput {
  score: number;
  category?: 'grooming' | 'solicitation' | 'sextortion' | undefined;
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
  readonly mediaHashes?: Readonly<Record<string, ComputedMediaHashes>> | undefined;
  /** An external classifier's verdicts on this batch's messages, by event id (when one is configured and answered). */
  readonly external?: Readonly<Record<string, ExternalVerdictInput>> | undefined;
  readonly effects: DetectorEffects;
  /** What the detectors before this one raised on this event (deduplicated or not), for detectors that build on others. */
  readonly raised?: readonly AlertDraft[] | undefined;
}

/**
 * What the store holds that a detector may rebuild its memory from on start (docs/architecture.md:
 * hot state is rebuilt from the store). Every detector with `restore` is offered every row,
 * each kind in stored order, and ignores the kinds it does not keep.
 */
export type StoredSignal =
  /** A connection request, pending, declined or accepted. */
  | { kind: 'request'; from: string; to: string; tsMs: number }
  /** A block or report made by a minor. */
  | { kind: 'complaint'; from: string; to: string; eventId: string; via: 'block' | 'report' }
  /** An alert raised before (its dedupe key is restored by the engine); `body`, the alert as stored, only for `copied_openers` (the store reads no others). */
  | { kind: 'alert'; detector: string; subject: string; category: string; severity: Severity; body: string | null }
  /** A message from the tail of the event log, oldest first; what it would raise now was raised before. */
  | { kind: 'message'; ev: ValidEvent };

/**
 * A detector turns accepted events into alert drafts. It does no I/O (docs/architecture.md); state it
 * keeps between events lives in memory and is rebuilt from the store on start through
 * `restore`. `name` is persisted with every alert and is never renamed.
 */
export interface Detector {
  readonly name: string;
  evaluate(input: DetectorInput): readonly AlertDraft[];
  /**
   * Folds one stored row back into memory after a restart. `facts` are as restored so far
   * (accounts and ages first); `todayPacked` is the restore's UTC date, packed yyyymmdd.
   */
  restore?(row: StoredSignal, facts: Facts, todayPacked: number): void;
}

export const NO_DRAFTS: readonly AlertDraft[] = Object.freeze([]);
