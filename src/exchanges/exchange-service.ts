import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { AuditInput } from '../audit/audit-chain.js';
import { createBackgroundLoop } from '../core/background-loop.js';
import type { Clock } from '../core/clock.js';
import { createBank, findBank, updateBank } from '../media/bank-store.js';
import type { MediaMatcher } from '../media/media-matcher.js';
import type { Database } from '../store/tables.js';
import { applyBatch } from './apply-batch.js';
import { ExchangeError, type Exchange, type ExchangeCheckpoint } from './exchange.js';
import { collectVerdicts, deliverFeedback } from './exchange-feedback.js';
import { emptyCounts, readSource, sourceStates, type SourceCounts, type SourceState } from './exchange-store.js';

export interface SourceSetup {
  name: string;
  enabled: boolean;
  pdqThreshold: number;
  floodLimitPerHour: number;
  intervalMs: number;
  /** The Exchange, or why it could not be built (shown as the source's error). */
  exchange: Exchange | { unavailable: string; kind: string };
}

export interface RunOutcome {
  source: string;
  ok: boolean;
  batches: number;
  error?: string;
}

export interface ExchangeService {
  /** Fetches one source from its checkpoint to the end, or to its first error. */
  run(name: string): Promise<RunOutcome>;
  /** Turns decided cases into verdicts owed to sources, then delivers those due. */
  feedbackRound(): Promise<number>;
  states(): Promise<SourceState[]>;
  has(name: string): boolean;
  start(): void;
  stop(): Promise<void>;
}

const hourOf = (ms: number) => new Date(ms).toISOString().slice(0, 13);

/**
 * Keeps each configured source's bank in step with the source: one run at a time per source,
 * its checkpoint and counts persisted after every page, so a run that breaks off resumes where
 * it stopped; the error, not a crash, when a source fails. Each run and each verdict sent is audited.
 */
export function createExchangeService(deps: {
  db: Kysely<Database>;
  matcher: () => MediaMatcher;
  sources: SourceSetup[];
  clock: Clock;
  logger: Logger;
  audit: (entries: AuditInput[]) => Promise<void>;
  pollMs: number;
  feedbackMaxAttempts: number;
}): ExchangeService {
  const { db, clock, logger } = deps;
  const byName = new Map(deps.sources.map((s) => [s.name, s]));
  const running = new Set<string>();
  const ready = new Map<string, Promise<string>>(); // source -> bank id

  const isExchange = (x: SourceSetup['exchange']): x is Exchange => !('unavailable' in x);

  /** The source's bank (created on first use) at the source's threshold, and its state row. */
  function prepare(s: SourceSetup): Promise<string> {
    let p = ready.get(s.name);
    if (!p) {
      p = (async () => {
        const nowMs = clock.now();
        const bankName = `exchange-${s.name}`;
        let bank = await findBank(db, bankName);
        bank ??= await createBank(
          db,
          { name: bankName, kind: 'positive', pdqThreshold: s.pdqThreshold, description: `fetched from ${s.name}` },
          s.pdqThreshold,
          nowMs,
        );
        if (bank.pdqThreshold !== s.pdqThreshold) bank = await updateBank(db, bank.id, { pdqThreshold: s.pdqThreshold }, nowMs);
        deps.matcher().setBank(bank);
        const kind = isExchange(s.exchange) ? s.exchange.kind : s.exchange.kind;
        await db
          .insertInto('exchange_sources')
          .values({
            name: s.name,
            kind,
            bank_id: bank.id,
            checkpoint: null,
            last_started_ms: null,
            last_finished_ms: null,
            last_success_ms: null,
            last_error: null,
            last_error_ms: null,
            counts: JSON.stringify(emptyCounts()),
            updated_ms: nowMs,
          })
          .onConflict((oc) => oc.column('name').doUpdateSet({ bank_id: bank.id, kind }))
          .execute();
        return bank.id;
      })();
      p.catch(() => ready.delete(s.name));
      ready.set(s.name, p);
    }
    return p;
  }

  async function run(name: string): Promise<RunOutcome> {
    const s = byName.get(name);
    if (!s) return { source: name, ok: false, batches: 0, error: 'no such source' };
    if (running.has(name)) return { source: name, ok: false, batches: 0, error: 'a fetch of this source is already running' };
    running.add(name);
    try {
      const bankId = await prepare(s);
      const startMs = clock.now();
      const row = (await readSource(db, name))!;
      const counts: SourceCounts = { ...emptyCounts(), ...(JSON.parse(row.counts) as Partial<SourceCounts>) };
      const before = JSON.stringify(counts);
      await db.updateTable('exchange_sources').set({ last_started_ms: startMs, updated_ms: startMs }).where('name', '=', name).execute();
      let checkpoint = row.checkpoint ? (JSON.parse(row.checkpoint) as ExchangeCheckpoint) : undefined;
      let batches = 0;
      let error: string | undefined;
      if (!isExchange(s.exchange)) error = s.exchange.unavailable;
      else
        try {
          // The first full fetch is a backfill: the flood limit guards against a sudden surge after it.
          const backfill = (checkpoint?.progressMs ?? 0) === 0;
          for await (const b of s.exchange.fetch(checkpoint, { nowMs: startMs })) {
            const nowMs = clock.now();
            const target = {
              source: name,
              kind: s.exchange.kind,
              bankId,
              floodLimitPerHour: backfill ? Number.POSITIVE_INFINITY : s.floodLimitPerHour,
            };
            const { quarantined } = await applyBatch(db, deps.matcher(), target, b.entries, counts, nowMs);
            if (quarantined.length > 0)
              await db
                .insertInto('admin_notices')
                .values({
                  id: `exchange-flood:${name}:${hourOf(nowMs)}`,
                  ts_ms: nowMs,
                  kind: 'exchange_flood',
                  detail: `exchange ${name} sent more than ${s.floodLimitPerHour} new fingerprints within an hour; the rest are stored quarantined in bank exchange-${name} for review`,
                  acknowledged_ms: null,
                })
                .onConflict((oc) => oc.column('id').doNothing())
                .execute();
            checkpoint = b.checkpoint;
            batches++;
            await db
              .updateTable('exchange_sources')
              .set({ checkpoint: JSON.stringify(checkpoint), counts: JSON.stringify(counts), updated_ms: nowMs })
              .where('name', '=', name)
              .execute();
          }
        } catch (e) {
          // SECURITY: an ExchangeError's message names the source and status only; anything else is named by its code.
          error = e instanceof ExchangeError ? e.message : `unexpected failure (${(e as { code?: string }).code ?? (e as Error).name})`;
          logger.warn({ source: name, code: e instanceof ExchangeError ? e.code : 'unexpected', batches }, 'exchange fetch failed');
          if (!(e instanceof ExchangeError)) logger.error({ err: e, source: name }, 'exchange fetch failed unexpectedly');
        }
      const endMs = clock.now();
      await db
        .updateTable('exchange_sources')
        .set({
          last_finished_ms: endMs,
          updated_ms: endMs,
          counts: JSON.stringify(counts),
          ...(error ? { last_error: error, last_error_ms: endMs } : { last_success_ms: endMs, last_error: null }),
        })
        .where('name', '=', name)
        .execute();
      if (JSON.stringify(counts) !== before || error)
        await deps.audit([
          {
            actor: 'system:exchanges',
            action: error ? 'exchange.fetch_failed' : 'exchange.fetched',
            target: { type: 'exchange', id: name },
            detail: {
              batches,
              fetched: counts.fetched,
              stored: counts.stored,
              deleted: counts.deleted,
              quarantined: counts.quarantined,
              ...(error ? { error } : {}),
            },
          },
        ]);
      return { source: name, ok: !error, batches, ...(error ? { error } : {}) };
    } finally {
      running.delete(name);
    }
  }

  const exchanges = () => new Map([...byName.values()].filter((s) => isExchange(s.exchange)).map((s) => [s.name, s.exchange as Exchange]));

  async function feedbackRound(): Promise<number> {
    for (const s of byName.values()) await prepare(s);
    const ex = exchanges();
    await collectVerdicts(db, ex, clock.now());
    return deliverFeedback(db, ex, { nowMs: clock.now(), maxAttempts: deps.feedbackMaxAttempts, logger, audit: deps.audit });
  }

  const loop = createBackgroundLoop(
    'exchanges',
    async () => {
      const nowMs = clock.now();
      for (const s of byName.values()) {
        if (!s.enabled) continue;
        await prepare(s);
        const row = await readSource(db, s.name);
        if (!row?.last_started_ms || nowMs - row.last_started_ms >= s.intervalMs) await run(s.name);
      }
      await feedbackRound();
      return 0;
    },
    deps.pollMs,
    logger,
  );

  return {
    run,
    feedbackRound,
    async states() {
      for (const s of byName.values()) await prepare(s);
      return (await sourceStates(db)).filter((st) => byName.has(st.name));
    },
    has: (name) => byName.has(name),
    start: () => loop.start(),
    async stop() {
      await loop.stop();
      for (const s of byName.values()) if (isExchange(s.exchange)) await s.exchange.close();
    },
  };
}
