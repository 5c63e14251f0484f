import { prng } from '../../core/prng.js';
import type { LabelledConversation } from '../model/training-data.js';
import { expand, GRAMMAR } from './phrase-grammar.js';
import { FRESH_SPLITS } from './fresh-splits.js';
import { BENIGN, PEER_FLIRT, PHRASES, STRANGER, type Bank, type Lang, type Split, type Step } from './phrases.js';

/** The phrase sources of one split. */
interface SplitPhrases {
  bank: (lang: Lang) => Bank;
  benign: (family: string) => readonly string[];
  stranger: readonly string[];
  peer: readonly string[];
}

/** `tune` and `heldout` share the benign lists by position (even lines tune, odd held out); each fresh split has its own. */
function phrasesOf(split: Split): SplitPhrases {
  if (split === 'tune' || split === 'heldout') {
    const half = (xs: readonly string[]) => xs.filter((_, i) => i % 2 === (split === 'tune' ? 0 : 1));
    return {
      bank: (lang) => PHRASES[split][lang],
      benign: (family) => half(BENIGN[family]!),
      stranger: half(STRANGER),
      peer: half(PEER_FLIRT),
    };
  }
  const fresh = FRESH_SPLITS[split];
  if (!fresh) throw new Error(`no split ${split}: tune, heldout, or one of ${Object.keys(FRESH_SPLITS).join(', ')} (data/eval-phrases/)`);
  const { bank, benign, stranger, peer } = fresh;
  return { bank: (lang) => bank[lang], benign: (family) => benign[family]!, stranger, peer };
}

export type Label = 'grooming' | 'solicitation' | 'sextortion' | 'benign';

export interface Conversation {
  id: string;
  family: string;
  label: Label;
  lang: Lang;
  disguised: boolean;
  split: Split;
  /** 1-based position of the first message with a risky move; undefined for benign. */
  firstActionable?: number | undefined;
  events: object[];
  messageIds: string[];
  /** The same conversation as `warden train` reads it; absent where no adult writes to a minor. */
  labelled?: LabelledConversation | undefined;
}

/**
 * The risky scripts. `connectedSteps` is the script when the child follows the adult: an age
 * question from a relative or a coach is everyday (it is not marked risky there, and the rules
 * do not count it), so a known adult's request for images comes with secrecy, as the
 * literature on trusted-adult offenders describes, not with an age question.
 */
const SCRIPTS: Record<string, { label: Label; steps: Step[]; connectedSteps?: Step[]; leadIn: [number, number] }> = {
  grooming_fast: { label: 'grooming', steps: ['age', 'secret', 'move'], leadIn: [0, 3] },
  grooming_slow: { label: 'grooming', steps: ['flatter', 'age', 'gift', 'secret', 'move'], leadIn: [20, 80] },
  solicitation: { label: 'solicitation', steps: ['age', 'image'], connectedSteps: ['secret', 'image'], leadIn: [0, 20] },
  solicitation_meet: { label: 'solicitation', steps: ['flatter', 'meet'], leadIn: [0, 20] },
  sextortion: { label: 'sextortion', steps: ['threat', 'pay', 'clock'], leadIn: [0, 5] },
};

/** Disguises applied to risky lines: spaced letters, leetspeak, zero-width joins, lookalike letters. */
function disguise(text: string, rnd: () => number): string {
  const kind = Math.floor(rnd() * 4);
  if (kind === 0) return text.replace(/\b(snap|telegram|discord|whatsapp|secret|photo|pic)\b/g, (w) => w.split('').join(' '));
  if (kind === 1) return text.replace(/[eao]/g, (c) => (rnd() < 0.6 ? ({ e: '3', a: '4', o: '0' } as Record<string, string>)[c]! : c));
  if (kind === 2) return text.replace(/ /g, () => (rnd() < 0.5 ? ' \u200b' : ' '));
  return text.replace(/[aeop]/g, (c) => (rnd() < 0.5 ? ({ a: 'а', e: 'е', o: 'о', p: 'р' } as Record<string, string>)[c]! : c));
}

/**
 * The labelled evaluation corpus: risky scripts (grooming fast and slow, solicitation by
 * image or meeting, sextortion, fan-out) in four languages, some disguised, behind benign
 * lead-ins of 0–80 messages; and hard negatives of every benign kind (coach, teacher,
 * relative, gaming group, tutor, parent) plus teen–teen and adult–adult flirting.
 */
/** The benign families a platform with family links (supervised accounts, declared relatives) marks as family. */
const FAMILY_FAMILIES = new Set(['relative', 'parent']);

/**
 * `familyLinks: false` measures a platform that has no family links to send: relatives and
 * parents then arrive as plain follows, like coaches and tutors.
 */
export function generateCorpus(
  split: Split,
  perFamily: number,
  seed: number,
  opts: { grammar?: boolean; familyLinks?: boolean } = {},
): Conversation[] {
  const rnd = prng(seed);
  const phrases = phrasesOf(split);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  // Training data only: most lines from the phrase grammar, the rest from the tune bank.
  const line = (bank: Bank, lang: Lang, step: Step | 'neutral') =>
    opts.grammar && rnd() < 0.6 ? expand(pick(GRAMMAR[lang][step]), rnd) : pick(bank[step]);
  const langs: Lang[] = ['en', 'es', 'pt', 'fr'];
  const base = Date.parse('2026-10-01T12:00:00Z');
  const out: Conversation[] = [];
  let n = 0;

  const familyLinks = opts.familyLinks ?? true;
  const make = (
    family: string,
    label: Label,
    lang: Lang,
    disguised: boolean,
    from: { id: string; band: string },
    to: { id: string; band: string },
    connected: boolean,
    lines: { text: string; risky: boolean; byTarget?: boolean }[],
  ) => {
    const id = `${split}_${family}_${n++}`;
    const t0 = base + n * 3_600_000;
    const events: object[] = [
      { id: `${id}_a`, type: 'account.upserted', ts: new Date(t0).toISOString(), account: { id: from.id, ageBand: from.band } },
      { id: `${id}_b`, type: 'account.upserted', ts: new Date(t0).toISOString(), account: { id: to.id, ageBand: to.band } },
    ];
    const kind = familyLinks && FAMILY_FAMILIES.has(family) ? 'family' : 'follow';
    if (connected)
      events.push({ id: `${id}_c`, type: 'connection.created', ts: new Date(t0 + 1000).toISOString(), from: to.id, to: from.id, kind });
    const messageIds: string[] = [];
    let firstActionable: number | undefined;
    lines.forEach((l, i) => {
      const mid = `${id}_m${i}`;
      messageIds.push(mid);
      if (l.risky && firstActionable === undefined) firstActionable = i + 1;
      const [a, b] = l.byTarget ? [to.id, from.id] : [from.id, to.id];
      events.push({
        id: mid,
        type: 'message.sent',
        ts: new Date(t0 + 60_000 * (i + 1)).toISOString(),
        message: { id: mid, conversationId: id, from: a, to: [b], text: l.text },
      });
    });
    const toMinor = from.band === 'adult' && to.band !== 'adult';
    const labelled: LabelledConversation | undefined = toMinor
      ? {
          id,
          label,
          context: { unconnected: !connected, flagged: false, recipientBand: to.band as '13-15' | '16-17' },
          messages: lines.map((l) => ({ from: l.byTarget ? 'minor' : 'adult', text: l.text, risky: label !== 'benign' && l.risky })),
        }
      : undefined;
    out.push({
      id,
      family,
      label,
      lang,
      disguised,
      split,
      firstActionable: label === 'benign' ? undefined : firstActionable,
      events,
      messageIds,
      labelled,
    });
  };

  for (const [family, script] of Object.entries(SCRIPTS)) {
    for (let i = 0; i < perFamily; i++) {
      const lang = langs[i % 4]!;
      const bank = phrases.bank(lang);
      const disguised = rnd() < 0.3;
      const lead = script.leadIn[0] + Math.floor(rnd() * (script.leadIn[1] - script.leadIn[0] + 1));
      const connected = rnd() < 0.3;
      const lines: { text: string; risky: boolean; byTarget?: boolean }[] = [];
      for (let k = 0; k < lead; k++) lines.push({ text: line(bank, lang, 'neutral'), risky: false, byTarget: rnd() < 0.4 });
      for (const step of connected ? (script.connectedSteps ?? script.steps) : script.steps) {
        const t = line(bank, lang, step);
        lines.push({ text: disguised ? disguise(t, rnd) : t, risky: !(connected && step === 'age') });
        if (rnd() < 0.5) lines.push({ text: line(bank, lang, 'neutral'), risky: false, byTarget: true });
      }
      make(
        family,
        script.label,
        lang,
        disguised,
        { id: `${family}_${i}_adult`, band: 'adult' },
        { id: `${family}_${i}_kid`, band: rnd() < 0.5 ? '13-15' : '16-17' },
        connected,
        lines,
      );
    }
  }
  // Fan-out: one adult, the same opener to many minors; each conversation is a grooming attempt.
  for (let i = 0; i < perFamily; i++) {
    const lang = langs[i % 4]!;
    const bank = phrases.bank(lang);
    const opener = [line(bank, lang, 'age'), line(bank, lang, 'move')];
    make(
      'fanout',
      'grooming',
      lang,
      false,
      { id: `fan_${split}_${Math.floor(i / 6)}`, band: 'adult' },
      { id: `fan_${split}_kid_${i}`, band: '13-15' },
      false,
      opener.map((text) => ({ text, risky: true })),
    );
  }
  for (const family of Object.keys(BENIGN)) {
    const texts = phrases.benign(family);
    for (let i = 0; i < perFamily; i++) {
      const len = 3 + Math.floor(rnd() * 20);
      const lines = Array.from({ length: len }, () => ({ text: pick(texts), risky: false, byTarget: rnd() < 0.3 }));
      make(
        family,
        'benign',
        'en',
        false,
        { id: `${family}_${i}_adult`, band: 'adult' },
        { id: `${family}_${i}_kid`, band: rnd() < 0.5 ? '13-15' : '16-17' },
        true,
        lines,
      );
    }
  }
  // Adults the child has no connection to, writing for everyday reasons: a buyer, a lost phone, a game lobby.
  for (let i = 0; i < perFamily; i++) {
    const lines = Array.from({ length: 2 + Math.floor(rnd() * 6) }, () => ({
      text: pick(phrases.stranger),
      risky: false,
      byTarget: rnd() < 0.3,
    }));
    make(
      'stranger_everyday',
      'benign',
      'en',
      false,
      { id: `st_${split}_${i}_adult`, band: 'adult' },
      { id: `st_${split}_${i}_kid`, band: rnd() < 0.5 ? '13-15' : '16-17' },
      false,
      lines,
    );
  }
  for (let i = 0; i < perFamily; i++) {
    const lines = Array.from({ length: 3 + Math.floor(rnd() * 8) }, () => ({
      text: pick(phrases.peer),
      risky: false,
      byTarget: rnd() < 0.5,
    }));
    make('teen_teen_flirting', 'benign', 'en', false, { id: `tt_${i}_a`, band: '16-17' }, { id: `tt_${i}_b`, band: '16-17' }, false, lines);
    make(
      'adult_adult_flirting',
      'benign',
      'en',
      false,
      { id: `aa_${i}_a`, band: 'adult' },
      { id: `aa_${i}_b`, band: 'adult' },
      false,
      lines,
    );
  }
  return out;
}
