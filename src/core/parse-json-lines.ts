import type { z } from 'zod';

/** One bad line of a JSON Lines file: its 1-based number, the field (a dotted path, or `(line)`) and why. */
export interface JsonLineError {
  line: number;
  field: string;
  reason: string;
}

/**
 * Parses JSON Lines against a schema, one object a line. A bad line never sinks the file: it
 * is reported by number and field (every issue zod finds, so a platform fixes a line once)
 * and skipped. Blank lines are allowed. With `keyOf`, a second line with the same key is an
 * error on that key's field (`keyField`), and the first one is kept.
 */
export function parseJsonLines<S extends z.ZodType>(
  text: string,
  schema: S,
  unique?: { keyOf: (row: z.output<S>) => string; keyField: string },
): { rows: z.output<S>[]; errors: JsonLineError[] } {
  const rows: z.output<S>[] = [];
  const errors: JsonLineError[] = [];
  const seen = new Set<string>();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (e) {
      errors.push({ line: i + 1, field: '(line)', reason: `not JSON: ${(e as Error).message}` });
      return;
    }
    const r = schema.safeParse(json);
    if (!r.success) {
      for (const issue of r.error.issues)
        errors.push({ line: i + 1, field: issue.path.map(String).join('.') || '(line)', reason: issue.message });
      return;
    }
    if (unique) {
      const key = unique.keyOf(r.data);
      if (seen.has(key)) {
        errors.push({ line: i + 1, field: unique.keyField, reason: `${key} appears twice` });
        return;
      }
      seen.add(key);
    }
    rows.push(r.data);
  });
  return { rows, errors };
}
