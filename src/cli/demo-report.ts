import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createNcmecSimulator, type NcmecSimulator } from '../reporting/ncmec/simulator.js';

/** NCMEC's schema, where this checkout has the shared test data beside it; never shipped. */
export const DEMO_XSD = fileURLToPath(new URL('../../../shared/testdata/cybertipline/cyber_tipline.xsd', import.meta.url));

export interface DemoReporting {
  sim: NcmecSimulator | undefined;
  overrides: Record<string, Record<string, unknown>>;
}

/**
 * For the demo: a local CyberTipline simulator (when the schema is at hand) and throw-away
 * evidence keys, so a confirmed case can be reported and preserved end to end.
 */
export async function demoReporting(): Promise<DemoReporting> {
  const evidence = { keys: `demo:${randomBytes(32).toString('base64')}` };
  if (!existsSync(DEMO_XSD)) return { sim: undefined, overrides: { evidence } };
  const password = randomBytes(12).toString('base64url');
  const sim = await createNcmecSimulator({ schema: readFileSync(DEMO_XSD, 'utf8'), username: 'demo-esp', password });
  await sim.app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(sim.app.server.address() as AddressInfo).port}`;
  return {
    sim,
    overrides: {
      evidence,
      reporting: { platform: 'Demo Social', reporterEmail: 'cybertip@demo.example', testBaseUrl: url, testUsername: 'demo-esp', testPassword: password, environment: 'test' },
    },
  };
}
