import type { Command } from 'commander';
import { loadConfig } from '../config/load-config.js';
import type { WardenConfig } from '../config/config-schema.js';

export interface CommonFlags {
  config?: string;
  db?: string;
  logLevel?: string;
}

export function withCommon(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'a JSON or YAML config file (or set WARDEN_CONFIG)')
    .option('--db <location>', 'SQLite file, :memory:, or postgres:// URL (default ./warden.db, or WARDEN_DB)')
    .option('--log-level <level>', 'fatal, error, warn, info, debug, trace or silent');
}

export function configFrom(flags: CommonFlags, extra: Record<string, Record<string, unknown>> = {}): WardenConfig {
  return loadConfig({
    file: flags.config,
    overrides: { store: { url: flags.db }, log: { level: flags.logLevel }, ...extra },
  });
}
