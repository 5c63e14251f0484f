/**
 * The queue a case sits in: the category of its most urgent alert so far. Shared by the live
 * case service and the backtest, so `warden rules test` shows the queue a live run would.
 */
// `decoy_contact` has its own queue, ahead of the rest: it is restricted, and an adult caught
// by a decoy is reviewed by the child-safety team whatever else they did.
const QUEUE_RANK = ['csam_hash_match', 'decoy_contact', 'sextortion', 'grooming', 'solicitation', 'suspicious_adult', 'unwanted_contact'];

export const moreUrgentQueue = (a: string, b: string): string =>
  QUEUE_RANK.indexOf(b) >= 0 && (QUEUE_RANK.indexOf(a) < 0 || QUEUE_RANK.indexOf(b) < QUEUE_RANK.indexOf(a)) ? b : a;
