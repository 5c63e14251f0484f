/**
 * How many password checks the whole console may start, as a token bucket: `perSecond`
 * refill, `burst` at most in hand. The per-address and per-account limits stop one guesser;
 * a flood from many addresses passes them all, and each of its tries costs a memory-hard
 * scrypt (32 MiB, tens of milliseconds of a core) that competes with the inline gate on a
 * small machine. This caps that cost for the server as a whole: past it, sign-in answers
 * 503 with a wait, and the gate keeps its speed. Reviewers sign in a few times a day, so a
 * budget of one check every two seconds, five at once, is far above what a team uses.
 *
 * Written by hand: @fastify/rate-limit counts per key in fixed windows; this is one global
 * budget with a smooth refill, a few lines with no key space to bound.
 */
export interface SignInBudget {
  /** Takes one check; 0 when allowed, otherwise the whole seconds until one is free. */
  take(nowMs: number): number;
}

export function createSignInBudget(perSecond: number, burst: number): SignInBudget {
  let tokens = burst;
  let lastMs: number | undefined;
  return {
    take(nowMs) {
      if (lastMs !== undefined && nowMs > lastMs) tokens = Math.min(burst, tokens + ((nowMs - lastMs) / 1000) * perSecond);
      lastMs = Math.max(lastMs ?? nowMs, nowMs);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - tokens) / perSecond));
    },
  };
}
