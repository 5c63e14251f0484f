import type { Exchange } from './exchange.js';
import type { ExchangeSourceConfig } from './exchange-config.js';
import { createNcmecExchange } from './ncmec/ncmec-exchange.js';
import { createStopNciiExchange } from './stopncii/stopncii-exchange.js';
import { createThreatExchangeExchange } from './threatexchange/threatexchange-exchange.js';

/**
 * The Exchange a configured source describes, its secrets read from the environment; or the
 * reason it cannot be built (a missing secret), which its state shows instead of a crash.
 * SECURITY: secrets come only from the variables the config names, and the reason names the
 * variable, never a value.
 */
export function buildExchange(
  c: ExchangeSourceConfig,
  env: NodeJS.ProcessEnv,
): { ok: true; exchange: Exchange } | { ok: false; reason: string } {
  const secret = (name: string) => env[name];
  const missing = (name: string) => ({ ok: false as const, reason: `the environment variable ${name} is not set` });
  switch (c.kind) {
    case 'ncmec': {
      const password = secret(c.passwordEnv);
      if (!password) return missing(c.passwordEnv);
      return { ok: true, exchange: createNcmecExchange({ ...c, password }) };
    }
    case 'stopncii': {
      const subscriptionKey = secret(c.subscriptionKeyEnv);
      const functionKey = secret(c.functionKeyEnv);
      if (!subscriptionKey) return missing(c.subscriptionKeyEnv);
      if (!functionKey) return missing(c.functionKeyEnv);
      return { ok: true, exchange: createStopNciiExchange({ ...c, subscriptionKey, functionKey }) };
    }
    case 'threatexchange': {
      const accessToken = secret(c.accessTokenEnv);
      if (!accessToken) return missing(c.accessTokenEnv);
      return { ok: true, exchange: createThreatExchangeExchange({ ...c, accessToken }) };
    }
  }
}
