/**
 * The Wilson score interval for a proportion (k of n), 95% by default. Used for per-family
 * rates because families are small (20–100 conversations) and the normal approximation
 * gives intervals below 0 or above 1 exactly where it matters (a rate of 0 or 1).
 */
export function wilson(k: number, n: number, z = 1.959964): { low: number; high: number } {
  if (n <= 0) return { low: 0, high: 1 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}
