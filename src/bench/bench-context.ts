import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** What every `npm run bench` section shares: its size, where it writes, and how it reports. */
export interface BenchContext {
  quick: boolean;
  benchDir: string;
  results: Record<string, unknown>;
  say(line: string): void;
  fmt(n: number): string;
  /** Runs a bench script of this folder in its own Node process and returns the JSON it prints. */
  child(script: string, args: string[]): unknown;
}

export function createBenchContext(quick: boolean, benchDir: string, results: Record<string, unknown>): BenchContext {
  return {
    quick,
    benchDir,
    results,
    say: (s) => process.stdout.write(s + '\n'),
    fmt: (n) => Math.round(n).toLocaleString('en-US'),
    child(script, args) {
      // A child process per section: one section's heap and JIT state never colour another's figures.
      const r = spawnSync(process.execPath, ['--max-semi-space-size=128', fileURLToPath(new URL(script, import.meta.url)), ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
      });
      if (r.status !== 0) throw new Error(`${script} failed: ${r.stderr}`);
      return JSON.parse(r.stdout);
    },
  };
}
