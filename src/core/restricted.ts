/**
 * SECURITY: known-abuse-image material is for the `child_safety` role (and admins) only. One
 * predicate, used wherever alerts, cases, account context or actions are shown: alert list and
 * get, cases and queues, an account's context and risk reasons, the actions list. Without it
 * the material is not there at all (an empty page, a 404), never "forbidden": its existence
 * is not disclosed either.
 */

/** Alert categories whose details (bank, entry, media, distance) are restricted. */
export const RESTRICTED_CATEGORIES: ReadonlySet<string> = new Set(['csam_hash_match']);

/** Whether someone holding `roles` may see restricted material. */
export const mayViewRestricted = (roles: readonly string[]) => roles.includes('child_safety') || roles.includes('admin');
