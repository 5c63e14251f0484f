import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { AppError } from '../core/app-error.js';
import { zodIssues } from '../events/validate-event.js';
import { ConfigSchema, type WardenConfig } from './config-schema.js';

/** Environment variables, each mapped onto one config path. Documented in docs/configuration.md. */
export const ENV_VARS = {
  WARDEN_DB: ['store', 'url'],
  WARDEN_SQLITE_SYNCHRONOUS: ['store', 'sqliteSynchronous'],
  WARDEN_HOST: ['server', 'host'],
  WARDEN_PORT: ['server', 'port'],
  WARDEN_LOG_LEVEL: ['log', 'level'],
  WARDEN_MAX_FUTURE_SKEW_SECONDS: ['ingest', 'maxFutureSkewSeconds'],
  WARDEN_WEBHOOK_URL: ['actions', 'webhookUrl'],
  WARDEN_WEBHOOK_SECRET: ['actions', 'webhookSecret'],
  WARDEN_POLICY_FILE: ['rules', 'policyFile'],
  WARDEN_NCMEC_ENVIRONMENT: ['reporting', 'environment'],
  WARDEN_EVIDENCE_KEYS: ['evidence', 'keys'],
  WARDEN_EVIDENCE_SIGNING_KEY: ['evidence', 'signingKey'],
  WARDEN_AUDIT_CHECKPOINT_KEY_FILE: ['audit', 'checkpointKeyFile'],
  WARDEN_AUDIT_CHECKPOINT_FILE: ['audit', 'checkpointFile'],
  WARDEN_AUDIT_CHECKPOINT_WEBHOOK_URL: ['audit', 'checkpointWebhookUrl'],
  WARDEN_NCMEC_TEST_USERNAME: ['reporting', 'testUsername'],
  WARDEN_NCMEC_TEST_PASSWORD: ['reporting', 'testPassword'],
  WARDEN_NCMEC_PRODUCTION_USERNAME: ['reporting', 'productionUsername'],
  WARDEN_NCMEC_PRODUCTION_PASSWORD: ['reporting', 'productionPassword'],
  WARDEN_NCMEC_TEST_BASE_URL: ['reporting', 'testBaseUrl'],
} as const satisfies Record<string, readonly [string, string]>;

const NUMERIC = new Set(['WARDEN_PORT', 'WARDEN_MAX_FUTURE_SKEW_SECONDS']);

export interface LoadConfigOptions {
  /** A JSON or YAML file; `WARDEN_CONFIG` names one when this is absent. */
  file?: string | undefined;
  env?: NodeJS.ProcessEnv;
  /** Command-line flags: they win over the file and the environment. */
  overrides?: Record<string, Record<string, unknown>>;
}

function setPath(target: Record<string, unknown>, [section, key]: readonly [string, string], value: unknown): void {
  const inner = (target[section] ??= {}) as Record<string, unknown>;
  inner[key] = value;
}

/** File, then environment, then flags; validated once, with every bad field named. */
export function loadConfig(opts: LoadConfigOptions = {}): WardenConfig {
  const env = opts.env ?? process.env;
  const file = opts.file ?? env.WARDEN_CONFIG;
  let raw: Record<string, unknown> = {};
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (cause) {
      throw new AppError('config_invalid', `cannot read config file ${file}`, { cause });
    }
    try {
      const parsed: unknown = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
      raw = (parsed ?? {}) as Record<string, unknown>;
    } catch (cause) {
      throw new AppError('config_invalid', `config file ${file} is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}`, { cause });
    }
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      throw new AppError('config_invalid', `config file ${file} must hold an object`);
    }
  }
  for (const [name, path] of Object.entries(ENV_VARS)) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    setPath(raw, path, NUMERIC.has(name) ? Number(value) : value);
  }
  for (const [section, values] of Object.entries(opts.overrides ?? {})) {
    for (const [key, value] of Object.entries(values)) if (value !== undefined) setPath(raw, [section, key], value);
  }
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    throw new AppError('config_invalid', `invalid configuration: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, {
      issues,
    });
  }
  return parsed.data;
}
