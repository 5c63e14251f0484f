import { Agent, request } from 'undici';
import { z } from 'zod';

/** One verdict of an external classifier on one message. */
export interface ExternalVerdict {
  score: number;
  category?: 'grooming' | 'solicitation' | 'sextortion' | undefined;
}

export interface ExternalClassifier {
  readonly name: string;
  /** Verdicts by message event id; empty when the service is down, slow or the circuit is open (never throws). */
  classify(messages: readonly { id: string; text: string }[]): Promise<Map<string, ExternalVerdict>>;
  readonly state: 'closed' | 'open' | 'half_open';
}

const ResponseSchema = z.strictObject({
  results: z
    .array(
      z.strictObject({
        id: z.string(),
        score: z.number().min(0).max(1),
        category: z.enum(['grooming', 'solicitation', 'sextortion']).optional(),
      }),
    )
    .max(10_000),
});

export interface HttpClassifierOptions {
  url: string;
  timeoutMs: number;
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call. */
  resetAfterMs: number;
  now?: () => number;
  onStateChange?: (state: ExternalClassifier['state']) => void;
}

/**
 * A platform's own classifier over HTTP: `POST url {messages:[{id,text}]}` answers
 * `{results:[{id,score,category?}]}`. Ingest waits at most `timeoutMs` per batch; after
 * `failureThreshold` failures in a row the circuit opens and ingest stops calling it for
 * `resetAfterMs`, then one trial decides. A failing classifier costs detections, never
 * ingest. SECURITY: message text leaves Warden only to this configured URL.
 */
export function createHttpClassifier(o: HttpClassifierOptions): ExternalClassifier {
  const now = o.now ?? Date.now;
  const agent = new Agent({ connections: 4, headersTimeout: o.timeoutMs, bodyTimeout: o.timeoutMs });
  let failures = 0;
  let state: ExternalClassifier['state'] = 'closed';
  let openedAt = 0;
  const set = (s: ExternalClassifier['state']) => {
    if (s !== state) {
      state = s;
      o.onStateChange?.(s);
    }
  };
  const fail = () => {
    failures++;
    if (state === 'half_open' || failures >= o.failureThreshold) {
      openedAt = now();
      set('open');
    }
  };
  return {
    name: 'external_classifier',
    get state() {
      return state;
    },
    async classify(messages) {
      const out = new Map<string, ExternalVerdict>();
      if (messages.length === 0) return out;
      if (state === 'open') {
        if (now() - openedAt < o.resetAfterMs) return out;
        set('half_open');
      }
      try {
        const res = await request(o.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ messages }),
          dispatcher: agent,
          signal: AbortSignal.timeout(o.timeoutMs),
        });
        const text = await res.body.text();
        if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}`);
        const parsed = ResponseSchema.safeParse(JSON.parse(text));
        if (!parsed.success) throw new Error('malformed response');
        for (const r of parsed.data.results) out.set(r.id, { score: r.score, category: r.category });
        failures = 0;
        set('closed');
      } catch {
        fail();
      }
      return out;
    },
  };
}
