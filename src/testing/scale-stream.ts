/*
 * A synthetic, non-graphic event stream for the scale-out tests and bench (issue 18). Two
 * phases: first the facts (accounts, some connections), then conversations. Each adult talks
 * in exactly one conversation, so every alert depends only on its own conversation's order
 * and on facts settled in the first phase: the result of a partitioned run can be compared
 * event for event with an in-process replay. Cues are the documented ones (an age question,
 * secrecy); the rest is small talk.
 */
const SMALL_TALK = ['lol that level is hard', 'nice game today', 'see you at practice', 'ok', 'haha yes', 'what time is it?'];
const CUES = ['how old are you btw?', "don't tell your parents we talk", 'keep this between us ok?'];

export interface ScaleStream {
  facts: string[];
  messages: string[];
}

/**
 * `pairs` adult/minor pairs, a third of them connected; `messagesPerPair` messages each, in
 * rounds so that conversations interleave. Every fifth pair's adult uses the cues.
 */
export function scaleStream(pairs: number, messagesPerPair: number, startMs: number, prefix = 's'): ScaleStream {
  let n = 0;
  let t = startMs;
  const ts = () => new Date((t += 7)).toISOString();
  const facts: string[] = [];
  for (let i = 0; i < pairs; i++) {
    facts.push(
      JSON.stringify({
        id: `${prefix}e${n++}`,
        type: 'account.upserted',
        ts: ts(),
        account: { id: `${prefix}a${i}`, ageBand: 'adult', ageAssurance: 'verified' },
      }),
    );
    facts.push(
      JSON.stringify({ id: `${prefix}e${n++}`, type: 'account.upserted', ts: ts(), account: { id: `${prefix}m${i}`, ageBand: '13-15' } }),
    );
    if (i % 3 === 0)
      facts.push(
        JSON.stringify({
          id: `${prefix}e${n++}`,
          type: 'connection.created',
          ts: ts(),
          from: `${prefix}m${i}`,
          to: `${prefix}a${i}`,
          kind: 'follow',
        }),
      );
  }
  const messages: string[] = [];
  for (let round = 0; round < messagesPerPair; round++) {
    for (let i = 0; i < pairs; i++) {
      const adultSpeaks = round % 2 === 0;
      const from = adultSpeaks ? `${prefix}a${i}` : `${prefix}m${i}`;
      const to = adultSpeaks ? `${prefix}m${i}` : `${prefix}a${i}`;
      const cue = adultSpeaks && i % 5 === 0 && round / 2 < CUES.length ? CUES[round / 2]! : undefined;
      const text = cue ?? SMALL_TALK[(i + round) % SMALL_TALK.length]!;
      messages.push(
        JSON.stringify({
          id: `${prefix}e${n++}`,
          type: 'message.sent',
          ts: ts(),
          message: { id: `${prefix}msg${n}`, conversationId: `${prefix}c${i}`, from, to: [to], text },
        }),
      );
    }
  }
  return { facts, messages };
}
