/**
 * `new Date(ms).toISOString()` for the simulator's many timestamps, a day at a time: the date
 * part is formatted once a day and the time of day by arithmetic. Every event the simulator makes
 * carries one, and a Date per event was a sixtieth of the driven run's main thread (measured with
 * the CPU profiler, 2026-12-06). Outside years 1970-9999 it falls back to the Date.
 */
export function createIsoClock(): (ms: number) => string {
  let day = -1;
  let prefix = '';
  return (ms) => {
    if (!(ms >= 0 && ms < 253_402_300_800_000) || !Number.isInteger(ms)) return new Date(ms).toISOString();
    const d = Math.floor(ms / 86_400_000);
    if (d !== day) {
      day = d;
      prefix = new Date(d * 86_400_000).toISOString().slice(0, 11);
    }
    let r = ms - d * 86_400_000;
    const h = Math.floor(r / 3_600_000);
    r -= h * 3_600_000;
    const m = Math.floor(r / 60_000);
    r -= m * 60_000;
    const s = Math.floor(r / 1000);
    r -= s * 1000;
    return `${prefix}${two(h)}:${two(m)}:${two(s)}.${r < 10 ? '00' : r < 100 ? '0' : ''}${r}Z`;
  };
}

const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
