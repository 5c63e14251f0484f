import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { entryHash } from '../audit/audit-chain.js';
import { fromDb } from '../audit/audit-store.js';
import type { Database } from '../store/tables.js';

/** A fresh Ed25519 key pair on disk: the private key for the server, the public one for the verifier. */
export function checkpointKeys(dir: string): { keyFile: string; publicFile: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyFile = join(dir, 'checkpoint-key.pem');
  const publicFile = join(dir, 'checkpoint-public.pem');
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicFile, publicKey.export({ type: 'spki', format: 'pem' }));
  return { keyFile, publicFile };
}

/** What an operator with database access does to hide an edit: change an entry, then re-hash every entry after it. */
export async function editAndRechain(db: Kysely<Database>, seq: number, actor: string): Promise<void> {
  const rows = (await db.selectFrom('audit_log').selectAll().where('seq', '>=', seq).orderBy('seq').execute()).map(fromDb);
  let prevHash = rows[0]!.prevHash;
  for (const r of rows) {
    const edited = { ...r, actor: r.seq === seq ? actor : r.actor, prevHash };
    const { hash: _old, ...rest } = edited;
    const hash = entryHash(rest);
    await db.updateTable('audit_log').set({ actor: edited.actor, prev_hash: prevHash, hash }).where('seq', '=', r.seq).execute();
    prevHash = hash;
  }
}
