/**
 * A hash exchange: a list of known material that another organisation keeps and shares
 * (NCMEC's hash sharing API, StopNCII, a ThreatExchange privacy group). Warden fetches it
 * incrementally into a bank of its own and, where the source accepts it, sends reviewers'
 * verdicts back. Every implementation runs the shared suite in exchange.case.test.ts.
 */

/** The wire protocols Warden speaks; persisted with each source, never renamed. */
export const EXCHANGE_KINDS = ['ncmec', 'stopncii', 'threatexchange'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];

/** One fingerprint of an entry, as the source names its type (`PDQ`, `ImagePDQ`, `HASH_MD5`). */
export interface SourceFingerprint {
  sourceType: string;
  value: string;
}

/** One entry of a source: an item of known material with one or more fingerprints, or its deletion. */
export interface ExchangeEntry {
  /** The source's own id for the entry; feedback names it. */
  id: string;
  contentKind: 'image' | 'video' | 'unknown';
  /** The source withdrew it: Warden stops matching it. */
  deleted: boolean;
  /** When the source last changed the entry (ms). Sources do not send entries in time order. */
  updatedMs: number;
  fingerprints: SourceFingerprint[];
}

/**
 * Where a fetch stands, persisted after every batch is stored. `progressMs`: every change up
 * to this time is stored. `resume`: a fetch of the window [fromMs, toMs) broke off; `cursor`
 * (the source's next-page link or token) continues it without refetching or skipping.
 */
export interface ExchangeCheckpoint {
  progressMs: number;
  resume?: { cursor: string; fromMs: number; toMs: number; savedMs: number } | undefined;
}

/** Entries of one page, and the checkpoint that holds once they are stored. */
export interface SignalBatch {
  entries: ExchangeEntry[];
  checkpoint: ExchangeCheckpoint;
}

export type Verdict = 'confirm' | 'reject';

/** A reviewer's verdict on media that matched one of the source's fingerprints. */
export interface ExchangeFeedback {
  entryId: string;
  sourceType: string;
  value: string;
  verdict: Verdict;
}

export interface FetchOptions {
  /** The end of the window to fetch (ms); the source's clock is never read. */
  nowMs: number;
}

export interface Exchange {
  /** This source's name in Warden (`ncmec-industry`); persisted. */
  readonly name: string;
  readonly kind: ExchangeKind;
  /**
   * Pages of changes after `checkpoint` (from the start when undefined), each with the
   * checkpoint to persist once its entries are stored. A failed call throws ExchangeError;
   * what was yielded before it stays valid.
   */
  fetch(checkpoint: ExchangeCheckpoint | undefined, opts: FetchOptions): AsyncIterable<SignalBatch>;
  /** Optional capability: present only on sources that accept feedback. */
  sendFeedback?(feedback: ExchangeFeedback): Promise<void>;
  close(): Promise<void>;
}

/** A call to a source that failed: `retryable` for 5xx, 429, timeouts and resets. Never carries credentials. */
export class ExchangeError extends Error {
  constructor(
    readonly code: string,
    readonly retryable: boolean,
    message: string,
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}

/** NCMEC suggests not keeping a paging link long: one older than this restarts its window. */
export const RESUME_MAX_AGE_MS = 12 * 3600_000;
