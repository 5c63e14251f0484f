import { prng } from '../core/prng.js';

/*
 * Deterministic synthetic data for benchmarks: ids, ages and who-talks-to-whom only;
 * message texts are short and bland by rule.
 */
export { prng };

const TEXTS = [
  'see you at practice',
  'nice game today',
  'did you finish the homework?',
  'ok',
  'haha yes',
  'what time is it?',
  'thanks!',
  'good luck tomorrow',
];
const BANDS = ['13-15', '16-17', 'under13'] as const;

export interface ReplayMix {
  accounts: number;
  connections: number;
  messages: number;
}

/** One JSON line per event: accounts first, then connections and messages interleaved, times rising. */
export function* syntheticEvents(mix: ReplayMix, startMs: number, seed = 7): Generator<string> {
  const rnd = prng(seed);
  let n = 0;
  let t = startMs;
  const ts = () => new Date((t += 500)).toISOString();
  const acct = (): string => `u${Math.floor(rnd() * mix.accounts)}`;
  for (let i = 0; i < mix.accounts; i++) {
    const r = rnd();
    const account: Record<string, unknown> = { id: `u${i}` };
    if (r < 0.3) account.ageBand = BANDS[i % 3];
    else if (r < 0.35) account.birthDate = `${1960 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`;
    else account.ageBand = 'adult';
    account.ageAssurance = r < 0.5 ? 'self_declared' : 'verified';
    yield JSON.stringify({ id: `e${n++}`, type: 'account.upserted', ts: ts(), account });
  }
  const rest = mix.connections + mix.messages;
  const pConn = mix.connections / rest;
  for (let i = 0; i < rest; i++) {
    const from = acct();
    let to = acct();
    if (to === from) to = `u${(Number(from.slice(1)) + 1) % mix.accounts}`;
    if (rnd() < pConn) {
      yield JSON.stringify({ id: `e${n++}`, type: 'connection.created', ts: ts(), from, to, kind: rnd() < 0.8 ? 'follow' : 'friend' });
    } else {
      yield JSON.stringify({
        id: `e${n++}`,
        type: 'message.sent',
        ts: ts(),
        message: { id: `m${i}`, conversationId: `c${from}_${to}`, from, to: [to], text: TEXTS[i % TEXTS.length] },
      });
    }
  }
}
