import { createHmac } from 'node:crypto';

/**
 * `Warden-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. The
 * timestamp is signed with the body, so a captured request cannot be replayed later than
 * the receiver's tolerance, and `Warden-Delivery` (the action id) lets it drop a replay
 * within that window. The reference verifier is in the README (tested from there).
 */
export function signWebhook(secret: string, timestampSec: number, rawBody: string): string {
  const mac = createHmac('sha256', secret).update(`${timestampSec}.${rawBody}`).digest('hex');
  return `t=${timestampSec},v1=${mac}`;
}
