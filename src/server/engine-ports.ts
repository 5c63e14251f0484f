import type { Engine } from '../engine/create-engine.js';
import type { RouteContext } from './route-context.js';

export type EnginePorts = Pick<RouteContext, 'ledger' | 'ingest' | 'matcher' | 'accountRisk' | 'stateSize'>;

/**
 * The narrow ports the routes get instead of the whole engine. Each reads `engine.state` when
 * called, never once: a reload after a storage failure replaces the state.
 */
export function enginePorts(engine: Engine): EnginePorts {
  return {
    // Plain objects, not the engine itself: a route holds only what its port names.
    ledger: {
      apply: (change) => engine.apply(change),
      audit: (entries) => engine.audit(entries),
      drain: () => engine.drain(),
      get ready() {
        return engine.ready;
      },
    },
    ingest: { ingest: (items) => engine.ingest(items), decide: (req) => engine.decide(req) },
    matcher: () => engine.state.matcher,
    accountRisk: {
      known: (accountId) => engine.state.facts.indexOf(accountId) >= 0,
      riskOf(accountId, nowMs) {
        const { detectors, facts } = engine.state;
        return detectors.get('account_risk')?.riskOf(accountId, facts, nowMs);
      },
    },
    stateSize: () => ({ accounts: engine.state.facts.accountCount, connections: engine.state.facts.edges.size }),
  };
}
