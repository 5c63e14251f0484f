import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { BAND, isMinorCode } from '../core/age-band.js';
import { isAppError } from '../core/app-error.js';
import { exposureTable, type ExposureReport } from './exposure-report.js';
import { createInProcessTarget } from './in-process-target.js';
import { loadPhraseBank } from './phrase-bank.js';
import { planConversations } from './plan-conversations.js';
import { ROLE, createPlatform } from './platform.js';
import { runSimulation } from './run-simulation.js';
import type { SimTarget } from './sim-target.js';
import { defaultStart, parseSimulateOptions } from './simulate.js';

const phrases = loadPhraseBank();
const base = { accounts: 1500, days: 2, seed: 7, phrases, startMs: defaultStart(2) };
const stable = (r: ExposureReport) => ({ ...r, wallSeconds: 0, eventsPerSecond: 0 });

describe('the synthetic platform', () => {
  it('has a realistic age mix, every kind of agent, and is the same for the same seed', () => {
    const p = createPlatform({ accounts: 20_000, seed: 3 });
    let minors = 0;
    for (let i = 0; i < p.size; i++) if (isMinorCode(p.band[i]!)) minors++;
    assert.ok(minors / p.size > 0.15 && minors / p.size < 0.4, `minors ${minors}`);
    for (const r of [ROLE.groomer, ROLE.ring, ROLE.teenDeclared, ROLE.decoy]) assert.ok(p.role.includes(r), `role ${r}`);
    // Offenders who declare teen ages are adults who tell the platform 13-15.
    const teen = p.offenders.find((i) => p.role[i] === ROLE.teenDeclared)!;
    assert.equal(p.band[teen], BAND.adult);
    assert.equal(p.declared[teen], BAND['13-15']);
    const q = createPlatform({ accounts: 20_000, seed: 3 });
    assert.deepEqual(q.declared, p.declared);
    assert.deepEqual(q.school, p.school);
    assert.ok(p.byteLength() / p.size < 40, `${p.byteLength() / p.size} bytes an account`);
  });

  it('plans benign chats of every kind and offender scripts, the same for the same seed', () => {
    const p = createPlatform({ accounts: 5000, seed: 1 });
    const c = planConversations({ platform: p, seed: 1, ticks: 288, tickMinutes: 5, benignPerAccount: 0.5 });
    const kinds = new Set(c.kind.subarray(0, c.count));
    for (const k of [0, 1, 2, 3, 4, 5, 6, 7, 20, 21, 22]) assert.ok(kinds.has(k), `kind ${k}`);
    const d = planConversations({ platform: p, seed: 1, ticks: 288, tickMinutes: 5, benignPerAccount: 0.5 });
    assert.deepEqual(d.a, c.a);
    assert.deepEqual(d.head, c.head);
  });
});

describe('runSimulation', () => {
  it('with Warden off counts exposure from the ground truth alone', async () => {
    const r = await runSimulation({ ...base, mode: 'off' });
    assert.equal(r.events.sent, 0);
    assert.ok(r.minorsReachedByOffenders > 0);
    assert.ok(r.minorsContactedByUnconnectedAdults >= r.minorsReachedByOffenders);
    assert.ok(r.stages.contact >= r.stages.age_question);
    assert.deepEqual(stable(await runSimulation({ ...base, mode: 'off' })), stable(r), 'deterministic');
  });

  it('drives Warden in process: shadow changes nothing on the platform, live protects children and is reproducible', async () => {
    const reports: ExposureReport[] = [];
    for (const mode of ['off', 'shadow', 'live', 'live'] as const) {
      const target = mode === 'off' ? undefined : await createInProcessTarget();
      try {
        reports.push(await runSimulation({ ...base, mode, target }));
      } finally {
        await target?.close();
      }
    }
    const [off, shadow, live, again] = reports as [ExposureReport, ExposureReport, ExposureReport, ExposureReport];
    assert.equal(shadow.events.rejected, 0, 'every event the simulator sends is valid under the protocol');
    assert.ok(shadow.events.accepted > 1500);
    assert.ok(shadow.alerts > 0, 'Warden raised alerts');
    // Shadow: Warden is told everything, the platform obeys nothing, so exposure is as with Warden off.
    assert.equal(shadow.minorsReachedByOffenders, off.minorsReachedByOffenders);
    assert.deepEqual(shadow.stages, off.stages);
    assert.ok(shadow.intervention.offendersActedOn > 0, 'Warden would have acted on some offenders');
    // Live: the gate and the webhooks cut contact.
    assert.ok(live.gate.block > 0);
    assert.ok(
      live.minorsReachedByOffenders < off.minorsReachedByOffenders,
      `${live.minorsReachedByOffenders} < ${off.minorsReachedByOffenders}`,
    );
    assert.ok(live.stages.payment < off.stages.payment || off.stages.payment === 0);
    // Hard benign cases (teachers, neighbours, guild adults) are touched by the gate, and counted.
    assert.ok(live.benign.touched > 0 && live.benign.touched < live.benign.conversations);
    // Every hard family of the issue is simulated, and the touched count is the sum of its families'.
    for (const r of [off, shadow, live]) {
      for (const k of ['relative', 'coach', 'teacher', 'neighbour', 'guild', 'teen_dating'] as const)
        assert.ok(r.benign.byKind[k].conversations > 0, `${r.mode}: ${k} conversations`);
      const families = Object.values(r.benign.byKind);
      assert.equal(
        families.reduce((s, f) => s + f.conversations, 0),
        r.benign.conversations,
      );
      assert.equal(
        families.reduce((s, f) => s + f.touched, 0),
        r.benign.touched,
      );
    }
    assert.equal(off.benign.touched, 0, 'with Warden off nothing is touched');
    assert.equal(live.decoys.marked, true, 'the decoys were marked through PUT /v1/admin/decoys');
    assert.deepEqual(stable(again), stable(live), 'the same seed gives the same live run');
    const table = exposureTable(reports.slice(0, 3));
    assert.match(table, /measure +off +shadow +live/);
    assert.match(table, /minors reached by offenders/);
    assert.match(table, /^ {2}teacher +0 of \d+ +\d+ of \d+ +\d+ of \d+$/m);
  });
});

describe('shadow pipelining', () => {
  /** Logs every call the simulator makes of Warden, and when each settle's answer came back. */
  const recorded = (t: SimTarget, log: string[]): SimTarget => ({
    name: t.name,
    send: (events) => {
      log.push(`send ${events.length} ${(events[0] as { id: string }).id}`);
      return t.send(events);
    },
    decide: (req) => {
      log.push(`decide ${req.action} ${req.actor} ${req.target}`);
      return t.decide(req);
    },
    markDecoy: (id, label) => {
      log.push(`decoy ${id}`);
      return t.markDecoy(id, label);
    },
    settle: async () => {
      log.push('settle');
      const notices = await t.settle();
      log.push(`settled ${notices.map((n) => `${n.type}:${n.accountId}`).join(',')}`);
      return notices;
    },
    close: () => t.close(),
  });

  it('puts the same calls to Warden in the same order, and gives the same report, as without it', async () => {
    const runs: { report: ExposureReport; log: string[] }[] = [];
    for (const pipeline of [false, true]) {
      const log: string[] = [];
      const target = await createInProcessTarget();
      try {
        runs.push({ report: await runSimulation({ ...base, mode: 'shadow', target: recorded(target, log), pipeline }), log });
      } finally {
        await target.close();
      }
    }
    const [plain, piped] = runs as [(typeof runs)[0], (typeof runs)[0]];
    assert.ok(plain.log.filter((l) => l === 'settle').length > 24, 'settled at least hourly');
    assert.ok(plain.report.gate.allow > 0 && plain.report.intervention.offendersActedOn > 0);
    assert.deepEqual(piped.log, plain.log);
    assert.deepEqual(stable(piped.report), stable(plain.report));
  });
});

describe('group memberships', () => {
  it("sends each account's school, club and guild, all accepted, and changes what Warden does by nothing", async () => {
    const reports: ExposureReport[] = [];
    let members = 0;
    for (const groups of [false, true]) {
      const target = await createInProcessTarget();
      try {
        reports.push(await runSimulation({ ...base, mode: 'shadow', target, groups }));
      } finally {
        await target.close();
      }
    }
    const [plain, grouped] = reports as [ExposureReport, ExposureReport];
    const p = createPlatform({ accounts: base.accounts, seed: base.seed });
    for (let i = 0; i < p.size; i++) members += Number(p.school[i]! >= 0) + Number(p.club[i]! >= 0) + Number(p.guild[i]! >= 0);
    assert.ok(members > base.accounts / 2, `${members} memberships`);
    assert.equal(grouped.events.sent, plain.events.sent + members, 'one group.joined per membership');
    assert.equal(grouped.events.rejected, 0);
    assert.equal(grouped.events.accepted, grouped.events.sent);
    // A shared group is named in an alert's words, never weighed: the same alerts, gate answers and exposure.
    const same = (r: ExposureReport) => ({ ...stable(r), events: undefined });
    assert.deepEqual(same(grouped), same(plain));
  });
});

describe('edges', () => {
  it('names the flag and the reason for bad options', () => {
    assert.throws(
      () => parseSimulateOptions({ accounts: '5', days: '2', seed: '1', modes: ['on'], tickMinutes: '5' }),
      (e: unknown) => isAppError(e) && e.issues.some((i) => i.field === '--accounts') && e.issues.some((i) => i.field === '--mode'),
    );
    assert.throws(
      () =>
        parseSimulateOptions({ accounts: '500', days: '2', seed: '1', modes: ['live'], target: 'http://127.0.0.1:1', tickMinutes: '5' }),
      (e: unknown) => isAppError(e) && e.issues[0]!.field === '--key',
    );
  });

  it('refuses a phrase bank with a missing stage, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'warden-phrases-'));
    const bad = JSON.parse(JSON.stringify(phrases)) as { offender: Record<string, unknown> };
    delete bad.offender.payment;
    writeFileSync(join(dir, 'p.json'), JSON.stringify(bad));
    assert.throws(
      () => loadPhraseBank(join(dir, 'p.json')),
      (e: unknown) => isAppError(e) && e.issues.some((i) => i.field === 'offender.payment'),
    );
  });
});
