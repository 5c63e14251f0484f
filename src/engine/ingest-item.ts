import type { ExternalVerdict } from '../conversations/external-classifier.js';
import type { ValidEvent } from '../events/validate-event.js';
import type { MediaSignals } from '../media/media-matcher.js';

/** One validated event on its way into the engine, with what Warden attached to it before the fold. */
export interface IngestItem extends ValidEvent {
  /** The event as stored; the validated event re-serialised when absent. */
  body?: string;
  /** Hashes Warden computed from the bytes of this event's media, by media id. */
  mediaHashes?: Record<string, MediaSignals>;
  /** An external classifier's verdicts, attached before the fold (the same for every item of a batch). */
  external?: Record<string, ExternalVerdict>;
}

export type IngestStatus = 'accepted' | 'duplicate';
