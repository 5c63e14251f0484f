import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { detectCues, stageMask } from '../detect-cues.js';
import { relationFeatures, type Relationship } from '../relationship.js';
import { addMessage, CONVERSATION_FEATURES, emptyModelState, featureVector } from './conversation-features.js';
import { relationshipFromLabel, withLabelRelationship } from './corpus-relationship.js';
import { BUILTIN_MODEL_PATH, loadRiskModel, type RiskModelFile } from './risk-model.js';
import { contextOf } from './train-model.js';
import { parseTrainingData, type LabelledConversation } from './training-data.js';

const rel = (over: Partial<Relationship>): Relationship => ({
  kind: 'friend',
  linkedDaysBefore: 400,
  adultFollows: false,
  firstBy: 'adult',
  mutuals: 3,
  talkedDays: 2,
  childMessages: 4,
  ...over,
});
const feature = (x: Float64Array, name: (typeof CONVERSATION_FEATURES)[number]) => x[CONVERSATION_FEATURES.indexOf(name)];

describe('relationship features in the conversation model', () => {
  it('grades the relationship for the combiner as the detector does', () => {
    const followBack = relationFeatures(rel({ kind: 'follow', linkedDaysBefore: -3, mutuals: 0 }));
    assert.deepEqual(followBack, { trust: 'approach', family: false, linkedAfter: true, mutuals: 0, childWroteFirst: false });
    assert.equal(relationFeatures(rel({})).trust, 'established');
    assert.equal(relationFeatures(rel({ linkedDaysBefore: 10 })).trust, 'connected');
    assert.equal(relationFeatures(rel({ kind: 'none', linkedDaysBefore: undefined, firstBy: 'minor', mutuals: 4 })).trust, 'sought');
    // Without a link, mutual connections are not counted at run time, so they are not read.
    assert.equal(relationFeatures(rel({ kind: 'none', linkedDaysBefore: undefined, mutuals: 4 })).mutuals, 0);
    assert.equal(relationFeatures(rel({ kind: 'family', linkedDaysBefore: -1 })).family, true);
  });

  it('reads secrecy or another app together with a request as what a known adult who grooms does', () => {
    const st = emptyModelState();
    for (const t of ['this stays between us ok', 'add me on telegram', 'send me a pic of you'])
      addMessage(st, stageMask(detectCues(t).cues), 0.5);
    const known = { unconnected: false, flagged: false, youngMinor: true, relation: relationFeatures(rel({})) };
    assert.equal(feature(featureVector(st, known), 'hidden_with_request'), 1);
    assert.equal(feature(featureVector(st, known), 'trust_established'), 1);
    const plain = emptyModelState();
    addMessage(plain, stageMask(detectCues('send me a pic of your homework').cues), 0.2);
    assert.equal(feature(featureVector(plain, known), 'hidden_with_request'), 0);
  });

  it('takes the relationship from the corpora labels, and trains without one as before', () => {
    assert.deepEqual(
      relationshipFromLabel({ kind: 'friend', connectedDaysBeforeFirstMessage: -2.5, initiatedBy: 'adult', mutualConnections: 0 }),
      { kind: 'friend', linkedDaysBefore: -2.5, firstBy: 'adult', mutuals: 0 },
    );
    assert.deepEqual(
      relationshipFromLabel({
        kind: 'none',
        connectedDaysBeforeFirstMessage: null,
        initiatedBy: 'adult',
        firstMessageBy: 'minor',
        mutualConnections: 2,
      }),
      { kind: 'none', linkedDaysBefore: null, firstBy: 'minor', mutuals: null },
    );
    assert.equal(relationshipFromLabel({ kind: 'cousin' }), undefined);
    const row: LabelledConversation = {
      id: 'c1',
      label: 'benign',
      context: { unconnected: true, flagged: false, recipientBand: '13-15' },
      messages: [{ from: 'adult', text: 'hi' }],
    };
    assert.equal(contextOf(row).relation, undefined);
    assert.equal(contextOf(row).unconnected, true);
    const linked = withLabelRelationship(row, {
      relationship: { kind: 'family', connectedDaysBeforeFirstMessage: -1, initiatedBy: 'adult', mutualConnections: 5 },
    });
    assert.equal(contextOf(linked).unconnected, false, 'a family link is the platform’s own statement, whenever made');
    assert.equal(contextOf(linked).relation?.trust, 'established');
  });

  it('checks the relationship of a training line by field', () => {
    const line = (relationship: unknown) =>
      JSON.stringify({
        id: 'c1',
        label: 'benign',
        context: { unconnected: false, recipientBand: '13-15', relationship },
        messages: [{ from: 'adult', text: 'hi' }],
      });
    const ok = parseTrainingData(line({ kind: 'friend', linkedDaysBefore: 12, firstBy: 'minor', mutuals: 2 }));
    assert.equal(ok.errors.length, 0);
    const bad = parseTrainingData(line({ kind: 'cousin', mutuals: -1 }));
    assert.deepEqual(bad.errors.map((e) => e.field).sort(), ['context.relationship.kind', 'context.relationship.mutuals']);
  });

  it('still loads a model trained before the relationship features, reading only its own', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-model-'));
    try {
      const m = JSON.parse(readFileSync(BUILTIN_MODEL_PATH, 'utf8')) as RiskModelFile;
      const keep = m.conversation.features.findIndex((f) => f === 'trust_sought');
      assert.ok(keep > 0);
      m.conversation = { features: m.conversation.features.slice(0, keep), weights: m.conversation.weights.slice(0, keep) };
      delete m.thresholds.known;
      writeFileSync(join(dir, 'old.json'), JSON.stringify(m));
      const old = loadRiskModel(join(dir, 'old.json'));
      const st = emptyModelState();
      addMessage(st, stageMask(detectCues('how old are you').cues), 0.6);
      const ctx = { unconnected: false, flagged: false, youngMinor: true };
      const a = old.conversationProbability(st, ctx);
      const b = old.conversationProbability(st, { ...ctx, relation: relationFeatures(rel({})) });
      assert.equal(a, b, 'an old model does not read the relationship');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
