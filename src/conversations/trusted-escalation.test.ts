import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_MS, adult, at, connect, minor } from '../testing/events.js';
import { createRulesIngest, say } from '../testing/conversation-cases.js';
import { trustedEscalation } from './assess-risk.js';
import { STAGE_BIT } from './cue-lexicon.js';

/*
 * A trusted adult's escalation (sixth round): an old link lowers the weight of single moves,
 * never of a hidden channel with a bond and a request. Synthetic, non-graphic lines in the
 * corpora's documented cues only.
 */
const engine = () => createRulesIngest(BASE_MS + 3600_000 * 24 * 400);

describe('trusted adult escalation', () => {
  it('needs a hidden channel, a bond and a request together', () => {
    const { exclusivity_secrecy: secret, isolation_platform_move: app, relationship_forming: bond, meeting_request: meet } = STAGE_BIT;
    assert.equal(trustedEscalation(secret | bond | meet)?.category, 'grooming');
    assert.equal(trustedEscalation(app | bond | STAGE_BIT.image_request)?.severity, 'high');
    assert.equal(trustedEscalation(secret | bond), undefined);
    assert.equal(trustedEscalation(bond | meet), undefined);
    assert.equal(trustedEscalation(secret | meet | STAGE_BIT.risk_assessment), undefined);
  });

  it('is not excused by a tutor linked for a year with mutual connections; single moves still are', async () => {
    const ingest = await engine();
    const long = at(-60 * 24 * 400);
    await ingest(
      adult('tutor', long),
      adult('mum', long),
      minor('pupil', '13-15', long),
      minor('pupil2', '13-15', long),
      connect('pupil', 'tutor', 'contact', long),
      connect('pupil2', 'tutor', 'contact', long),
      connect('pupil', 'mum', 'family', long),
      connect('mum', 'tutor', 'contact', long),
      connect('pupil2', 'mum', 'contact', long),
    );
    const single = await ingest(
      say('s1', 'tutor', 'pupil2', 'Between us, you are my favourite student', 5),
      say('s1', 'tutor', 'pupil2', 'Great work on the fractions today', 6),
    );
    assert.deepEqual(single, [], 'an exclusive compliment alone, from a long-standing link');
    const escalation = await ingest(
      say('e1', 'tutor', 'pupil', "You're the only student I actually enjoy talking to", 5),
      say('e1', 'tutor', 'pupil', "If anyone asks, we don't really talk", 6),
      say('e1', 'tutor', 'pupil', 'Want to go to the movies Saturday? Just us', 7),
    );
    assert.equal(escalation.length >= 1, true);
    const grooming = escalation.find((a) => a.category === 'grooming');
    assert.ok(grooming, 'bond, secrecy and meeting alone from an old link is grooming');
    const codes = grooming.reasons.map((r) => r.code);
    for (const c of ['compliment_maturity', 'secrecy_request', 'meeting_request']) assert.ok(codes.includes(c), c);
  });

  it('reads the same script from an account that only claims 16-17 towards a child under 13, not between 16-17s', async () => {
    const ingest = await engine();
    const long = at(-60 * 24 * 20);
    await ingest(
      minor('claims17', '16-17', long),
      minor('small', 'under13', long),
      minor('peer', '16-17', long),
      connect('small', 'claims17', 'contact', long),
      connect('peer', 'claims17', 'contact', long),
    );
    const script = (conv: string, to: string) => [
      say(conv, 'claims17', to, "ur smarter than most adults i know, you're not like other kids", 5),
      say(conv, 'claims17', to, "no need to tell your parents, it's our thing", 6),
      say(conv, 'claims17', to, 'send me a pic of you, just for me', 7),
    ];
    const child = await ingest(...script('k1', 'small'));
    const grooming = child.find((a) => a.category === 'grooming');
    assert.ok(grooming, 'a claimed 16-17 to an under-13 child');
    assert.ok(grooming.reasons.some((r) => r.code === 'declared_minor_acts_as_adult'));
    assert.deepEqual(await ingest(...script('k2', 'peer')), [], 'the same lines between two 16-17 accounts');
  });
});
