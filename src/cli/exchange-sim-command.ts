import { Command, InvalidArgumentError } from 'commander';
import { EXCHANGE_KINDS, type ExchangeKind } from '../exchanges/exchange.js';
import { hexOf } from '../exchanges/exchange-examples.js';
import type { ExchangeSim } from '../exchanges/exchange-sim.js';
import { createNcmecHashSim } from '../exchanges/ncmec/hash-sim.js';
import { createStopNciiSim } from '../exchanges/stopncii/stopncii-sim.js';
import { createThreatExchangeSim } from '../exchanges/threatexchange/threatexchange-sim.js';

const kindOf = (v: string): ExchangeKind => {
  if (!(EXCHANGE_KINDS as readonly string[]).includes(v)) throw new InvalidArgumentError(`expected one of ${EXCHANGE_KINDS.join(', ')}`);
  return v as ExchangeKind;
};
const count = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new InvalidArgumentError('expected a whole number from 0 to 1000000');
  return n;
};

/** `warden exchange-sim`: a hash exchange (NCMEC hash sharing, StopNCII, ThreatExchange), locally, for tests, demos and integration work. */
export function exchangeSimCommand(): Command {
  return new Command('exchange-sim')
    .description(
      'a local hash exchange: NCMEC hash sharing API v2, StopNCII or a ThreatExchange privacy group; add entries with POST /_sim/entries, inject failures (http500, timeout, reset) with POST /_sim/failures, read feedback at GET /_sim/feedback',
    )
    .requiredOption('--kind <kind>', `${EXCHANGE_KINDS.join(' | ')}`, kindOf)
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port', (v) => Number(v), 8091)
    .option('--page-size <n>', 'entries a page', count, 1000)
    .option('--seed <n>', 'synthetic image entries to start with (hex that is no real hash)', count, 0)
    .action(async (flags: { kind: ExchangeKind; host: string; port: number; pageSize: number; seed: number }) => {
      // SECURITY: the secret it accepts comes from the environment, never the command line.
      const secret = process.env.WARDEN_EXCHANGE_SIM_SECRET ?? 'sim-secret';
      const where = { host: flags.host, port: flags.port, pageSize: flags.pageSize };
      let sim: ExchangeSim;
      let hint: string;
      if (flags.kind === 'ncmec') {
        sim = await createNcmecHashSim({ ...where, username: 'esp', password: secret });
        hint = 'kind: ncmec, username: esp, passwordEnv naming a variable that holds the secret';
      } else if (flags.kind === 'stopncii') {
        sim = await createStopNciiSim({ ...where, subscriptionKey: secret, functionKey: secret });
        hint = 'kind: stopncii, subscriptionKeyEnv and functionKeyEnv naming variables that hold the secret';
      } else {
        sim = await createThreatExchangeSim({ ...where, accessToken: secret, privacyGroup: '1' });
        hint = 'kind: threatexchange, privacyGroup: "1", accessTokenEnv naming a variable that holds the secret';
      }
      const now = Date.now() - 60_000;
      for (let n = 0; n < flags.seed; n++)
        sim.put({
          id: flags.kind === 'ncmec' ? `1/seed-${n}` : String(1_000_000 + n),
          kind: 'image',
          tsMs: Math.floor((now - (flags.seed - n) * 1000) / 1000) * 1000,
          deleted: false,
          fingerprints:
            flags.kind === 'ncmec'
              ? [
                  { sourceType: 'MD5', value: hexOf(n, 32, 1) },
                  { sourceType: 'PDQ', value: hexOf(n, 64, 3) },
                ]
              : [{ sourceType: flags.kind === 'stopncii' ? 'ImagePDQ' : 'HASH_PDQ', value: hexOf(n, 64, 3) }],
        });
      process.stderr.write(`exchange-sim (${flags.kind}) listening on ${sim.baseUrl}\n`);
      process.stderr.write(`point a source at it: baseUrl: ${sim.baseUrl}, ${hint} (WARDEN_EXCHANGE_SIM_SECRET or "sim-secret")\n`);
      await new Promise<void>((resolve) => {
        const stop = () => void sim.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
