/*
 * One request split over several short messages ("send me" / "a pic" / "of u", or "s" / "n" /
 * "a" / "p") carries no cue in any one of them. The window keeps the last few short turns of
 * each sender in each conversation and reads them together; a cue that only the joined text
 * carries is the split request's. Bounded: short turns only, a gap limit, a few turns, and a
 * cap on the senders held (the oldest is forgotten first).
 */
import { detectCues, type Cue } from './detect-cues.js';

export interface TurnWindow {
  /** The cues that the sender's recent short turns and this one carry only when read together. */
  splitCues(key: string, text: string, tsMs: number, ownCues: readonly Readonly<Cue>[]): Readonly<Cue>[];
}

interface Turns {
  texts: string[];
  lastMs: number;
  /** Cue codes the joined earlier turns already carried: not news when this turn is added (a few: an array, not a Set per message). */
  before: readonly string[];
}

/** A statement's end (`.` or `!`, not `?`), before any emoji or spaces that close the message. */
const ENDS_SENTENCE = /[.!][\s\p{Extended_Pictographic}\u{FE0F}\u{200D}]*$/u;

export function createTurnWindow(opts: { maxTurns?: number; maxGapMs?: number; maxChars?: number; maxKeys?: number } = {}): TurnWindow {
  const maxTurns = opts.maxTurns ?? 4;
  const maxGapMs = opts.maxGapMs ?? 5 * 60_000;
  const maxChars = opts.maxChars ?? 40;
  const maxKeys = opts.maxKeys ?? 50_000;
  const byKey = new Map<string, Turns>();
  return {
    splitCues(key, text, tsMs, ownCues) {
      let t = byKey.get(key);
      if (text.length > maxChars) {
        // A full sentence ends any split request: the next short turn starts a new one.
        if (t) byKey.delete(key);
        return [];
      }
      if (!t || tsMs - t.lastMs > maxGapMs || tsMs < t.lastMs) t = { texts: [], lastMs: tsMs, before: [] };
      byKey.delete(key); // re-inserted last: Map order is the eviction order
      t.texts.push(text);
      if (t.texts.length > maxTurns) t.texts.shift();
      t.lastMs = tsMs;
      byKey.set(key, t);
      if (byKey.size > maxKeys) byKey.delete(byKey.keys().next().value!);
      if (t.texts.length < 2) {
        t.before = ownCues.map((c) => c.code);
        if (ENDS_SENTENCE.test(text)) byKey.delete(key);
        return [];
      }
      // Only cues are wanted from the joined turns; each turn's language was asked about on its own.
      const joined = detectCues(t.texts.join(' '), { identify: false }).cues;
      const before = t.before;
      const news = joined.filter((c) => !ownCues.some((o) => o.code === c.code) && !before.includes(c.code));
      t.before = joined.map((c) => c.code);
      // A turn that ends a statement ("shh don't tell dad about the cake!") may end a split
      // request, never start one: read with the next turns, a surprise's "don't tell" and a
      // parent's "see you tonight" made a secret meeting (fifteenth round). A question goes on
      // ("tem discord?" / "me add" is one move).
      if (ENDS_SENTENCE.test(text)) byKey.delete(key);
      return news;
    },
  };
}

/** An image request that names no object, or a message that goes on from one before, re-read with the sender's message before it. */
export interface ObjectBefore {
  /**
   * `cues` with an own image request marked a photo of a thing where the sender's message before
   * names the thing; for a message that goes on from the one before ("or everyone sees it"), with
   * the threat, demand or countdown the two carry together, and `joined`, the two normalised as one.
   */
  read(key: string, text: string, tsMs: number, cues: readonly Readonly<Cue>[]): { cues: readonly Readonly<Cue>[]; joined?: string };
}

/** A message that opens with "or", "otherwise" (six languages): the second half of the sender's threat or tease before. */
const GOES_ON = /^\s*(?:or|otherwise|o|oppure|altrimenti|ou|sinon|oder|sonst|ansonsten)\b/i;
const COERCION: ReadonlySet<string> = new Set(['sextortion_threat', 'payment_demand', 'countdown']);

/*
 * "wenn ja, schick mir ein foto" names no object: in one message ("ist meine katze in eurem
 * garten? wenn ja, schick mir ein foto") the object is read from the sentence before
 * (speech-acts.ts), and a neighbour who splits it over two messages means the same. The sender's
 * last message is kept (its last 280 characters, one per sender, a gap limit, a cap on the
 * senders held) and read with an image request as one message: a thing named there makes the
 * request a photo of the thing; the child named in either ("are you in your room?" / "send me a
 * pic of you"), or nothing, keeps it the child's, as in one message.
 */
export function createObjectBefore(opts: { maxGapMs?: number; maxKeys?: number; maxChars?: number } = {}): ObjectBefore {
  const maxGapMs = opts.maxGapMs ?? 10 * 60_000;
  const maxChars = opts.maxChars ?? 280;
  const maxKeys = opts.maxKeys ?? 50_000;
  const last = new Map<string, { text: string; tsMs: number }>();
  return {
    read(key, text, tsMs, cues) {
      const entry = last.get(key);
      // The entry is reused for this message (one object per sender, not one per message): what it held is read first.
      const prevText = entry?.text ?? '';
      const prevMs = entry?.tsMs ?? 0;
      // The end of a long message is kept: the object is named just before the request.
      const kept = text.length > maxChars ? text.slice(-maxChars) : text;
      if (entry) {
        last.delete(key); // re-inserted last: Map order is the eviction order
        entry.text = kept;
        entry.tsMs = tsMs;
        last.set(key, entry);
      } else last.set(key, { text: kept, tsMs });
      if (last.size > maxKeys) last.delete(last.keys().next().value!);
      if (!entry || tsMs - prevMs > maxGapMs || tsMs < prevMs) return { cues };
      // "pay me 50" / "or everyone sees it": read as the one message it would be (twelfth round).
      if (GOES_ON.test(text)) {
        const both = detectCues(`${prevText} ${text}`, { identify: false });
        const more = both.cues.filter((c) => COERCION.has(c.stage) && !c.notOwn && !cues.some((o) => o.code === c.code));
        return { cues: more.length > 0 ? [...cues, ...more] : cues, joined: both.normalized };
      }
      const i = cues.findIndex((c) => c.code === 'image_request' && !c.notOwn);
      if (i < 0) return { cues };
      const joined = detectCues(`${prevText}\n${text}`, { identify: false }).cues;
      if (!joined.some((c) => c.code === 'image_request' && c.imageOf === 'thing')) return { cues };
      return { cues: cues.map((c, j) => (j === i ? { ...c, imageOf: 'thing' as const, notOwn: true as const } : c)) };
    },
  };
}

/** A message's cues with those its split turns carry (`splitCues`), each code once: a continuation may carry the same. */
export function withSplit(cues: readonly Readonly<Cue>[], split: readonly Readonly<Cue>[]): readonly Readonly<Cue>[] {
  return split.length === 0 ? cues : [...cues, ...split.filter((c) => !cues.some((o) => o.code === c.code))];
}
