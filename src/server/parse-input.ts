import type { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { zodIssues } from '../events/validate-event.js';

/** zod at the edge: the value, or `invalid_input` naming every bad field. */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, what: string): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const issues = zodIssues(r.error).map((i) => (i.field === '(event)' ? { ...i, field: `(${what})` } : i));
    throw new AppError('invalid_input', `invalid ${what}: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, { issues });
  }
  return r.data;
}
