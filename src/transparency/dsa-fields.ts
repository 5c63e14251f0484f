import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';

/** The DSA Transparency Database's statement fields, as data (data/dsa-sor-fields.json names its sources). */
export const DSA_FIELDS_PATH = new URL('../../data/dsa-sor-fields.json', import.meta.url);

const FieldSchema = z.strictObject({
  type: z.enum(['enum', 'enum[]', 'string', 'string[]', 'date', 'url']),
  required: z.boolean().optional(),
  nullable: z.boolean().optional(),
  values: z.array(z.string()).optional(),
  valuesFrom: z.string().optional(),
  valuesNote: z.string().optional(),
  maxLength: z.number().int().positive().optional(),
  format: z.literal('YYYY-MM-DD').optional(),
  min: z.string().optional(),
  max: z.string().optional(),
  requiredWhen: z.strictObject({ field: z.string(), equals: z.string().optional(), includes: z.string().optional() }).optional(),
});
export const DsaFieldsSchema = z.strictObject({
  about: z.string(),
  sources: z.array(z.url()).min(1),
  retrieved: z.string(),
  oneOfRequired: z.array(z.string()),
  fields: z.record(z.string(), FieldSchema),
});
export type DsaFields = z.infer<typeof DsaFieldsSchema>;

let cached: DsaFields | undefined;
/** Loaded and validated once: a broken data file fails loudly, naming the field. */
export function dsaFields(): DsaFields {
  if (cached) return cached;
  const r = DsaFieldsSchema.safeParse(JSON.parse(readFileSync(DSA_FIELDS_PATH, 'utf8')));
  if (!r.success)
    throw new AppError(
      'config_invalid',
      `data/dsa-sor-fields.json: ${r.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  cached = r.data;
  return cached;
}

export interface FieldIssue {
  field: string;
  reason: string;
}

/** Checks one statement against the field list: unknown fields, required ones, allowed values, lengths, dates, conditions. */
export function validateStatement(st: Record<string, unknown>, spec: DsaFields = dsaFields()): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const present = (k: string) => st[k] !== undefined && st[k] !== null;
  for (const k of Object.keys(st)) if (!spec.fields[k]) issues.push({ field: k, reason: 'is not a field of a statement of reasons' });
  if (!spec.oneOfRequired.some(present)) issues.push({ field: spec.oneOfRequired.join('|'), reason: 'one of these is required' });
  for (const [name, f] of Object.entries(spec.fields)) {
    const v = st[name];
    const cond = f.requiredWhen;
    const condHolds =
      cond &&
      ((cond.equals !== undefined && st[cond.field] === cond.equals) ||
        (cond.includes !== undefined && Array.isArray(st[cond.field]) && (st[cond.field] as unknown[]).includes(cond.includes)));
    if (v === undefined || v === null) {
      if (f.required || condHolds) issues.push({ field: name, reason: 'is required' });
      continue;
    }
    const values = f.values ?? (f.valuesFrom ? spec.fields[f.valuesFrom]?.values : undefined);
    const checkOne = (x: unknown, where: string) => {
      if (typeof x !== 'string') return issues.push({ field: where, reason: 'must be a string' });
      if (values && !values.includes(x)) return issues.push({ field: where, reason: `is not one of the allowed values (${x})` });
      if (f.maxLength && x.length > f.maxLength) return issues.push({ field: where, reason: `is longer than ${f.maxLength} characters` });
      if (f.type === 'date') {
        if (!/^\d{4}-\d{2}-\d{2}$/.test(x) || Number.isNaN(Date.parse(x)))
          return issues.push({ field: where, reason: 'must be a YYYY-MM-DD date' });
        if ((f.min && x < f.min) || (f.max && x > f.max))
          return issues.push({ field: where, reason: `must be between ${f.min} and ${f.max}` });
      }
      if (f.type === 'url' && !URL.canParse(x)) return issues.push({ field: where, reason: 'must be a URL' });
      return 0;
    };
    if (f.type.endsWith('[]')) {
      if (!Array.isArray(v) || v.length === 0) issues.push({ field: name, reason: 'must be a non-empty array' });
      else v.forEach((x, i) => checkOne(x, `${name}[${i}]`));
    } else checkOne(v, name);
  }
  return issues;
}
