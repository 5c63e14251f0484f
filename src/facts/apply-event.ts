import { ASSURANCE, BAND, isMinorCode, packIsoDate } from '../core/age-band.js';
import type { ValidEvent } from '../events/validate-event.js';
import type { FactRows } from './fact-rows.js';
import { dayOf, EDGE, isMutualKind, REQUESTED_BIT, type Facts } from './facts.js';

/**
 * Folds one accepted event into the facts and queues the rows that make the change
 * durable. Runs before detectors, so they see the world as it is after the event.
 */
export function applyEvent(facts: Facts, ev: ValidEvent, datePacked: number, out: FactRows): void {
  const { event, tsMs } = ev;
  switch (event.type) {
    case 'account.upserted': {
      const a = event.account;
      const idx = facts.ensure(a.id);
      // Recorded even when an older upsert loses on the other fields: a sighting is a fact of its own.
      a.ipCaptureEvents?.forEach((ip, i) =>
        out.ipEvents.push({
          accountId: a.id,
          eventId: ev.event.id,
          n: i,
          tsMs: ip.at !== undefined ? Date.parse(ip.at) : tsMs,
          ipAddress: ip.ipAddress,
          event: ip.event ?? null,
          port: ip.port ?? null,
          possibleProxy: ip.possibleProxy === undefined ? null : ip.possibleProxy ? 1 : 0,
        }),
      );
      // Kept both ways, so a case about either account shows the other; a self-link means nothing.
      for (const l of a.linkedAccounts ?? []) {
        if (l.id === a.id) continue;
        const reason = l.reason ?? null;
        out.accountLinks.push({ accountId: a.id, linkedId: l.id, reason, tsMs, eventId: ev.event.id });
        out.accountLinks.push({ accountId: l.id, linkedId: a.id, reason, tsMs, eventId: ev.event.id });
      }
      const applied = facts.updateAccount(
        idx,
        {
          band: a.ageBand !== undefined ? BAND[a.ageBand] : undefined,
          birthPacked: a.birthDate !== undefined ? packIsoDate(a.birthDate) : undefined,
          assurance: a.ageAssurance !== undefined ? ASSURANCE[a.ageAssurance] : undefined,
          createdDay: a.createdAt !== undefined ? dayOf(Date.parse(a.createdAt)) : undefined,
        },
        tsMs,
      );
      if (!applied) return;
      out.accounts.push({
        id: a.id,
        ageBand: a.ageBand ?? null,
        birthDate: a.birthDate ?? null,
        ageAssurance: a.ageAssurance ?? null,
        createdAtMs: a.createdAt !== undefined ? Date.parse(a.createdAt) : null,
        handle: a.handle ?? null,
        displayName: a.displayName ?? null,
        country: a.country ?? null,
        isPrivate: a.isPrivate === undefined ? null : a.isPrivate ? 1 : 0,
        updatedMs: tsMs,
      });
      return;
    }
    case 'connection.requested':
    case 'connection.created':
    case 'connection.removed': {
      const from = facts.ensure(event.from);
      const to = facts.ensure(event.to);
      const edges = facts.edges;
      // Out-of-order delivery: a change older than the last one applied to the pair is kept
      // in the event log but does not roll the graph back.
      if (tsMs < edges.timeOf(from, to)) return;
      const kindBit = EDGE[event.kind];
      const reqBit = REQUESTED_BIT[event.kind];
      const apply = (f: number, t: number) => {
        const bits = edges.get(f, t);
        if (event.type === 'connection.requested') edges.put(f, t, bits | reqBit, tsMs);
        else if (event.type === 'connection.created') edges.put(f, t, (bits | kindBit) & ~reqBit, tsMs);
        else edges.put(f, t, bits & ~kindBit & ~reqBit, tsMs);
      };
      apply(from, to);
      // spec: "`friend` is mutual" (and so is the `family` extension): once created (or removed) it holds in both directions.
      if (isMutualKind(event.kind) && event.type !== 'connection.requested') apply(to, from);
      const state = event.type === 'connection.requested' ? 'requested' : event.type === 'connection.created' ? 'active' : 'removed';
      out.connections.push({
        from: event.from,
        to: event.to,
        kind: event.kind,
        state,
        updatedMs: tsMs,
        requestedMs: state === 'requested' ? tsMs : undefined,
      });
      return;
    }
    case 'block.created': {
      const from = facts.ensure(event.from);
      const to = facts.ensure(event.to);
      // Blocks keep the pair's connection time: they must not make an older, late connection event look stale.
      facts.edges.put(from, to, facts.edges.get(from, to) | EDGE.block, facts.edges.timeOf(from, to));
      out.blocks.push({
        from: event.from,
        to: event.to,
        tsMs,
        byMinor: isMinorCode(facts.bandAt(from, datePacked)),
        eventId: event.id,
      });
      return;
    }
    case 'report.filed': {
      const r = event.report;
      const reporter = facts.ensure(r.reporter);
      facts.ensure(r.subject.accountId);
      out.reports.push({
        id: r.id,
        reporter: r.reporter,
        subjectAccount: r.subject.accountId,
        subjectMessage: r.subject.messageId ?? null,
        subjectMedia: r.subject.mediaId ?? null,
        reason: r.reason,
        tsMs,
        byMinor: isMinorCode(facts.bandAt(reporter, datePacked)),
        eventId: event.id,
      });
      return;
    }
    case 'message.sent': {
      // Accounts named only in messages are accepted (spec: an account may be upserted later).
      facts.ensure(event.message.from);
      for (const to of event.message.to) facts.ensure(to);
      return;
    }
    case 'media.uploaded':
      facts.ensure(event.media.owner);
      return;
    case 'search.performed':
      facts.ensure(event.actor);
      return;
    case 'group.joined':
    case 'group.left': {
      const idx = facts.ensure(event.member);
      const joined = event.type === 'group.joined';
      const applied = joined
        ? facts.groups.join(event.group.id, event.group.kind ?? 'other', idx, tsMs)
        : facts.groups.leave(event.group.id, idx, tsMs);
      // Out of order: kept in the event log, but an older change does not undo a newer one.
      if (!applied) return;
      out.groupMembers.push({
        groupId: event.group.id,
        accountId: event.member,
        kind: event.group.kind ?? null,
        role: joined ? (event.role ?? null) : null,
        state: joined ? 'joined' : 'left',
        joinedMs: joined ? tsMs : null,
        updatedMs: tsMs,
        eventId: event.id,
      });
      return;
    }
  }
}
