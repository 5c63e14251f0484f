import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STAGE_BIT } from './cue-lexicon.js';
import { createConversationTracker, type ConversationState } from './conversation-tracker.js';
import type { Relationship } from './relationship.js';
import { maskFor, weighRelationship } from './weigh-relationship.js';

/*
 * Unit checks of the relationship weighing the detector uses: what family or guardian voice
 * changes, and which stages each grade lets the rules see. The behaviour through the engine is
 * covered by family-voice.test.ts, kin-self.test.ts and relationship.test.ts.
 */
const DAY = 86_400_000;
const base: Relationship = {
  kind: 'none',
  linkedDaysBefore: undefined,
  adultFollows: false,
  firstBy: 'adult',
  mutuals: 0,
  talkedDays: 0.01,
  childMessages: 0,
};
const friendSince = (days: number): Relationship => ({ ...base, kind: 'friend', linkedDaysBefore: days });
const ev = { eventId: 'e1' };

function state(edit: Partial<ConversationState> = {}): ConversationState {
  const st = createConversationTracker().record('c1', 'adult', { eventId: 'e0', tsMs: DAY, cues: [] }, 0);
  return Object.assign(st, edit);
}

describe('weighRelationship', () => {
  it('is the link alone when the conversation says nothing of family', () => {
    const w = weighRelationship(friendSince(40), state(), false, false);
    assert.deepEqual(
      [w.linkTrust, w.trust, w.familyLike, w.kinVoice, w.guardianVoice, w.kinClaim, w.voiceOnly, w.familyChannel],
      ['connected', 'connected', false, false, false, false, false, false],
    );
  });

  it('weighs a child calling the adult family as family, over any link', () => {
    const w = weighRelationship(base, state({ kin: { word: 'aunt', eventId: 'e1' } }), false, false);
    assert.equal(w.trust, 'established');
    assert.equal(w.familyLike, true);
    assert.equal(w.voiceOnly, true, 'voice alone: a request still counts with one other move');
    assert.equal(w.familyChannel, false, 'no link the child made: another app is not the family channel');
  });

  it('believes an adult naming the tie only over a link made before the conversation', () => {
    const older = weighRelationship(friendSince(40), state({ kinSelf: ev }), false, false);
    assert.equal(older.kinVoice, true);
    assert.equal(older.familyChannel, true);
    const none = weighRelationship(base, state({ kinSelf: ev }), false, false);
    assert.equal(none.kinVoice, false);
    assert.equal(none.trust, 'approach');
    assert.equal(none.kinClaim, true, 'a claim, not a link');
    const during = weighRelationship(friendSince(-0.5), state({ kinSelf: ev }), false, false);
    assert.equal(during.kinVoice, false);
    assert.equal(during.kinClaim, true);
  });

  it('does not read a claimed relative on a new account as a relative', () => {
    assert.equal(weighRelationship(base, state({ kinSelf: ev }), false, true).kinClaim, false);
  });

  it('weighs an adult who keeps the parents informed as one the child knows', () => {
    const approached = weighRelationship(base, state({ guardianAware: ev }), false, false);
    assert.equal(approached.guardianVoice, true);
    assert.equal(approached.trust, 'sought');
    const linked = weighRelationship(friendSince(40), state({ guardianAware: ev }), false, false);
    assert.equal(linked.trust, 'established');
    assert.equal(linked.familyLike, false);
  });

  it('reads no voice from a minor sender', () => {
    const w = weighRelationship(friendSince(40), state({ kin: { word: 'aunt', eventId: 'e1' }, guardianAware: ev }), true, false);
    assert.equal(w.kinVoice, false);
    assert.equal(w.guardianVoice, false);
    assert.equal(w.trust, 'connected');
  });

  it('leaves a long-standing or family link as the platform states it', () => {
    const family = weighRelationship(
      { ...base, kind: 'family', linkedDaysBefore: -1 },
      state({ kin: { word: 'aunt', eventId: 'e1' } }),
      false,
      false,
    );
    assert.equal(family.trust, 'established');
    assert.equal(family.kinVoice, false, 'the platform link, not the words');
    assert.equal(family.familyLike, true);
    assert.equal(family.voiceOnly, false);
  });
});

describe('maskFor', () => {
  const all = STAGE_BIT.risk_assessment | STAGE_BIT.relationship_forming | STAGE_BIT.image_request | STAGE_BIT.meeting_request;
  const st = state({ mask: all, connectedMask: all });

  it('lets the rules see every stage from an adult who approached', () => {
    assert.equal(maskFor(st, weighRelationship(base, st, false, false), false), all);
  });

  it('excuses the everyday moves of a claimed relative, but not a gift', () => {
    const claim = weighRelationship(base, { ...st, kinSelf: ev }, false, false);
    const m = maskFor(st, claim, false);
    assert.equal(m & STAGE_BIT.risk_assessment, 0);
    assert.equal(m & STAGE_BIT.relationship_forming, 0);
    assert.notEqual(m & STAGE_BIT.image_request, 0);
    assert.notEqual(maskFor(st, claim, true) & STAGE_BIT.relationship_forming, 0);
  });

  it('excuses meetings from family, not from a long-standing friend', () => {
    const family = weighRelationship({ ...base, kind: 'family', linkedDaysBefore: 400 }, st, false, false);
    assert.equal(maskFor(st, family, false) & STAGE_BIT.meeting_request, 0);
    const friend = weighRelationship(friendSince(400), st, false, false);
    assert.notEqual(maskFor(st, friend, false) & STAGE_BIT.meeting_request, 0);
    assert.equal(maskFor(st, friend, false) & STAGE_BIT.risk_assessment, 0);
  });
});
