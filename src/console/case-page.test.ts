import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Alert } from '../alerts/alert-schema.js';
import type { TimelineEvent } from '../cases/case-data.js';
import type { CaseView } from '../cases/case-model.js';
import { casePage, type Person } from './case-page.js';

/*
 * Issue 17, item 6: the case page as a reviewer reads it. Synthetic, non-graphic cues only
 * (an age question, a secrecy request, a payment demand with a deadline).
 */
const T = (m: number) => new Date(Date.UTC(2026, 2, 4, 9, m)).toISOString();
const alert = (over: Partial<Alert>): Alert => ({
  id: `al_${over.category}`,
  ts: T(0),
  category: 'grooming',
  severity: 'low',
  score: 1,
  subject: { accountId: 'u_adult' },
  triggerEventId: 'e2',
  evidence: ['e1', 'e2'],
  reasons: [],
  relatedAccountIds: ['u_kid'],
  detector: 'conversation_risk',
  detectedAt: T(0),
  ...over,
});
const alerts: Alert[] = [
  alert({
    category: 'grooming',
    severity: 'low',
    ts: T(1),
    reasons: [
      { code: 'age_question', detail: 'asked the child their age or school year (event e1, en)' },
      { code: 'secrecy_request', detail: 'asked the child to keep the contact secret (event e2, en)' },
      { code: 'model_words', detail: 'words the model weighs towards risk: "you", "btw" (event e1, message score 0.91)' },
      { code: 'adult_to_minor', detail: 'an adult writing to a 13-15 account' },
    ],
  }),
  alert({
    category: 'sextortion',
    severity: 'critical',
    ts: T(5),
    triggerEventId: 'e3',
    evidence: ['e3'],
    reasons: [
      { code: 'payment_demand', detail: 'demanded payment (event e3, en)' },
      { code: 'adult_to_minor', detail: 'an adult writing to a 13-15 account' },
    ],
  }),
  // The same message cited again by a later grooming alert: its reason must not repeat.
  alert({
    id: 'al_grooming_2',
    category: 'grooming',
    severity: 'medium',
    ts: T(2),
    reasons: [{ code: 'secrecy_request', detail: 'asked the child to keep the contact secret (event e2, en)' }],
  }),
];
const msg = (id: string, m: number, from: string, to: string, text: string, cues: string[] = []): TimelineEvent => ({
  id,
  type: 'message.sent',
  ts: T(m),
  from,
  to: [to],
  conversationId: 'c1',
  text,
  media: [],
  cues,
});
const timeline = [
  msg('e1', 1, 'u_adult', 'u_kid', 'how old are you btw', ['grooming: age_question']),
  msg('e2', 2, 'u_adult', 'u_kid', 'keep this between us', ['grooming: secrecy_request', 'grooming: secrecy_request']),
  msg('e4', 3, 'u_kid', 'u_adult', 'please stop'),
  msg('e3', 5, 'u_adult', 'u_kid', 'pay by tonight or else', ['sextortion: payment_demand']),
];
const c: CaseView = {
  id: 'case_1',
  subjectAccountId: 'u_adult',
  status: 'open',
  priority: 0,
  queue: 'urgent',
  restricted: false,
  escalated: false,
  categories: ['grooming', 'sextortion'],
  alertCount: 3,
  openedAt: T(1),
  updatedAt: T(5),
  dueAt: T(65),
  overdue: false,
  claimedBy: null,
  claimExpiresAt: null,
  outcome: null,
  outcomeCategory: null,
  outcomeReason: null,
  closedAt: null,
  closedBy: null,
};
const people = new Map<string, Person>([
  ['u_adult', { handle: 'sunny_day', displayName: 'Sunny', ageBand: 'adult' }],
  ['u_kid', { handle: 'kid_handle', displayName: null, ageBand: '13-15' }],
  ['reviewer:r1', { handle: null, displayName: 'Lee Park', ageBand: null }],
]);
const page = casePage({
  c,
  detail: {
    alerts,
    history: [{ ts: T(6), actor: 'reviewer:r1', change: 'claimed', detail: { note: 'Asked the lead to look too.' } }],
    actions: [],
  },
  timeline,
  account: {
    accountId: 'u_adult',
    ageBand: 'adult',
    birthDate: null,
    ageAssurance: null,
    accountAgeDays: 3,
    handle: 'sunny_day',
    connectionsToMinors: 0,
    unconnectedMinorsContacted: 1,
    blockedByMinors: 0,
    reportedByMinors: 0,
    priorAlerts: {},
    priorDecisions: [],
  },
  me: 'reviewer:r2',
  csrf: 'x',
  people,
}).value;

describe('the case page a reviewer reads first', () => {
  it('opens with one summary line: the most severe alert, the child, the key quotes', () => {
    const summary = /<p class="summary card">([\s\S]*?)<\/p>/.exec(page)![1]!;
    assert.match(summary, /<strong>sextortion<\/strong> \(critical\)/);
    assert.match(summary, /child 13-15/);
    assert.match(summary, /<q>how old are you btw<\/q>/);
    assert.doesNotMatch(summary, /please stop/, "quotes are the subject's cited words");
  });

  it('lists alerts most severe first, without a score beside a severity', () => {
    const order = [...page.matchAll(/<li>\s*<strong>(\w+)<\/strong> · <span class="sev-(\w+)">/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(order, ['sextortion critical', 'grooming medium', 'grooming low']);
    assert.doesNotMatch(page, /score 1\.00/);
  });

  it("shows each message's own reasons, once, and no model features", () => {
    const e2 = /id="ev-e2">([\s\S]*?)<\/div>\s*<div class="event|id="ev-e2">([\s\S]*)$/.exec(page)![0];
    assert.equal((e2.match(/keep the contact secret/g) ?? []).length, 1, 'cited twice, said once');
    assert.doesNotMatch(e2, /age or school year/, "another message's reason stays there");
    assert.doesNotMatch(page, /weighs towards risk/);
    assert.equal(
      (page.match(/an adult writing to a 13-15 account/g) ?? []).length,
      2,
      'alert-wide reasons once per alert, not per message',
    );
  });

  it('names people by handle (with the id for the record) and reviewers by name, in one time format', () => {
    assert.match(page, /<span class="person" title="u_kid">@kid_handle<\/span>/);
    assert.match(page, /<span class="person" title="reviewer:r1">Lee Park<\/span>/);
    assert.match(page, /<q class="note">Asked the lead to look too\.<\/q>/, "the reviewer's note in the history");
    assert.doesNotMatch(page, /\d{4}-\d\d-\d\dT\d\d:\d\d/, 'no raw ISO times');
    assert.match(page, /2026-03-04 09:05 UTC/);
  });
});
