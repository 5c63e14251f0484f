import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { AppError } from '../core/app-error.js';
import { createNcmecSimulator } from '../reporting/ncmec/simulator.js';

/** `warden ncmec-sim`: NCMEC's Reporting API, locally, for tests, demos and integration work. */
export function ncmecSimCommand(): Command {
  return new Command('ncmec-sim')
    .description(
      "a local CyberTipline Reporting API: NCMEC's endpoints, responses and codes, validating XML against the schema file you give it; inject failures with POST /_sim/failures",
    )
    .requiredOption('--schema <xsd>', "NCMEC's cyber_tipline.xsd (fetch yours from {base}/xsd with your credentials)")
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port', (v) => Number(v), 8090)
    .option('--username <user>', 'HTTP Basic user it accepts', 'esp')
    .action(async (flags: { schema: string; host: string; port: number; username: string }) => {
      let schema: string;
      try {
        schema = readFileSync(flags.schema, 'utf8');
      } catch {
        throw new AppError('not_found', `cannot read the schema ${flags.schema}`);
      }
      // SECURITY: the password comes from the environment, never the command line.
      const password = process.env.WARDEN_NCMEC_SIM_PASSWORD ?? 'sim-password';
      const sim = await createNcmecSimulator({ schema, username: flags.username, password });
      const address = await sim.app.listen({ host: flags.host, port: flags.port });
      process.stderr.write(
        `ncmec-sim listening on ${address} (user ${flags.username}; password from WARDEN_NCMEC_SIM_PASSWORD or "sim-password")\n`,
      );
      process.stderr.write(
        `point Warden at it: WARDEN_NCMEC_TEST_BASE_URL=${address} WARDEN_NCMEC_TEST_USERNAME=${flags.username} WARDEN_NCMEC_TEST_PASSWORD=…\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => void sim.close().then(resolve);
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
