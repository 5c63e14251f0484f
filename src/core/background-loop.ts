import type { Logger } from 'pino';

export interface BackgroundLoop {
  start(): void;
  /** Runs the next round now instead of after the poll interval. */
  wake(): void;
  /** Stops after the round in progress. */
  stop(): Promise<void>;
}

/**
 * Calls `round` until it reports no work (0), then sleeps until woken or `pollMs` passes.
 * A failed round is logged and retried after the poll interval; the loop never dies of it.
 */
export function createBackgroundLoop(name: string, round: () => Promise<number>, pollMs: number, logger: Logger): BackgroundLoop {
  let running = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  return {
    start() {
      if (running) return;
      running = true;
      loop = (async () => {
        while (running) {
          let n = 0;
          try {
            n = await round();
          } catch (e) {
            logger.error({ err: e, loop: name }, 'background round failed; retrying');
          }
          if (n > 0 || !running) continue;
          if (woken) {
            woken = false;
            continue;
          }
          await new Promise<void>((resolve) => {
            const t = setTimeout(resolve, pollMs);
            wakeUp = () => {
              clearTimeout(t);
              resolve();
            };
          });
          wakeUp = undefined;
          woken = false;
        }
      })();
    },
    wake() {
      woken = true;
      wakeUp?.();
    },
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}
