import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { MODES, type ExposureReport, type Mode } from './exposure-report.js';
import { createHttpTarget } from './http-target.js';
import { createInProcessTarget } from './in-process-target.js';
import { loadPhraseBank } from './phrase-bank.js';
import { runSimulation } from './run-simulation.js';
import type { SimTarget } from './sim-target.js';

/** `warden simulate`'s options, checked at the edge: each error names the flag and the reason. */
export const SimulateOptionsSchema = z.strictObject({
  accounts: z.coerce.number().int().min(100).max(5_000_000),
  days: z.coerce.number().positive().max(365),
  seed: z.coerce
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1),
  modes: z.array(z.enum(MODES)).min(1).max(3),
  target: z.url({ protocol: /^https?$/ }).optional(),
  key: z.string().min(1).optional(),
  webhookPort: z.coerce.number().int().min(0).max(65535).optional(),
  webhookSecret: z.string().min(16).optional(),
  start: z.iso.datetime({ offset: true }).optional(),
  phrases: z.string().min(1).optional(),
  tickMinutes: z.coerce.number().int().min(1).max(1440).default(5),
  groups: z.boolean().default(false),
});
export type SimulateOptions = z.output<typeof SimulateOptionsSchema>;

export function parseSimulateOptions(raw: unknown): SimulateOptions {
  const r = SimulateOptionsSchema.safeParse(raw);
  if (!r.success) {
    const flag = (k: string) => (k === 'modes' ? 'mode' : k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`));
    const issues = r.error.issues.map((i) => ({ field: `--${flag(String(i.path[0] ?? '(options)'))}`, reason: i.message }));
    throw new AppError('invalid_input', `invalid options: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, { issues });
  }
  if (r.data.target && !r.data.key) {
    throw new AppError('invalid_input', '--target needs an API key', {
      issues: [{ field: '--key', reason: 'is required with --target (or set WARDEN_API_KEY)' }],
    });
  }
  return r.data;
}

/** The default start: midnight UTC, far enough back that the whole run lies before Warden's clock. */
export function defaultStart(days: number, nowMs = Date.now()): number {
  return Math.floor(nowMs / 86_400_000) * 86_400_000 - Math.ceil(days + 1) * 86_400_000;
}

/**
 * Runs the same seed once per mode, each against a fresh in-process Warden (or the one at
 * --target, with ids prefixed per run so runs do not collide), and returns the reports side by side.
 */
export async function simulate(
  opts: SimulateOptions,
  onTarget?: (t: SimTarget & { webhookUrl?: string }) => void,
): Promise<ExposureReport[]> {
  const phrases = loadPhraseBank(opts.phrases);
  const startMs = opts.start ? Date.parse(opts.start) : defaultStart(opts.days);
  const reports: ExposureReport[] = [];
  for (const mode of opts.modes) {
    let target: SimTarget | undefined;
    if (mode !== 'off') {
      target = opts.target
        ? await createHttpTarget({ url: opts.target, key: opts.key!, webhookPort: opts.webhookPort, webhookSecret: opts.webhookSecret })
        : await createInProcessTarget();
      onTarget?.(target);
    }
    try {
      const prefix = opts.target ? `sim${opts.seed}${mode[0]}${Date.now().toString(36)}_` : '';
      reports.push(
        await runSimulation({
          mode: mode as Mode,
          accounts: opts.accounts,
          days: opts.days,
          seed: opts.seed,
          phrases,
          target,
          startMs,
          tickMinutes: opts.tickMinutes,
          groups: opts.groups,
          prefix,
        }),
      );
    } finally {
      await target?.close();
    }
  }
  return reports;
}
