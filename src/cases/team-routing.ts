import type { WardenConfig } from '../config/config-schema.js';

export interface TeamView {
  /** The teams the reviewer belongs to; empty: no routing applies to them. */
  teams: string[];
  /** The queues routed only to other teams: left out of the reviewer's queue. */
  excludeQueues: string[];
}

/**
 * Routing of queues to teams (config `cases.teams`). A reviewer in at least one team works
 * their teams' queues and every queue routed to no team, so that no case waits unseen. A
 * reviewer in no team sees every queue. Routing decides what is offered, never what may be
 * opened: the role rules (known-image cases, decoys) apply on top, in every list.
 */
export function teamView(config: WardenConfig, username: string): TeamView {
  const teams = Object.entries(config.cases.teams);
  const mine = teams.filter(([, t]) => t.members.includes(username));
  if (mine.length === 0) return { teams: [], excludeQueues: [] };
  const own = new Set(mine.flatMap(([, t]) => t.queues));
  const others = new Set(teams.flatMap(([, t]) => t.queues).filter((q) => !own.has(q)));
  return { teams: mine.map(([name]) => name), excludeQueues: [...others].sort() };
}

/** The team a queue is routed to, for display; undefined: none. */
export function teamsOfQueue(config: WardenConfig, queue: string): string[] {
  return Object.entries(config.cases.teams)
    .filter(([, t]) => t.queues.includes(queue))
    .map(([name]) => name);
}
