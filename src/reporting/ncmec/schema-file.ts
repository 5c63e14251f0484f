import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../core/app-error.js';

/**
 * Where NCMEC's CyberTipline schema (cyber_tipline.xsd) is, for the tests that validate
 * against it, the demo and the bench. NCMEC hands the schema to registered providers
 * (`GET {base}/xsd` with credentials), so Warden never ships it or keeps it in the
 * repository: this one setting points at a copy the developer holds (docs/configuration.md).
 */
export const NCMEC_XSD_ENV = 'WARDEN_NCMEC_XSD';

// Blank counts as unset, so `WARDEN_NCMEC_XSD= npm test` turns the schema off.
const SettingSchema = z
  .string()
  .trim()
  .optional()
  .transform((s) => (s ? s : undefined));

export interface NcmecSchemaFile {
  path: string;
  text: string;
}

/**
 * The schema the environment names, read; `undefined` when the setting is unset. A set but
 * unreadable path is an error, not a skip: the developer asked for validation.
 */
export function ncmecSchemaFile(env: NodeJS.ProcessEnv = process.env): NcmecSchemaFile | undefined {
  const parsed = SettingSchema.safeParse(env[NCMEC_XSD_ENV]);
  if (!parsed.success || parsed.data === undefined) return undefined;
  const path = resolve(parsed.data);
  try {
    return { path, text: readFileSync(path, 'utf8') };
  } catch (cause) {
    throw new AppError('config_invalid', `${NCMEC_XSD_ENV}: cannot read NCMEC's schema at ${path}`, {
      issues: [{ field: NCMEC_XSD_ENV, reason: 'the file cannot be read' }],
      cause,
    });
  }
}

/** Why schema checks are skipped, in one sentence for test output and the demo. */
export const NCMEC_XSD_UNSET = `${NCMEC_XSD_ENV} is not set: NCMEC's cyber_tipline.xsd is handed to registered providers and never kept in the repository; point ${NCMEC_XSD_ENV} at your copy to run the checks against it`;
