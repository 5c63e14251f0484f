import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ncmecSchemaFile } from '../reporting/ncmec/schema-file.js';
import { createNcmecSimulator, type NcmecSimulator } from '../reporting/ncmec/simulator.js';

export interface DemoReporting {
  sim: NcmecSimulator | undefined;
  overrides: Record<string, Record<string, unknown>>;
}

/**
 * For the demo: a local CyberTipline simulator (when WARDEN_NCMEC_XSD names NCMEC's schema,
 * which is never shipped) and throw-away evidence keys, so a confirmed case can be reported
 * and preserved end to end.
 */
export async function demoReporting(): Promise<DemoReporting> {
  const evidence = { keys: `demo:${randomBytes(32).toString('base64')}` };
  const xsd = ncmecSchemaFile();
  if (!xsd) return { sim: undefined, overrides: { evidence } };
  const password = randomBytes(12).toString('base64url');
  const sim = await createNcmecSimulator({ schema: xsd.text, username: 'demo-esp', password });
  await sim.app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(sim.app.server.address() as AddressInfo).port}`;
  return {
    sim,
    overrides: {
      evidence,
      reporting: {
        platform: 'Demo Social',
        reporterEmail: 'cybertip@demo.example',
        testBaseUrl: url,
        testUsername: 'demo-esp',
        testPassword: password,
        environment: 'test',
      },
    },
  };
}
