import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fixedClock } from '../core/clock.js';
import { GateConfigSchema } from './gate-config.js';
import { createGate, type DecisionRequest } from './gate.js';
import { createFacts, EDGE, FLAG } from '../facts/facts.js';
import { BAND, packDate } from '../core/age-band.js';

function world(gateOverrides: Record<string, unknown> = {}) {
  const facts = createFacts();
  const clock = fixedClock(Date.parse('2026-06-01T12:00:00Z'));
  const add = (id: string, band: number, birth?: number) => {
    const idx = facts.ensure(id);
    facts.updateAccount(idx, { band: band as never, birthPacked: birth }, 1);
    return idx;
  };
  const ids = {
    adult: add('adult', BAND.adult),
    coach: add('coach', BAND.adult),
    teen: add('teen', BAND['13-15']),
    older: add('older', BAND['16-17']),
    child: add('child', BAND.under13),
    other: add('other', BAND['13-15']),
    grown: add('grown', BAND.adult),
    unknown: add('unknown', BAND.unknown),
    // Born 2010-06-02: 15 today (2026-06-01), 16 tomorrow.
    bday: add('bday', BAND.unknown, packDate(2010, 6, 2)),
  };
  const gate = createGate(facts, GateConfigSchema.parse(gateOverrides), clock);
  const ask = (action: DecisionRequest['action'], actor: string, target: string) => gate.decide({ action, actor, target });
  const codes = (action: DecisionRequest['action'], actor: string, target: string) => {
    const d = ask(action, actor, target);
    return `${d.decision}:${d.reasons.map((r) => r.code).join(',')}`;
  };
  return { facts, ids, clock, ask, codes };
}

describe('inline gate', () => {
  it('blocks unconnected adults from messaging or connecting to under-16s, and warns for 16-17', () => {
    const { codes } = world();
    assert.equal(codes('message', 'adult', 'teen'), 'block:unconnected_adult_to_minor');
    assert.equal(codes('connect', 'adult', 'teen'), 'block:unconnected_adult_to_minor');
    assert.equal(codes('message', 'adult', 'older'), 'warn:unconnected_adult_to_minor');
    assert.equal(codes('message', 'adult', 'child'), 'block:unconnected_adult_to_minor,under13_account');
  });

  it('treats accounts of unknown age, and ids never seen, as adults when they reach for minors', () => {
    const { codes } = world();
    assert.equal(codes('message', 'unknown', 'teen'), 'block:unknown_age_to_minor');
    assert.equal(codes('message', 'never-seen', 'teen'), 'block:unknown_age_to_minor');
    const lenient = world({ treatUnknownAgeAsAdult: false });
    assert.equal(lenient.codes('message', 'unknown', 'teen'), 'allow:');
  });

  it('allows an adult the minor follows, befriends or holds as a contact, and says so', () => {
    const { facts, ids, codes } = world();
    facts.edges.put(ids.teen, ids.coach, EDGE.follow, 1);
    assert.equal(codes('message', 'coach', 'teen'), 'allow:connected_to_minor');
    // The adult following the minor is not a connection from the minor.
    facts.edges.put(ids.adult, ids.older, EDGE.follow, 1);
    assert.equal(codes('message', 'adult', 'older'), 'warn:unconnected_adult_to_minor');
    // A pending request is not a connection either.
    facts.edges.put(ids.teen, ids.adult, EDGE.requestedFollow, 1);
    assert.equal(codes('message', 'adult', 'teen'), 'block:unconnected_adult_to_minor');
  });

  it('leaves adult–adult and minor–minor contact alone, and minors may reach adults', () => {
    const { codes } = world();
    assert.equal(codes('message', 'adult', 'grown'), 'allow:');
    assert.equal(codes('message', 'teen', 'other'), 'allow:');
    assert.equal(codes('message', 'teen', 'adult'), 'allow:');
    assert.equal(codes('message', 'child', 'teen'), 'allow:under13_account');
  });

  it('keeps suspicious adults away from minors: no profile views, recommendations or comments, and hidden from them', () => {
    const { facts, ids, codes } = world();
    facts.setFlag(ids.adult, FLAG.suspicious);
    assert.equal(codes('view_profile', 'adult', 'teen'), 'block:suspicious_account');
    assert.equal(codes('comment', 'adult', 'teen'), 'block:suspicious_account');
    assert.equal(codes('recommend', 'adult', 'teen'), 'block:suspicious_account,unconnected_adult_recommendation');
    assert.equal(codes('view_profile', 'teen', 'adult'), 'block:suspicious_account');
    assert.equal(codes('recommend', 'teen', 'adult'), 'block:suspicious_account,unconnected_adult_recommendation');
    assert.equal(codes('message', 'teen', 'adult'), 'warn:suspicious_account');
    // A suspicious adult the minor chose to follow: warned, not cut off.
    facts.edges.put(ids.teen, ids.adult, EDGE.follow, 1);
    assert.equal(codes('message', 'adult', 'teen'), 'warn:suspicious_account,connected_to_minor');
    // Toward adults a flag changes nothing here.
    assert.equal(codes('view_profile', 'adult', 'grown'), 'allow:');
  });

  it('blocks restricted accounts and accounts the minor blocked, whatever the connection', () => {
    const { facts, ids, codes } = world();
    facts.edges.put(ids.teen, ids.coach, EDGE.follow | EDGE.block, 1);
    assert.equal(codes('message', 'coach', 'teen'), 'block:blocked_by_target,connected_to_minor');
    facts.setFlag(ids.grown, FLAG.restricted);
    facts.edges.put(ids.older, ids.grown, EDGE.friend, 1);
    assert.equal(codes('message', 'grown', 'older'), 'block:restricted_account,connected_to_minor');
  });

  it('derives bands from birth dates at decision time: a birthday changes the answer', () => {
    const { clock, codes } = world();
    assert.equal(codes('message', 'adult', 'bday'), 'block:unconnected_adult_to_minor');
    clock.advance(24 * 3600_000);
    assert.equal(codes('message', 'adult', 'bday'), 'warn:unconnected_adult_to_minor');
  });

  it('follows configured outcomes per band', () => {
    const strict = world({ unconnectedContact: { '16-17': 'block' } });
    assert.equal(strict.codes('message', 'adult', 'older'), 'block:unconnected_adult_to_minor');
    const open = world({ unconnectedContact: { '13-15': 'allow' }, unconnectedRecommend: { '13-15': 'allow' } });
    assert.equal(open.codes('message', 'adult', 'teen'), 'allow:');
  });

  it('returns the same frozen decision objects for the same answer (no allocation on the hot path)', () => {
    const { ask } = world();
    const a = ask('message', 'adult', 'teen');
    assert.equal(a, ask('connect', 'adult', 'other'));
    assert.ok(Object.isFrozen(a) && Object.isFrozen(a.reasons));
  });
});
