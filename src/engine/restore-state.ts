import { ASSURANCE, BAND, packedUtcDate, packIsoDate, type AgeAssurance, type AgeBand } from '../core/age-band.js';
import type { Clock } from '../core/clock.js';
import { observeId } from '../core/ids.js';
import { dayOf, EDGE, FLAG, isMutualKind, REQUESTED_BIT, type FlagName } from '../facts/facts.js';
import {
  accountPages,
  alertKeyPages,
  blockPairs,
  connectionPages,
  flagRows,
  groupMemberPages,
  lastAlertId,
  minorComplaintPages,
  recentContactPages,
  recentMessagePages,
} from '../store/load-state.js';
import { GROUP_KINDS, type GroupKind, type WardenEvent } from '../events/event-schema.js';
import type { Store } from '../store/store.js';
import type { Severity } from '../alerts/alert-schema.js';
import type { EngineSettings } from './engine-settings.js';
import type { EngineState } from './engine-state.js';
import { loadFloodUploads, loadMatcherState } from '../media/bank-store.js';
import { auditHead } from '../audit/audit-store.js';
import { createDeferredAuditChain } from '../audit/audit-chain.js';

/** Rebuilds the hot state from the store: what a restart needs so that it loses nothing and repeats nothing. */
export async function restoreState(store: Store, state: EngineState, settings: EngineSettings, clock: Clock): Promise<void> {
  const { facts, detectors } = state;
  const { config } = settings;
  for await (const page of accountPages(store)) {
    for (const a of page) {
      facts.updateAccount(
        facts.ensure(a.id),
        {
          band: a.age_band ? BAND[a.age_band as AgeBand] : undefined,
          birthPacked: a.birth_date ? packIsoDate(a.birth_date) : undefined,
          assurance: a.age_assurance ? ASSURANCE[a.age_assurance as AgeAssurance] : undefined,
          createdDay: a.created_at_ms !== null ? dayOf(Number(a.created_at_ms)) : undefined,
        },
        a.updated_ms,
      );
    }
  }
  // Ages at the restore's date, by the engine's clock (a test's fixed clock included).
  const today = packedUtcDate(clock.now());
  for await (const page of connectionPages(store)) {
    for (const c of page) {
      const kind = c.kind as keyof typeof REQUESTED_BIT;
      const bit = c.state === 'active' ? EDGE[kind] : c.state === 'requested' ? REQUESTED_BIT[kind] : 0;
      const from = facts.ensure(c.from_id);
      const to = facts.ensure(c.to_id);
      const put = (f: number, t: number) => {
        const cur = facts.edges.get(f, t);
        facts.edges.put(f, t, cur | bit, Math.max(c.updated_ms, facts.edges.timeOf(f, t)), c.updated_ms);
      };
      // Requests (pending, declined or accepted) count towards detectors' memory; each checks which.
      if (c.requested_ms !== null)
        detectors.restore({ kind: 'request', from: c.from_id, to: c.to_id, tsMs: Number(c.requested_ms) }, facts, today);
      if (bit === 0) {
        // Keep the time of a removal so that an older, late event cannot resurrect the pair.
        if (facts.edges.get(from, to) !== 0)
          facts.edges.put(from, to, facts.edges.get(from, to), Math.max(c.updated_ms, facts.edges.timeOf(from, to)));
        continue;
      }
      put(from, to);
      if (isMutualKind(kind) && c.state === 'active') put(to, from);
    }
  }
  for (const b of await blockPairs(store)) {
    const from = facts.ensure(b.from_id);
    const to = facts.ensure(b.to_id);
    facts.edges.put(from, to, facts.edges.get(from, to) | EDGE.block, facts.edges.timeOf(from, to));
  }
  for await (const page of groupMemberPages(store)) {
    for (const g of page) {
      const kind = GROUP_KINDS.includes(g.kind as GroupKind) ? (g.kind as GroupKind) : 'other';
      facts.groups.join(g.group_id, kind, facts.ensure(g.account_id), Number(g.updated_ms), Number(g.joined_ms ?? g.updated_ms));
    }
  }
  for (const f of await flagRows(store)) {
    const bit = FLAG[f.flag as FlagName];
    if (bit) facts.setFlag(facts.ensure(f.account_id), bit);
  }
  for await (const page of minorComplaintPages(store)) {
    for (const r of page)
      detectors.restore({ kind: 'complaint', from: r.from_id, to: r.to_id, eventId: r.event_id, via: r.kind }, facts, today);
  }
  for await (const page of recentContactPages(store, settings.fanOutWindowMs)) {
    state.tracker.restore(
      page.map((r) => ({ from: r.from_id, to: r.to_id, lastMs: r.last_ms, lastEventId: r.last_event_id })),
      facts,
    );
  }
  for await (const page of alertKeyPages(store)) {
    for (const r of page) {
      state.alertKeys.add(r.dedupe_key);
      detectors.restore(
        {
          kind: 'alert',
          detector: r.detector,
          subject: r.subject_account,
          category: r.category,
          severity: r.severity as Severity,
          body: r.body,
        },
        facts,
        today,
      );
    }
  }
  const lastAlert = await lastAlertId(store);
  if (lastAlert !== undefined) observeId(lastAlert);
  // Conversation state (stages, scores) from the tail of the event log: a restart must not
  // forget that an adult already asked a child's age an hour ago.
  if (config.conversations.rebuildEvents > 0) {
    for await (const page of recentMessagePages(store, config.conversations.rebuildEvents)) {
      for (const r of page)
        detectors.restore({ kind: 'message', ev: { event: JSON.parse(r.body) as WardenEvent, tsMs: Number(r.ts_ms) } }, facts, today);
    }
  }
  state.audit = createDeferredAuditChain(await auditHead(store.db));
  const media = await loadMatcherState(store.db);
  // Loaded, not changed: nothing to report to other nodes (scale-out), so not through setBank.
  state.matcher.applyChanges(media.banks.map((bank) => ({ op: 'bank' as const, bank })));
  state.matcher.loadEntries(media.entries);
  // The flood counts: 2 uploads, a restart and 2 more still reach a limit of 3.
  for (const u of await loadFloodUploads(store.db)) state.matcher.restoreUpload(u.entryId, u.uploadKey, u.tsMs);
}
