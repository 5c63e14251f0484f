import { FLAG } from '../facts/facts.js';
import type { EngineState } from './engine-state.js';
import { adult, at, block, connect, message, minor, nextId, report } from '../testing/events.js';

/**
 * Example inputs for each detector, by its persisted name: a sequence of synthetic events
 * and the alert categories the last event must raise. The shared contract suite
 * (detection/detector.case.test.ts) runs every detector the engine wires against its examples;
 * a detector without examples fails it.
 */
export interface DetectorExample {
  title: string;
  events: object[];
  /** Categories the detector must raise on the last event, in order ([] for "nothing"). */
  expectOnLast: string[];
  /** State the example needs first (banks, say). */
  setup?: (state: EngineState) => void;
  /** A platform classifier's verdict on the last event (for external_classifier). */
  external?: { score: number; category?: 'grooming' | 'solicitation' | 'sextortion' };
}

const KNOWN_PDQ = 'f8f8f0cee0f4a84f06370a22038f63f0b36e2ed596621e1d33e6b39c4e9c9b22';
const withBank = (state: EngineState) => {
  state.matcher.setBank({ id: 'bank_t', name: 'test-known', kind: 'positive', enabled: true, pdqThreshold: 31 });
  state.matcher.loadEntries([
    { id: 1, bankId: 'bank_t', signalType: 'pdq', value: KNOWN_PDQ, quarantined: false },
    { id: 2, bankId: 'bank_t', signalType: 'md5', value: 'ab'.repeat(16), quarantined: false },
  ]);
};
/** A message with text, in one conversation per pair unless named. */
const say = (from: string, to: string, text: string, minute: number, conversationId = `c_${from}_${to}`) => ({
  id: nextId(),
  type: 'message.sent',
  ts: at(minute),
  message: { id: nextId(), conversationId, from, to: [to], text },
});
const upload = (owner: string, media: Record<string, unknown>) => ({
  id: nextId(),
  type: 'media.uploaded',
  ts: at(5),
  media: { id: nextId(), kind: 'image', owner, ...media },
});

/** Marks accounts as decoys the way the admin API does (the `decoy` flag). */
const decoys =
  (...ids: string[]) =>
  (state: EngineState) => {
    for (const id of ids) state.facts.setFlag(state.facts.ensure(id), FLAG.decoy);
  };

export const DETECTOR_EXAMPLES: Record<string, DetectorExample[]> = {
  decoy_contact: [
    {
      title: 'an unconnected adult writes to a decoy, then asks its age',
      events: [adult('dc_a'), minor('dc_k'), say('dc_a', 'dc_k', 'hey there', 10), say('dc_a', 'dc_k', 'how old are you?', 11)],
      expectOnLast: ['decoy_contact'],
      setup: decoys('dc_k'),
    },
    {
      title: 'then asks to move apps and to meet: one alert per new stage',
      events: [
        adult('dm_a'),
        minor('dm_k'),
        say('dm_a', 'dm_k', 'how old are you?', 10),
        say('dm_a', 'dm_k', "let's meet in person, add me on snapchat", 11),
      ],
      expectOnLast: ['decoy_contact', 'decoy_contact'],
      setup: decoys('dm_k'),
    },
    {
      title: 'a greeting alone is contact, not yet an alert',
      events: [adult('dg_a'), minor('dg_k'), say('dg_a', 'dg_k', 'hey there', 10)],
      expectOnLast: [],
      setup: decoys('dg_k'),
    },
    {
      title: 'the same question to a child who is not a decoy is left to the other detectors',
      events: [adult('dn_a'), minor('dn_k'), say('dn_a', 'dn_k', 'how old are you?', 10)],
      expectOnLast: [],
    },
    {
      title: 'an adult the decoy follows is connected',
      events: [adult('df_a'), minor('df_k'), connect('df_k', 'df_a'), say('df_a', 'df_k', 'how old are you?', 10)],
      expectOnLast: [],
      setup: decoys('df_k'),
    },
  ],
  unwanted_contact: [
    {
      title: 'adult to unconnected minor',
      events: [adult('x_a'), minor('x_k'), message('x_a', 'x_k', at(5))],
      expectOnLast: ['unwanted_contact'],
    },
    { title: 'minor to minor', events: [minor('x_k1'), minor('x_k2'), message('x_k1', 'x_k2', at(5))], expectOnLast: [] },
    { title: 'adult to adult', events: [adult('x_a1'), adult('x_a2'), message('x_a1', 'x_a2', at(5))], expectOnLast: [] },
  ],
  suspicious_adult: [
    {
      title: 'five unconnected minors in a day',
      events: [
        adult('y_a'),
        ...[1, 2, 3, 4, 5].map((i) => minor(`y_k${i}`)),
        ...[1, 2, 3, 4, 5].map((i) => message('y_a', `y_k${i}`, at(10 + i))),
      ],
      expectOnLast: ['suspicious_adult'],
    },
    {
      title: 'blocked and reported by two minors',
      events: [adult('z_a'), minor('z_k1'), minor('z_k2'), block('z_k1', 'z_a'), report('z_k2', 'z_a')],
      expectOnLast: ['suspicious_adult'],
    },
    { title: 'blocked by one minor', events: [adult('w_a'), minor('w_k1'), block('w_k1', 'w_a')], expectOnLast: [] },
  ],
  conversation_risk: [
    {
      title: 'age question, flattery, then secrecy (grooming stages, unconnected)',
      events: [
        adult('g_a'),
        minor('g_k'),
        say('g_a', 'g_k', 'hey, how old are you?', 10),
        say('g_a', 'g_k', "you're so mature for your age", 11),
        say('g_a', 'g_k', "don't tell your parents we talk", 12),
      ],
      expectOnLast: ['grooming'],
    },
    {
      title: 'threat to expose, then a payment demand (sextortion)',
      events: [
        adult('s_a'),
        minor('s_k'),
        say('s_a', 's_k', 'i have your pics', 10),
        say('s_a', 's_k', "i'll send them to all your followers", 11),
        say('s_a', 's_k', 'pay me $100 in a gift card, you have 30 minutes', 12),
      ],
      expectOnLast: ['sextortion'],
    },
    {
      title: 'an unconnected adult asks for a photo (solicitation)',
      events: [adult('p_a'), minor('p_k'), say('p_a', 'p_k', 'send me a pic', 10)],
      expectOnLast: ['solicitation'],
    },
    {
      title: 'a connected coach about practice',
      events: [
        adult('c_a'),
        minor('c_k'),
        { id: nextId(), type: 'connection.created', ts: at(1), from: 'c_k', to: 'c_a', kind: 'follow' },
        say('c_a', 'c_k', 'great practice today, bring water on saturday', 10),
      ],
      expectOnLast: [],
    },
    {
      title: 'the same words between two adults',
      events: [adult('d_a'), adult('d_b'), say('d_a', 'd_b', "how old are you? don't tell anyone, add me on snap", 10)],
      expectOnLast: [],
    },
    {
      title: 'a minor writing to an adult',
      events: [adult('e_a'), minor('e_k'), say('e_k', 'e_a', 'how old are you? add me on snap', 10)],
      expectOnLast: [],
    },
  ],
  copied_openers: [
    {
      title: 'the same opener to three minors',
      events: [
        adult('o_a'),
        minor('o_k1'),
        minor('o_k2'),
        minor('o_k3'),
        say('o_a', 'o_k1', 'hey o_k1, love your drawings, you have real talent', 10),
        say('o_a', 'o_k2', 'hey o_k2, love your drawings, you have real talent', 11),
        say('o_a', 'o_k3', 'Hey O_K3!! love your drawings, you have real talent', 12),
      ],
      expectOnLast: ['suspicious_adult'],
    },
    {
      title: 'nearly the same opener to three minors (names swapped, a word changed)',
      events: [
        adult('n_a'),
        minor('n_k1'),
        minor('n_k2'),
        minor('n_k3'),
        say('n_a', 'n_k1', 'hey emma, love your drawings, you have real talent', 10),
        say('n_a', 'n_k2', 'hi olivia love your drawings, you have real talent!!', 11),
        say('n_a', 'n_k3', 'hey mia, i love your drawings, you have so much talent', 12),
      ],
      expectOnLast: ['suspicious_adult'],
    },
    {
      title: 'short greetings that differ',
      events: [
        adult('m_a'),
        minor('m_k1'),
        minor('m_k2'),
        minor('m_k3'),
        say('m_a', 'm_k1', 'hey how are you', 10),
        say('m_a', 'm_k2', 'hi how was school', 11),
        say('m_a', 'm_k3', 'yo how is it going', 12),
      ],
      expectOnLast: [],
    },
    {
      title: 'different openers to three minors',
      events: [
        adult('q_a'),
        minor('q_k1'),
        minor('q_k2'),
        minor('q_k3'),
        say('q_a', 'q_k1', 'great game yesterday, nice goal', 10),
        say('q_a', 'q_k2', 'can you send the homework sheet', 11),
        say('q_a', 'q_k3', 'see you at practice on monday', 12),
      ],
      expectOnLast: [],
    },
    {
      title: 'a coach sending the same message to three team members who follow them',
      events: [
        adult('t_a'),
        minor('t_k1'),
        minor('t_k2'),
        minor('t_k3'),
        ...['t_k1', 't_k2', 't_k3'].map((k) => ({
          id: nextId(),
          type: 'connection.created',
          ts: at(1),
          from: k,
          to: 't_a',
          kind: 'follow',
        })),
        ...['t_k1', 't_k2', 't_k3'].map((k, i) => say('t_a', k, 'practice moved to five, bring water and shin guards', 10 + i)),
      ],
      expectOnLast: [],
    },
    {
      title: 'the same opener to three adults',
      events: [
        adult('r_a'),
        adult('r_b1'),
        adult('r_b2'),
        adult('r_b3'),
        say('r_a', 'r_b1', 'hey there, love your drawings, real talent', 10),
        say('r_a', 'r_b2', 'hey there, love your drawings, real talent', 11),
        say('r_a', 'r_b3', 'hey there, love your drawings, real talent', 12),
      ],
      expectOnLast: [],
    },
  ],
  account_risk: [
    {
      title: 'requests five minors ignored, messages to four unconnected minors, then one block: weak signals adding up',
      events: [
        adult('v_a'),
        ...[1, 2, 3, 4, 5].map((i) => minor(`v_k${i}`)),
        ...[1, 2, 3, 4, 5].map((i) => ({
          id: nextId(),
          type: 'connection.requested',
          ts: at(1),
          from: 'v_a',
          to: `v_k${i}`,
          kind: 'friend',
        })),
        ...[1, 2, 3, 4].map((i) => say('v_a', `v_k${i}`, 'hey there', 3 * 24 * 60 + i)),
        block('v_k1', 'v_a', at(3 * 24 * 60 + 10)),
      ],
      expectOnLast: ['suspicious_adult'],
    },
    {
      title: 'blocked by two minors: one strong signal, left to its own alert',
      events: [adult('u_a'), minor('u_k1'), minor('u_k2'), block('u_k1', 'u_a'), block('u_k2', 'u_a')],
      expectOnLast: [],
    },
    {
      title: 'requests to adults left unanswered',
      events: [
        adult('u_b'),
        adult('u_c1'),
        adult('u_c2'),
        adult('u_c3'),
        ...['u_c1', 'u_c2', 'u_c3'].map((c) => ({
          id: nextId(),
          type: 'connection.requested',
          ts: at(1),
          from: 'u_b',
          to: c,
          kind: 'friend',
        })),
        say('u_b', 'u_c1', 'hello again', 3 * 24 * 60),
      ],
      expectOnLast: [],
    },
  ],
  external_classifier: [
    {
      title: 'a high score on an adult writing to a minor',
      external: { score: 0.97, category: 'grooming' },
      events: [adult('xc_a'), minor('xc_k'), say('xc_a', 'xc_k', 'a message the platform classifier scored', 10)],
      expectOnLast: ['grooming'],
    },
    {
      title: 'a low score',
      external: { score: 0.2 },
      events: [adult('xd_a'), minor('xd_k'), say('xd_a', 'xd_k', 'an everyday message', 10)],
      expectOnLast: [],
    },
    {
      title: 'a high score between two adults',
      external: { score: 0.99 },
      events: [adult('xe_a'), adult('xe_b'), say('xe_a', 'xe_b', 'a message between adults', 10)],
      expectOnLast: [],
    },
  ],
  csam_hash_match: [
    // A PDQ 2 bits from a bank entry (last hex digit 2 -> 1), carried by the event.
    {
      title: 'upload near a bank entry',
      setup: withBank,
      events: [upload('h_a', { pdq: KNOWN_PDQ.slice(0, 63) + '1' })],
      expectOnLast: ['csam_hash_match'],
    },
    { title: 'unrelated upload', setup: withBank, events: [upload('h_b', { pdq: '0'.repeat(64) })], expectOnLast: [] },
    {
      title: 'message carrying a file whose MD5 is in a bank',
      setup: withBank,
      events: [
        {
          id: nextId(),
          type: 'message.sent',
          ts: at(6),
          message: {
            id: nextId(),
            conversationId: 'c_h',
            from: 'h_c',
            to: ['h_d'],
            media: [{ id: nextId(), kind: 'image', md5: 'ab'.repeat(16) }],
          },
        },
      ],
      expectOnLast: ['csam_hash_match'],
    },
  ],
};
