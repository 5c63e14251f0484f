import { cueGateStats, detectCues, plainCueCodes } from '../conversations/detect-cues.js';
import { NORMALIZE_STEPS, normalizeText } from '../conversations/normalize-text.js';

/**
 * Cue detection and each normalisation step on synthetic, non-graphic messages (everyday ones
 * and ones carrying cues, some disguised), one core. Baseline in the same run: lower-casing
 * each message; and the cue expressions tested without the literal prefilter (`cue-gates.ts`)
 * on the same normalised texts. Prints JSON. argv: messages
 */
const n = Number(process.argv[2] ?? 500_000);
const texts = [
  'practice moved to 5pm, bring water',
  'did you finish the math homework?',
  'great game today team!',
  'see you at grandma on sunday',
  'how old are you?',
  "don't tell your parents we talk",
  'add me on s n a p',
  'k33p it s3cr3t',
  'send me a pic',
  'mándame una foto',
  'quantos anos vc tem',
  'ne dis rien à personne',
  "i'll send them to all your followers",
  'pay me $100 in a gift card, you have 30 minutes',
];
const corpus = Array.from({ length: 4096 }, (_, i) => `${texts[i % texts.length]} ${i % 7 === 0 ? '🙂' : ''}`);
let sink = 0;
const timeLoop = (count: number, body: (i: number) => void) => {
  const t0 = performance.now();
  for (let i = 0; i < count; i++) body(i);
  return (performance.now() - t0) / 1000;
};
timeLoop(20_000, (i) => (sink += detectCues(corpus[i & 4095]!).cues.length));
const floorS = timeLoop(n, (i) => (sink += corpus[i & 4095]!.toLowerCase().length));
const s = timeLoop(n, (i) => (sink += detectCues(corpus[i & 4095]!).cues.length));
// The expressions alone on normalised text: every one tested, then only those the prefilter lets through.
const normalized = corpus.map(normalizeText);
const m0 = Math.max(20_000, Math.floor(n / 5));
const plainS = timeLoop(m0, (i) => (sink += plainCueCodes(normalized[i & 4095]!).length));
const gatedS = timeLoop(m0, (i) => (sink += detectCues(normalized[i & 4095]!, { identify: false }).cues.length));
// Each normalisation step on its own, fed what the step before it returns (the full path, as
// for non-ASCII text; printable ASCII skips the first four).
const steps: Record<string, number> = {};
let input = corpus;
for (const [name, step] of NORMALIZE_STEPS) {
  const m = Math.max(20_000, Math.floor(n / 2.5));
  steps[name] = m / timeLoop(m, (i) => (sink += step(input[i & 4095]!).length));
  input = input.map(step);
}
process.stdout.write(
  JSON.stringify({
    messages: n,
    messagesPerSecond: n / s,
    floorPerSecond: n / floorS,
    // detectCues on already-normalised text normalises again, a no-op that still costs: the prefilter's gain is understated.
    prefilter: { ...cueGateStats(), plainPerSecond: m0 / plainS, prefilteredPerSecond: m0 / gatedS },
    steps,
    sink: sink % 7,
  }),
);
