import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import type { Alert } from '../alerts/alert-schema.js';
import { fixedClock } from '../core/clock.js';
import { createEngine } from '../engine/create-engine.js';
import { createStore, type Store } from '../store/store.js';
import { BASE_MS, adult, at, connect, minor, silentLogger, testConfig, valid } from './events.js';

/*
 * One conversation between an adult and a child run through a whole engine with the shipped
 * model, for the hard-negative suites: a benign setting must raise no grooming, solicitation or
 * sextortion alert, and its risky twin (the same setting with a documented move added) must.
 */
export type Line = [who: 'adult' | 'kid', text: string];
export interface ConversationCase {
  name: string;
  /** How the child is linked to the adult: a kind and minutes from the first message (negative: before it). */
  link?: [kind: string, minute: number];
  /** Other minors in the conversation (a group). */
  group?: number;
  /** The adult's account was made this many days before the conversation; unknown when absent. */
  accountDays?: number;
  lines: Line[];
}

/** Lines and cases written short in the tables of tests: `C(name, [A('hi'), K('hey')], link)`. */
export const A = (t: string): Line => ['adult', t];
export const K = (t: string): Line => ['kid', t];
export const C = (name: string, lines: Line[], link?: [string, number]): ConversationCase =>
  link ? { name, lines, link } : { name, lines };

/** Minutes in a day, for `link`. */
export const DAY_MINUTES = 24 * 60;
const RISKY = ['grooming', 'solicitation', 'sextortion'];
const clock = fixedClock(BASE_MS + 3600_000 * 24 * 30);
const stores: Store[] = [];
let n = 0;
after(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** The risky alerts a fresh engine raises on the case; the conversation starts on day 20, so a link can be older. */
export async function runConversationCase(c: ConversationCase): Promise<Alert[]> {
  const store = await createStore(':memory:');
  stores.push(store);
  const engine = await createEngine({ store, config: testConfig({ conversations: { model: 'builtin' } }), logger: silentLogger(), clock });
  const id = ++n;
  const a = `ca${id}`;
  const kids = [`ck${id}`, ...Array.from({ length: c.group ?? 0 }, (_, i) => `ck${id}_${i}`)];
  const start = 20 * DAY_MINUTES;
  const made = c.accountDays === undefined ? {} : { createdAt: at(start - c.accountDays * DAY_MINUTES) };
  const grown = adult(a);
  const setup: object[] = [{ ...grown, account: { ...grown.account, ...made } }, ...kids.map((k) => minor(k))];
  if (c.link) setup.push(connect(kids[0]!, a, c.link[0], at(start + c.link[1])));
  const events = c.lines.map(([who, text], i) => ({
    id: `cm${id}_${i}`,
    type: 'message.sent',
    ts: at(start + i * 2),
    message: {
      id: `cm${id}_${i}`,
      conversationId: `cc${id}`,
      from: who === 'adult' ? a : kids[0]!,
      to: who === 'adult' ? kids : [a, ...kids.slice(1)],
      text,
    },
  }));
  const all = [...setup, ...events].sort((x, y) => String((x as { ts: string }).ts).localeCompare(String((y as { ts: string }).ts)));
  const out = await engine.ingest(all.map((e) => valid(e, clock.now())));
  return out.alerts.filter((al) => RISKY.includes(al.category));
}

/** A suite: every benign case raises nothing (its alerts are listed when it does), every twin raises something. */
export function describeTwins(title: string, benign: ConversationCase[], twins: ConversationCase[]): void {
  describe(title, () => {
    for (const c of benign)
      it(`benign: ${c.name}`, async () => {
        const alerts = await runConversationCase(c);
        assert.deepEqual(
          alerts.map((a) => `${a.category}/${a.severity}: ${a.reasons.map((r) => r.code).join(',')}`),
          [],
        );
      });
    for (const c of twins)
      it(`risky twin: ${c.name}`, async () => {
        assert.ok((await runConversationCase(c)).length > 0, 'fires');
      });
  });
}

/**
 * A fresh engine on the cue rules alone (no model) at `clockMs`, as a function that ingests
 * events and returns the risky alerts they raise: the relationship and escalation suites read
 * the rules' own decisions, not the model's.
 */
export async function createRulesIngest(clockMs: number): Promise<(...events: object[]) => Promise<Alert[]>> {
  const rulesClock = fixedClock(clockMs);
  const store = await createStore(':memory:');
  stores.push(store);
  const engine = await createEngine({
    store,
    config: testConfig({ conversations: { model: 'off' } }),
    logger: silentLogger(),
    clock: rulesClock,
  });
  return async (...events: object[]) =>
    (await engine.ingest(events.map((x) => valid(x, rulesClock.now())))).alerts.filter((a) => RISKY.includes(a.category));
}

let said = 0;
/** A one-to-one message at `minute` (minutes from BASE_MS). */
export const say = (conv: string, from: string, to: string, text: string, minute: number) => ({
  id: `cs${++said}`,
  type: 'message.sent',
  ts: at(minute),
  message: { id: `cs${said}`, conversationId: conv, from, to: [to], text },
});

/**
 * A suite between a declared 16-17 sender and a 13-15 child on the cue rules alone: each script
 * (the lines of one conversation) raises critical sextortion, each tease raises nothing. `id`
 * keeps each file's accounts apart.
 */
export function describePeerScripts(id: string, scripts: string[][], teases: string[][]): void {
  describe('between declared minors: the script reads, the teasing stays quiet', () => {
    const run = async (lines: string[]) => {
      const ingest = await createRulesIngest(BASE_MS + 3600_000);
      const setup = [minor(`${id}_s`, '16-17'), minor(`${id}_k`, '13-15')];
      return ingest(...setup, ...lines.map((t, i) => say(`${id}_c`, `${id}_s`, `${id}_k`, t, 2 + i * 2)));
    };
    for (const lines of scripts)
      it(`critical sextortion: ${lines[0]}`, async () => {
        const alerts = await run(lines);
        assert.ok(
          alerts.some((a) => a.category === 'sextortion' && a.severity === 'critical'),
          alerts.map((a) => `${a.category}/${a.severity}`).join(','),
        );
      });
    for (const lines of teases)
      it(`nothing: ${lines[0]}`, async () => {
        assert.deepEqual(
          (await run(lines)).map((a) => `${a.category}/${a.severity}`),
          [],
        );
      });
  });
}
