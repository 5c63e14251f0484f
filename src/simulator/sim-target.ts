/** What the simulator needs of Warden: the protocol's doors, as a platform uses them (docs/protocol.md). */
export interface SimDecision {
  decision: 'allow' | 'warn' | 'block';
  reasons: readonly { code: string }[];
}

/** One action Warden sent to the platform's webhook (README: "Webhooks"): the fields the platform acts on. */
export interface ActionNotice {
  type: string;
  accountId: string;
}

export interface SimTarget {
  /** 'in-process', or the base URL. */
  readonly name: string;
  /** POST /v1/events, at most 1,000 events a call over HTTP. */
  send(events: readonly object[]): Promise<{ accepted: number; rejected: number; alerts: number }>;
  /** POST /v1/decisions. */
  decide(req: { action: 'message' | 'connect'; actor: string; target: string }): SimDecision | Promise<SimDecision>;
  /** PUT /v1/admin/decoys/{id}: false when this Warden has no decoy API (a 404). */
  markDecoy(accountId: string, label: string): Promise<boolean>;
  /**
   * The webhooks received since the last call. In process it first lets the rule runner and
   * the outbox catch up with what was sent, so a seed gives the same run every time.
   */
  settle(): Promise<ActionNotice[]>;
  close(): Promise<void>;
}
