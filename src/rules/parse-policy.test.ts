import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rulesForAlert, rulesForDecision, reviewPriority } from './evaluate-policy.js';
import { defaultPolicySource, parsePolicy } from './parse-policy.js';

describe('parsePolicy', () => {
  it('accepts the default policy that ships', () => {
    const r = parsePolicy(defaultPolicySource());
    assert.ok(r.ok, JSON.stringify(!r.ok && r.error));
    assert.ok(r.value.rules.length >= 6);
  });

  it('names the path of each offending field', () => {
    const r = parsePolicy(`version: 1
rules:
  - id: a
    when: { on: alert, categories: [grooming, nonsense] }
    then: [{ type: require_review, priority: 7 }]
  - id: a
    when: { on: decision, outcome: confirm }
    then: [{ type: restrict_messaging_minors, priority: 1 }, { type: launch_rocket }]
    colour: blue
`);
    assert.ok(!r.ok);
    const fields = r.error.map((e) => e.field).sort();
    assert.deepEqual(
      fields,
      ['rules[0].then[0].priority', 'rules[0].when.categories[1]', 'rules[1].colour', 'rules[1].then[1].type'].sort(),
    );
    assert.match(r.error.find((e) => e.field === 'rules[1].colour')!.reason, /not a policy field/);
  });

  it('reports duplicate ids and priorities on the wrong action once the shape is right', () => {
    const r = parsePolicy(`version: 1
rules:
  - { id: a, when: { on: alert, categories: [grooming] }, then: [{ type: require_review }] }
  - { id: a, when: { on: alert, categories: [grooming] }, then: [{ type: hide_from_minors, priority: 1 }] }
`);
    assert.ok(!r.ok);
    assert.deepEqual(r.error.map((e) => e.field).sort(), ['rules[1].id', 'rules[1].then[0].priority']);
  });

  it('reports YAML syntax errors with a line, and refuses a missing version', () => {
    const bad = parsePolicy('version: 1\nrules: [\n  - id: x\n');
    assert.ok(!bad.ok && /line \d+/.test(bad.error[0]!.reason));
    const noVersion = parsePolicy('rules: []');
    assert.ok(!noVersion.ok && noVersion.error.some((e) => e.field === 'version'));
    const dup = parsePolicy('version: 1\nversion: 1\nrules: []');
    assert.ok(!dup.ok);
  });

  it('accepts JSON as well as YAML', () => {
    const r = parsePolicy(
      JSON.stringify({
        version: 1,
        rules: [{ id: 'j', when: { on: 'alert', categories: ['sextortion'] }, then: [{ type: 'require_review', priority: 0 }] }],
      }),
    );
    assert.ok(r.ok);
    assert.equal(r.value.rules[0]!.mode, 'live', 'live by default');
  });
});

describe('evaluating a policy', () => {
  const policy = (() => {
    const r = parsePolicy(defaultPolicySource());
    assert.ok(r.ok);
    return r.value;
  })();

  it('matches by category and minimum severity, and takes the most urgent live review priority', () => {
    const high = rulesForAlert(policy, { category: 'grooming', severity: 'high', score: 0.9 });
    assert.deepEqual(
      high.map((m) => m.rule.id),
      ['grooming-or-solicitation-high', 'grooming-or-solicitation'],
    );
    assert.equal(reviewPriority(high), 1);
    const medium = rulesForAlert(policy, { category: 'grooming', severity: 'medium', score: 0.6 });
    assert.deepEqual(
      medium.map((m) => m.rule.id),
      ['grooming-or-solicitation'],
    );
    assert.equal(
      reviewPriority(rulesForAlert(policy, { category: 'unwanted_contact', severity: 'medium', score: 0.5 })),
      undefined,
      'shadow review opens no case',
    );
  });

  it('matches decisions by outcome and confirmed category', () => {
    assert.deepEqual(
      rulesForDecision(policy, { outcome: 'confirm', category: 'sextortion' }).map((m) => m.rule.id),
      ['confirmed-exploitation'],
    );
    assert.deepEqual(
      rulesForDecision(policy, { outcome: 'confirm', category: 'other_child_safety' }).map((m) => m.rule.id),
      ['confirmed-other'],
    );
    assert.deepEqual(rulesForDecision(policy, { outcome: 'dismiss' }), []);
  });
});
