/**
 * SECURITY: known-abuse-image material is for the `child_safety` role (and admins) only. One
 * predicate, used wherever alerts, cases, account context or actions are shown: alert list and
 * get, cases and queues, an account's context and risk reasons, the actions list. Without it
 * the material is not there at all (an empty page, a 404), never "forbidden": its existence
 * is not disclosed either.
 */

/**
 * Alert categories whose details are restricted: known images (bank, entry, media, distance)
 * and decoy contacts (issue 19), whose alerts name a decoy account; a decoy that staff outside
 * child safety could spot would soon be known to offenders too.
 */
export const RESTRICTED_CATEGORIES: ReadonlySet<string> = new Set(['csam_hash_match', 'decoy_contact']);

/** Whether someone holding `roles` may see restricted material. */
export const mayViewRestricted = (roles: readonly string[]) => roles.includes('child_safety') || roles.includes('admin');
