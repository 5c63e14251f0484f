import { BAND, bandName, isMinorCode } from '../core/age-band.js';
import { AppError } from '../core/app-error.js';
import { prng } from '../core/prng.js';
import type { ExposureReport, Mode } from './exposure-report.js';
import { BENIGN_KINDS, OFFENDER_STAGES, type PhraseBank } from './phrase-bank.js';
import { CONV_FLAG, KIND, SCRIPTS, isOffenderKind, planConversations } from './plan-conversations.js';
import { ROLE, createPlatform } from './platform.js';
import type { ActionNotice, SimDecision, SimTarget } from './sim-target.js';
import { createIsoClock } from './iso-clock.js';
import { tallyExposure } from './tally-exposure.js';

export interface SimulationOptions {
  mode: Mode;
  accounts: number;
  days: number;
  seed: number;
  phrases: PhraseBank;
  /** Required unless mode is off. */
  target?: SimTarget;
  /** Simulated time of the first tick (ms); the run must end before Warden's clock. */
  startMs: number;
  tickMinutes?: number;
  benignPerAccount?: number;
  /** Awaited after each tick (the demo slows the run to watching speed); return false to stop. */
  pace?: (tick: number, ticks: number) => Promise<boolean | void>;
  /** How often (simulated minutes) events are sent and webhooks taken in: every tick when live, hourly in shadow. */
  settleMinutes?: number;
  /** Put before every id, so that runs sharing one Warden over HTTP do not collide. */
  prefix?: string;
  /**
   * Shadow only (default on): make the next settle period while Warden settles this one. The
   * gate questions and the events are queued in order and put to Warden only after the settle
   * ends, so Warden sees the same calls in the same order as without it; off is for comparing.
   */
  pipeline?: boolean;
  /**
   * Send each account's school, club and gaming guild as group memberships (`group.joined`, a
   * compatible extension of the protocol), joined on a day of the 90 before the run, so that
   * alerts name the groups an adult and a child share. Off by default: the events it adds (one
   * to three an account) would change what every earlier run and `npm run bench` measured.
   */
  groups?: boolean;
}

/** Actions after which the platform stops the account reaching minors (README: "Webhooks"). */
const STOPS_CONTACT = new Set(['restrict_messaging_minors', 'suspend_account']);
/** Actions that keep minors out of the account's search results: no new targets. */
const HIDES = new Set(['hide_from_minors']);
const REPLY_CHANCE = 0.6;
const ACCEPT_CHANCE = 0.25;
const BLOCK_AND_REPORT_AT_THREAT = 0.3;
const BATCH = 5000;

/** Runs the synthetic platform once, in one mode, and measures exposure (issue 19). */
export async function runSimulation(o: SimulationOptions): Promise<ExposureReport> {
  const began = performance.now();
  const tickMinutes = o.tickMinutes ?? 5;
  const tickMs = tickMinutes * 60_000;
  const ticks = Math.max(1, Math.round((o.days * 1440) / tickMinutes));
  const settleTicks = Math.max(1, Math.round((o.settleMinutes ?? (o.mode === 'live' ? tickMinutes : 60)) / tickMinutes));
  const platform = createPlatform({ accounts: o.accounts, seed: o.seed });
  const conv = planConversations({ platform, seed: o.seed, ticks, tickMinutes, benignPerAccount: o.benignPerAccount ?? 0.5 });
  const rnd = prng(o.seed ^ 0xc0ffee);
  const target = o.mode === 'off' ? undefined : o.target;
  if (o.mode !== 'off' && !target)
    throw new AppError('invalid_input', `mode ${o.mode} needs a Warden to drive`, {
      issues: [{ field: 'target', reason: 'is required unless the mode is off' }],
    });
  const n = platform.size;
  const { band, role, declared } = platform;
  const stopped = new Uint8Array(n);
  const hidden = new Uint8Array(n);
  const actedOnAt = new Float64Array(n).fill(-1);
  const firstContactAt = new Float64Array(n).fill(-1);
  const reachedByAdult = new Uint8Array(n);
  const reachedByOffender = new Uint8Array(n);
  const gate = { allow: 0, warn: 0, block: 0 };
  const events = { sent: 0, accepted: 0, rejected: 0 };
  const actions: Record<string, number> = {};
  let alerts = 0;
  let decoyContacts = 0;
  const decoyOffenders = new Set<number>();
  let seq = 0;
  const P = o.prefix ?? '';
  // One string per account, made once: Warden in process looks each id up a dozen times an event
  // (the facts' map, the gate, every detector), and the very string it was first given is found
  // by identity (its hash kept, no compare of characters), where a string made anew per event is
  // hashed and compared afresh, in a map of every account, every time. The same ids either way.
  const ids: (string | undefined)[] = new Array<string | undefined>(n);
  const uid = (i: number) => (ids[i] ??= `${P}u${i}`);
  // The same for conversations: over HTTP, JSON.parse hands V8 an id of ten characters or fewer
  // as one interned string, so a fresh string per message here was costlier than the real path.
  const cids: (string | undefined)[] = new Array<string | undefined>(conv.count);
  const cid = (c: number) => (cids[c] ??= `${P}c${c}`);
  let buffer: object[] = [];
  // Shadow pipelining: nothing Warden answers changes what the platform does next (the gate's
  // answer only marks a conversation touched; stops and hides apply live only), so a period's
  // events and gate questions are made while the last settle runs, and put to Warden, in the
  // order they were made, once it is over (see runPending).
  const pipelining = o.mode === 'shadow' && o.pipeline !== false;
  let queuing = false;
  type Ask = { action: 'message' | 'connect'; actor: string; target: string };
  const pending: (readonly object[] | { ask: Ask; conv: number })[] = [];
  let settling: Promise<void> | null = null;
  const iso = createIsoClock();

  const flush = async () => {
    if (!target || buffer.length === 0) {
      buffer = [];
      return;
    }
    const batch = buffer;
    buffer = [];
    if (queuing) pending.push(batch);
    else await send(batch);
  };
  const send = async (batch: readonly object[]) => {
    events.sent += batch.length;
    const r = await target!.send(batch);
    events.accepted += r.accepted;
    events.rejected += r.rejected;
    alerts += r.alerts;
  };
  const emit = (e: object) => {
    if (target) buffer.push(e);
  };
  const act = (notices: ActionNotice[], nowMs: number) => {
    for (const a of notices) {
      actions[a.type] = (actions[a.type] ?? 0) + 1;
      const i = a.accountId.startsWith(`${P}u`) ? Number(a.accountId.slice(P.length + 1)) : NaN;
      if (!Number.isInteger(i) || i < 0 || i >= n) continue;
      if (actedOnAt[i]! < 0 && a.type !== 'remove_content') actedOnAt[i] = nowMs;
      // Shadow: Warden's actions are recorded, the platform takes none (what a team measures before switching on).
      if (o.mode !== 'live') continue;
      if (STOPS_CONTACT.has(a.type)) stopped[i] = 1;
      if (HIDES.has(a.type)) hidden[i] = 1;
    }
  };
  /** The gate's answer; a benign conversation (touch >= 0) it does not allow is touched. */
  const ask = async (req: Ask, touch: number): Promise<SimDecision['decision']> => {
    const d0 = target!.decide(req);
    const d = d0 instanceof Promise ? await d0 : d0;
    gate[d.decision]++;
    if (touch >= 0 && d.decision !== 'allow') conv.flags[touch]! |= CONV_FLAG.touched;
    return d.decision;
  };
  const decide = async (action: 'message' | 'connect', a: number, b: number, touch = -1): Promise<SimDecision['decision']> => {
    if (!target) return 'allow';
    const req = { action, actor: uid(a), target: uid(b) };
    if (!queuing) return ask(req, touch);
    // Queued (shadow): asked later, in order; the answer it stands for changes nothing here.
    pending.push({ ask: req, conv: touch });
    return 'allow';
  };
  /** Puts the queued period to Warden once the last settle is over: its questions and events, in order. */
  const runPending = async () => {
    if (settling) await settling;
    settling = null;
    for (const p of pending.splice(0)) {
      if ('ask' in p) await ask(p.ask, p.conv);
      else await send(p);
    }
  };

  // The platform as it stands before the run: every account, and the links the benign chats rest on.
  const t0 = iso(o.startMs);
  for (let i = 0; i < n; i++) {
    emit({
      id: `${P}a${i}`,
      type: 'account.upserted',
      ts: t0,
      account: { id: uid(i), ageBand: bandName(declared[i]!), ageAssurance: 'self_declared' },
    });
    if (buffer.length >= BATCH) await flush();
  }
  if (o.groups) {
    const kinds = [
      [platform.school, 's', 'school'],
      [platform.club, 'cl', 'club'],
      [platform.guild, 'g', 'gaming'],
    ] as const;
    for (let i = 0; i < n; i++)
      for (let k = 0; k < kinds.length; k++) {
        const [of, tag, kind] = kinds[k]!;
        const g = of[i]!;
        if (g < 0) continue;
        // A join day spread over the 90 days before the run, the same for every run of a seed.
        const daysBefore = 1 + ((i * 7919 + k * 104_729) % 90);
        emit({
          id: `${P}j${k}_${i}`,
          type: 'group.joined',
          ts: iso(o.startMs - daysBefore * 86_400_000),
          group: { id: `${P}${tag}${g}`, kind },
          member: uid(i),
          ...(band[i] === BAND.adult && kind !== 'gaming' ? { role: 'moderator' } : {}),
        });
        if (buffer.length >= BATCH) await flush();
      }
  }
  const K = Object.fromEntries(BENIGN_KINDS.map((k, i) => [k, i])) as Record<(typeof BENIGN_KINDS)[number], number>;
  for (let c = 0; c < conv.count; c++) {
    if (!(conv.flags[c]! & CONV_FLAG.connected)) continue;
    const k = conv.kind[c]!;
    const [from, to, kind] =
      k === K.coach
        ? [conv.b[c]!, conv.a[c]!, 'follow']
        : k === K.relative
          ? [conv.a[c]!, conv.b[c]!, 'family']
          : [conv.a[c]!, conv.b[c]!, 'friend'];
    emit({ id: `${P}k${c}`, type: 'connection.created', ts: t0, from: uid(from), to: uid(to), kind });
    if (buffer.length >= BATCH) await flush();
  }
  await flush();
  let decoysMarked: boolean | null = null;
  if (target && platform.decoys.length > 0) {
    decoysMarked = true;
    for (const d of platform.decoys) if (!(await target.markDecoy(uid(d), `simulator decoy ${d}`))) decoysMarked = false;
  }

  const pickLine = (lines: readonly string[]) => lines[Math.floor(rnd() * lines.length)]!;
  const message = (c: number, from: number, to: number, text: string, ms: number) => {
    const s = seq++;
    emit({
      id: `${P}e${s}`,
      type: 'message.sent',
      ts: iso(ms),
      message: { id: `${P}m${s}`, conversationId: cid(c), from: uid(from), to: [uid(to)], text },
    });
  };
  const realMinor = (i: number) => isMinorCode(band[i]!) && role[i] !== ROLE.decoy;
  const delivered = (c: number, from: number, to: number, ms: number) => {
    conv.flags[c]! |= CONV_FLAG.delivered;
    if (band[from] !== BAND.adult || role[from] === ROLE.decoy) return;
    const offender = role[from] !== ROLE.member;
    if (offender && firstContactAt[from]! < 0) firstContactAt[from] = ms;
    if (role[to] === ROLE.decoy) {
      if (offender) {
        decoyContacts++;
        decoyOffenders.add(from);
      }
      return;
    }
    if (!realMinor(to) || conv.flags[c]! & CONV_FLAG.connected) return;
    reachedByAdult[to] = 1;
    if (offender) reachedByOffender[to] = 1;
  };

  /** One step of conversation c at time ms; false when the conversation is over. */
  const step = async (c: number, ms: number): Promise<boolean> => {
    const kind = conv.kind[c]!;
    const s = conv.step[c]!;
    if (!isOffenderKind(kind)) {
      const [from, to] = s % 2 === 0 ? [conv.a[c]!, conv.b[c]!] : [conv.b[c]!, conv.a[c]!];
      // An innocent account Warden had restricted can no longer reach a minor either: that is the cost of a false positive.
      if (stopped[from] && isMinorCode(declared[to]!)) {
        conv.flags[c]! |= CONV_FLAG.touched;
        return false;
      }
      const d = await decide('message', from, to, c);
      if (d === 'block' && o.mode === 'live') return false;
      message(c, from, to, pickLine(o.phrases.benign[BENIGN_KINDS[kind]!]), ms);
      delivered(c, from, to, ms);
      return s + 1 < conv.length[c]!;
    }
    const a = conv.a[c]!;
    const b = conv.b[c]!;
    if (stopped[a]) return false;
    if (s === 0) {
      // Search, then ask to connect, as the platform's own flow would (the gate is asked first).
      if (hidden[a]) return false;
      emit({ id: `${P}e${seq++}`, type: 'search.performed', ts: iso(ms), actor: uid(a), query: pickLine(o.phrases.searches) });
      const d = await decide('connect', a, b);
      if (d === 'block' && o.mode === 'live') return true;
      emit({ id: `${P}e${seq++}`, type: 'connection.requested', ts: iso(ms), from: uid(a), to: uid(b), kind: 'friend' });
      if (role[b] !== ROLE.decoy && rnd() < ACCEPT_CHANCE) {
        emit({ id: `${P}e${seq++}`, type: 'connection.created', ts: iso(ms + 30_000), from: uid(b), to: uid(a), kind: 'friend' });
        conv.flags[c]! |= CONV_FLAG.connected;
      }
      return true;
    }
    const stage = SCRIPTS[kind]![s - 1]!;
    const d = await decide('message', a, b);
    if (d === 'block' && o.mode === 'live') return false;
    const text =
      stage === 'contact' && kind === KIND.teenDeclared ? pickLine(o.phrases.teen_declared_contact) : pickLine(o.phrases.offender[stage]);
    message(c, a, b, text, ms);
    delivered(c, a, b, ms);
    conv.stages[c]! |= 1 << OFFENDER_STAGES.indexOf(stage);
    if (role[b] === ROLE.decoy) return s < SCRIPTS[kind]!.length;
    if (stage === 'threat' && rnd() < BLOCK_AND_REPORT_AT_THREAT) {
      emit({ id: `${P}e${seq++}`, type: 'block.created', ts: iso(ms + 60_000), from: uid(b), to: uid(a) });
      emit({
        id: `${P}e${seq++}`,
        type: 'report.filed',
        ts: iso(ms + 90_000),
        report: { id: `${P}r${seq}`, reporter: uid(b), subject: { accountId: uid(a) }, reason: 'sextortion' },
      });
      return false;
    }
    if (rnd() < REPLY_CHANCE) message(c, b, a, pickLine(o.phrases.replies), ms + 120_000);
    return s < SCRIPTS[kind]!.length;
  };

  queuing = pipelining && target !== undefined;
  for (let tick = 0; tick < ticks; tick++) {
    const ms = o.startMs + tick * tickMs;
    let c = conv.head[tick]!;
    while (c >= 0) {
      const next = conv.next[c]!;
      const more = await step(c, ms + (c % 240) * 1000);
      conv.step[c]!++;
      if (!more) conv.flags[c]! |= CONV_FLAG.ended;
      else {
        const at = tick + Math.max(1, Math.ceil(conv.gapMinutes(conv.kind[c]!, rnd) / tickMinutes));
        if (at < ticks) {
          conv.next[c] = conv.head[at]!;
          conv.head[at] = c;
        }
      }
      c = next;
    }
    // Live, each tick's events are sent at its end and the webhooks taken in, so the platform acts
    // within minutes, as sextortion demands. In shadow nothing it receives changes the platform,
    // so it sends every settleTicks (an hour by default): the time to intervention is then
    // measured to that hour, and Warden's commits are fewer and larger.
    const flushing = target && buffer.length > 0 && (buffer.length >= BATCH || (tick + 1) % settleTicks === 0);
    if (flushing) {
      await flush();
      if (queuing) {
        // This period is made: put it to Warden after the last settle, then settle it while the
        // next period is made (the settle's commit wait overlaps the simulator's own work).
        await runPending();
        const at = ms + tickMs;
        settling = target!.settle().then((notices) => act(notices, at));
        // Handled here too, so a failed settle is not an unhandled rejection before it is awaited.
        settling.catch(() => undefined);
      } else act(await target!.settle(), ms + tickMs);
    }
    // Making a tick needs no I/O, so without a turn of the event loop the settle in flight
    // would not move past its first wait (the writer's reply, the webhooks' round trips).
    else if (settling) await new Promise(setImmediate);
    if (o.pace && (await o.pace(tick, ticks)) === false) break;
  }
  await flush();
  await runPending();
  queuing = false;
  if (target) act(await target.settle(), o.startMs + ticks * tickMs);

  const tally = tallyExposure(platform, conv, { actedOnAt, firstContactAt, reachedByAdult, reachedByOffender });
  const wallSeconds = (performance.now() - began) / 1000;
  return {
    mode: o.mode,
    seed: o.seed,
    target: target?.name ?? 'none',
    accounts: n,
    minors: platform.minors.length - platform.decoys.length,
    days: o.days,
    events,
    alerts,
    gate,
    ...tally,
    decoys: { count: platform.decoys.length, marked: decoysMarked, contacts: decoyContacts, offendersContacting: decoyOffenders.size },
    actions,
    wallSeconds,
    eventsPerSecond: events.sent / wallSeconds,
  };
}
