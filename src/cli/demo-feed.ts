import { exposureTable } from '../simulator/exposure-report.js';
import { createHttpTarget } from '../simulator/http-target.js';
import { loadPhraseBank } from '../simulator/phrase-bank.js';
import { runSimulation } from '../simulator/run-simulation.js';
import { defaultStart } from '../simulator/simulate.js';
import type { WebhookInbox } from '../simulator/webhook-inbox.js';

/**
 * The demo's live feed: a small synthetic platform (issue 19's simulator) driving the demo's
 * Warden over HTTP, slowed so that a newcomer watching the console sees cases arrive. Two
 * simulated days at 5-minute steps, one step every PACE_MS: about a minute in all.
 */
const ACCOUNTS = 3000;
const DAYS = 2;
const PACE_MS = 50;

export interface DemoFeed {
  /** Stops at the next step; resolves once the feed has stopped. */
  stop(): Promise<void>;
}

export async function startDemoFeed(opts: { url: string; key: string; inbox: WebhookInbox; say: (s: string) => void }): Promise<DemoFeed> {
  const target = await createHttpTarget({ url: opts.url, key: opts.key, inbox: opts.inbox });
  let stopping = false;
  const run = runSimulation({
    mode: 'live',
    accounts: ACCOUNTS,
    days: DAYS,
    seed: 1,
    phrases: loadPhraseBank(),
    target,
    startMs: defaultStart(DAYS),
    // The demo's alerts name the groups an adult and a child share (a school, a club, a guild).
    groups: true,
    pace: async () => {
      await new Promise((r) => setTimeout(r, PACE_MS));
      return !stopping;
    },
  }).then(
    (report) => {
      if (stopping) return;
      opts.say('');
      opts.say('The simulated platform has finished its two days; what Warden did for its children:');
      opts.say(exposureTable([report]));
      opts.say('Ctrl-C stops the demo.');
    },
    // A feed cut short by shutdown fails its last request; that is the end it was asked for.
    (e: unknown) => {
      if (!stopping) opts.say(`The simulated platform stopped: ${String(e)}`);
    },
  );
  return {
    async stop() {
      stopping = true;
      await run;
      await target.close();
    },
  };
}
