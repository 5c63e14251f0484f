import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import tar from 'tar-stream';
import type { Alert } from '../../alerts/alert-schema.js';
import type { Viewer } from '../../cases/case-model.js';
import type { WardenConfig } from '../../config/config-schema.js';
import { caseTimeline } from '../../cases/case-data.js';
import { AppError } from '../../core/app-error.js';
import type { Clock } from '../../core/clock.js';
import { newId } from '../../core/ids.js';
import type { Ledger } from '../../ledger/ledger.js';
import type { Store } from '../../store/store.js';
import { readMediaBytes } from '../read-media-bytes.js';
import { canonicalEntry } from '../../audit/audit-chain.js';
import { firstEntryAbout } from '../../audit/audit-store.js';
import { findCase } from '../../cases/case-store.js';
import {
  caseActionRows,
  caseAlertsInIdOrder,
  caseHistoryRows,
  deletePackage,
  eventBodiesInOrder,
  expiredPackages,
  findPackage,
  insertPackage,
  packageFile,
  packageFiles,
  setPackageHold,
} from './evidence-store.js';
import { mustSeeCaseOf } from './evidence-access.js';
import { evidenceKeys, macMatches, manifestMac, open, seal, signManifest, type EvidenceKeys } from './evidence-crypto.js';

/** SECURITY: evidence is read by child_safety and legal (and admins) only, each read audited. */
export const EVIDENCE_READERS = ['child_safety', 'legal', 'admin'] as const;
const canRead = (v: Viewer) => v.roles.some((r) => (EVIDENCE_READERS as readonly string[]).includes(r));
const canHold = (v: Viewer) => v.roles.includes('legal') || v.roles.includes('admin');

export interface Manifest {
  packageId: string;
  caseId: string;
  subjectAccountId: string;
  reason: string;
  createdAt: string;
  createdBy: string;
  keyId: string;
  files: { name: string; sha256: string; bytes: number }[];
  /** Media the events name whose bytes Warden does not hold: their hashes stand in. */
  mediaNotHeld: { eventId: string; mediaId: string; sha256?: string | undefined; pdq?: string | undefined }[];
}

export interface EvidenceService {
  readonly enabled: boolean;
  /** Freezes the case's events, conversation, media, alerts, decisions and actions into an encrypted package. */
  preserve(caseId: string, reason: string, actor: string): Promise<Manifest>;
  manifest(packageId: string, viewer: Viewer): Promise<Manifest & { expiresAt: string; legalHold: boolean; holdReason: string | null }>;
  readFile(packageId: string, name: string, viewer: Viewer): Promise<Buffer>;
  /**
   * Every file decrypted and checked against the manifest (`bad`: the names altered or
   * missing), and the manifest against its MAC and the audit entry that recorded it
   * (`problems`). A failure is an audit entry.
   */
  verify(packageId: string, actor: string, viewer?: Viewer): Promise<VerifyOutcome>;
  setHold(packageId: string, hold: boolean, reason: string, viewer: Viewer): Promise<void>;
  /** Deletes expired packages not under legal hold; the number deleted. */
  sweep(): Promise<number>;
  /**
   * A tar archive: files/…, manifest.json and manifest.sig, audit-entry.json (the
   * `evidence.preserved` entry naming the manifest's SHA-256) and audit-entry.sig, and
   * key-fingerprint.txt. Signed with `evidence.signingKey`, whose public key recipients
   * hold already; refused (and audited) when the package fails `verify`.
   */
  exportPackage(packageId: string, viewer: Viewer): Promise<Buffer>;
}

export interface VerifyOutcome {
  ok: boolean;
  bad: string[];
  problems: string[];
  /** The `evidence.preserved` audit entry the package is bound to, if one was found. */
  auditSeq: number | null;
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const lines = (rows: unknown[]) => Buffer.from(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));

/**
 * Evidence preservation (18 U.S.C. 2258A(h)): a package per request, encrypted at rest
 * with AES-256-GCM under a configured key whose id is recorded (keys rotate; old ones stay
 * listed to read old packages), a manifest of SHA-256 digests, kept `retentionDays` and
 * then deleted by the sweeper unless a legal hold keeps it.
 */
export function createEvidenceService(deps: { store: Store; engine: Ledger; config: WardenConfig; clock: Clock }): EvidenceService {
  const { store, engine, config, clock } = deps;
  let keys: EvidenceKeys | undefined;
  let keysRead = false;
  const getKeys = () => {
    if (!keysRead) {
      keys = evidenceKeys(config.evidence);
      keysRead = true;
    }
    if (!keys)
      throw new AppError('config_invalid', 'evidence.keys is not set: Warden cannot preserve or read evidence (set WARDEN_EVIDENCE_KEYS)');
    return keys;
  };
  const pkg = async (id: string, viewer?: Viewer) => {
    const p = await findPackage(store.db, id);
    if (!p || p.deleted_ms !== null) throw new AppError('not_found', 'no such evidence package');
    await mustSeeCaseOf(store.db, engine, p, viewer);
    return p;
  };
  const mustRead = (v: Viewer) => {
    if (!canRead(v)) throw new AppError('forbidden', 'evidence is for the child_safety and legal roles');
  };
  const decryptAll = async (id: string, m: Manifest) => {
    const rows = await packageFiles(store.db, id);
    const byName = new Map(rows.map((r) => [r.name, r]));
    const out = new Map<string, Buffer>();
    const bad: string[] = [];
    for (const f of m.files) {
      const r = byName.get(f.name);
      const plain = r ? open(getKeys().key(m.keyId), `${id}/${f.name}`, r) : undefined;
      if (!plain || sha256(plain) !== f.sha256) bad.push(f.name);
      else out.set(f.name, plain);
    }
    return { out, bad };
  };
  type PackageRow = Awaited<ReturnType<typeof pkg>>;
  /**
   * The stored manifest against its MAC and against the audit entry written when it was
   * preserved: a manifest edited in the database (a file dropped with its row) fails both.
   */
  const checkRecord = async (p: PackageRow) => {
    const problems: string[] = [];
    if (p.manifest_mac === null)
      problems.push('the stored manifest carries no MAC (preserved before Warden authenticated manifests), so it cannot be trusted');
    else if (!macMatches(manifestMac(getKeys().key(p.key_id), p.id, p.manifest), p.manifest_mac))
      problems.push('the stored manifest does not match its MAC: it was changed in the database');
    const entry = await firstEntryAbout(store.db, {
      subjectAccountId: p.subject_account,
      action: 'evidence.preserved',
      targetType: 'evidence',
      targetId: p.id,
    });
    const recorded = entry?.detail ? (JSON.parse(entry.detail) as { manifestSha256?: unknown }).manifestSha256 : undefined;
    if (!entry) problems.push('no evidence.preserved audit entry names the package');
    else if (recorded !== sha256(p.manifest))
      problems.push(`the stored manifest differs from the one audit entry ${entry.seq} recorded (manifestSha256)`);
    return { problems, entry };
  };
  /** SECURITY: every integrity failure is an entry, whoever found it and however. */
  const integrityFailed = (p: PackageRow, actor: string, check: 'read' | 'verify' | 'export', detail: Record<string, unknown>) =>
    engine.audit([
      {
        actor,
        action: 'evidence.integrity_failed',
        subjectAccountId: p.subject_account,
        target: { type: 'evidence', id: p.id },
        detail: { check, ...detail },
      },
    ]);

  const service: EvidenceService = {
    get enabled() {
      try {
        getKeys();
        return true;
      } catch {
        return false;
      }
    },

    async preserve(caseId, reason, actor) {
      const k = getKeys();
      const c = await findCase(store.db, caseId);
      if (!c) throw new AppError('not_found', 'no such case');
      const nowMs = clock.now();
      const id = newId('evd', nowMs);
      const alertRows = await caseAlertsInIdOrder(store.db, caseId);
      const alerts = alertRows.map((a) => JSON.parse(a.body) as Alert);
      const timeline = await caseTimeline(store.db, alerts);
      const events = await eventBodiesInOrder(
        store.db,
        timeline.map((e) => e.id),
      );
      const history = await caseHistoryRows(store.db, caseId);
      const actions = await caseActionRows(store.db, caseId);
      const files = new Map<string, Buffer>([
        ['case.json', Buffer.from(JSON.stringify(c, null, 2))],
        ['alerts.jsonl', lines(alerts)],
        ['events.jsonl', lines(events.map((e) => JSON.parse(e.body) as unknown))],
        ['history.jsonl', lines(history)],
        ['actions.jsonl', lines(actions)],
      ]);
      const mediaNotHeld: Manifest['mediaNotHeld'] = [];
      for (const e of timeline) {
        for (const m of e.media) {
          const bytes = m.held ? await readMediaBytes(store.db, config.media, e.id, m.id) : undefined;
          if (bytes) files.set(`media/${e.id}/${m.id}`, bytes);
          else mediaNotHeld.push({ eventId: e.id, mediaId: m.id, sha256: m.sha256, pdq: m.pdq });
        }
      }
      const manifest: Manifest = {
        packageId: id,
        caseId,
        subjectAccountId: c.subject_account,
        reason,
        createdAt: new Date(nowMs).toISOString(),
        createdBy: actor,
        keyId: k.activeKeyId,
        files: [...files].map(([name, b]) => ({ name, sha256: sha256(b), bytes: b.length })),
        mediaNotHeld,
      };
      const key = k.key(k.activeKeyId);
      const manifestJson = canonicalize(manifest)!;
      // Written directly, in one transaction: ciphertext is bytes, which the engine's
      // statements (text and numbers, cloned to the writer thread) do not carry.
      await insertPackage(
        store.db,
        {
          id,
          case_id: caseId,
          subject_account: c.subject_account,
          reason,
          manifest: manifestJson,
          manifest_mac: manifestMac(key, id, manifestJson),
          key_id: k.activeKeyId,
          created_by: actor,
          created_ms: nowMs,
          expires_ms: nowMs + config.evidence.retentionDays * 86_400_000,
          legal_hold: 0,
          hold_reason: null,
          deleted_ms: null,
        },
        [...files].map(([name, plain]) => {
          const s = seal(key, `${id}/${name}`, plain);
          return { name, iv: s.iv, tag: s.tag, ciphertext: s.ciphertext };
        }),
      );
      await engine.audit([
        {
          actor,
          action: 'evidence.preserved',
          subjectAccountId: c.subject_account,
          target: { type: 'evidence', id },
          detail: { caseId, reason, manifestSha256: sha256(manifestJson), files: manifest.files.length },
        },
      ]);
      return manifest;
    },

    async manifest(packageId, viewer) {
      mustRead(viewer);
      const p = await pkg(packageId, viewer);
      await engine.audit([
        { actor: viewer.actor, action: 'evidence.viewed', subjectAccountId: p.subject_account, target: { type: 'evidence', id: p.id } },
      ]);
      return {
        ...(JSON.parse(p.manifest) as Manifest),
        expiresAt: new Date(p.expires_ms).toISOString(),
        legalHold: p.legal_hold === 1,
        holdReason: p.hold_reason,
      };
    },

    async readFile(packageId, name, viewer) {
      mustRead(viewer);
      const p = await pkg(packageId, viewer);
      const record = await checkRecord(p);
      if (record.problems.length > 0) {
        await integrityFailed(p, viewer.actor, 'read', { name, problems: record.problems });
        throw new AppError('conflict', `evidence package ${packageId} cannot be read: ${record.problems.join('; ')}`);
      }
      const m = JSON.parse(p.manifest) as Manifest;
      const f = m.files.find((x) => x.name === name);
      if (!f) throw new AppError('not_found', 'no such file in the package');
      const row = await packageFile(store.db, packageId, name);
      const plain = row ? open(getKeys().key(m.keyId), `${packageId}/${name}`, row) : undefined;
      // The read is audited before anything is returned, and so is a failed integrity check.
      if (!plain || sha256(plain) !== f.sha256) {
        await integrityFailed(p, viewer.actor, 'read', { name });
        throw new AppError('conflict', `evidence file ${name} does not match its manifest: it was altered or is missing`);
      }
      await engine.audit([
        {
          actor: viewer.actor,
          action: 'evidence.read',
          subjectAccountId: p.subject_account,
          target: { type: 'evidence', id: p.id },
          detail: { name, sha256: f.sha256 },
        },
      ]);
      return plain;
    },

    async verify(packageId, actor, viewer) {
      const p = await pkg(packageId, viewer);
      const { problems, entry } = await checkRecord(p);
      const { bad } = await decryptAll(packageId, JSON.parse(p.manifest) as Manifest);
      const ok = bad.length === 0 && problems.length === 0;
      // A verify reads the package's record and files: a read for "who knew" whether or not it passes.
      if (ok)
        await engine.audit([
          { actor, action: 'evidence.verified', subjectAccountId: p.subject_account, target: { type: 'evidence', id: p.id } },
        ]);
      else await integrityFailed(p, actor, 'verify', { bad, problems });
      return { ok, bad, problems, auditSeq: entry?.seq ?? null };
    },

    async setHold(packageId, hold, reason, viewer) {
      if (!canHold(viewer)) throw new AppError('forbidden', 'legal holds are for the legal role');
      const p = await pkg(packageId, viewer);
      await setPackageHold(store.db, packageId, hold, reason);
      await engine.audit([
        {
          actor: viewer.actor,
          action: hold ? 'evidence.hold_placed' : 'evidence.hold_released',
          subjectAccountId: p.subject_account,
          target: { type: 'evidence', id: p.id },
          detail: { reason },
        },
      ]);
    },

    async sweep() {
      const nowMs = clock.now();
      const expired = await expiredPackages(store.db, nowMs);
      for (const p of expired) {
        await deletePackage(store.db, p.id, nowMs);
        await engine.audit([
          {
            actor: 'system:retention',
            action: 'evidence.deleted',
            subjectAccountId: p.subject_account,
            target: { type: 'evidence', id: p.id },
            detail: { expiredAt: new Date(p.expires_ms).toISOString() },
          },
        ]);
      }
      return expired.length;
    },

    async exportPackage(packageId, viewer) {
      if (!canHold(viewer)) throw new AppError('forbidden', 'exports for law enforcement are for the legal role');
      // SECURITY: an export is only worth the key its recipient checks it with, so there is no unsigned one.
      const signer = getKeys().signer;
      if (!signer)
        throw new AppError(
          'config_invalid',
          'evidence.signingKey is not set: exports are signed, and recipients check them with its published public key (warden evidence public-key)',
        );
      const p = await pkg(packageId, viewer);
      const manifestJson = Buffer.from(p.manifest);
      const m = JSON.parse(p.manifest) as Manifest;
      const { problems, entry } = await checkRecord(p);
      const { out, bad } = await decryptAll(packageId, m);
      if (bad.length > 0 || problems.length > 0 || !entry) {
        await integrityFailed(p, viewer.actor, 'export', { bad, problems });
        const why = [...(bad.length ? [`${bad.join(', ')} do not match the manifest`] : []), ...problems];
        throw new AppError('conflict', `the package cannot be exported: ${why.join('; ')}`);
      }
      // The audit entry, in the form its hash is computed over, binds the package to the log:
      // its detail names the manifest's SHA-256, and seq and hash place it in the chain.
      const { hash, ...rest } = entry;
      const auditEntry = Buffer.from(
        JSON.stringify({ seq: entry.seq, hash, prevHash: entry.prevHash, canonical: canonicalEntry(rest) }, null, 2) + '\n',
      );
      const pack = tar.pack();
      const chunks: Buffer[] = [];
      pack.on('data', (c: unknown) => chunks.push(c as Buffer));
      const done = new Promise<void>((resolve, reject) => {
        pack.on('end', resolve);
        pack.on('error', reject);
      });
      const add = (name: string, b: Buffer) =>
        pack.entry({ name: `${packageId}/${name}`, size: b.length, mtime: new Date(p.created_ms), mode: 0o444 }, b);
      add('manifest.json', manifestJson);
      add('manifest.sig', signManifest(signer.privateKey, manifestJson));
      add('audit-entry.json', auditEntry);
      add('audit-entry.sig', signManifest(signer.privateKey, auditEntry));
      // A name, not a key: a key shipped with the archive would let a forger ship their own.
      add('key-fingerprint.txt', Buffer.from(`${signer.fingerprint}\n`));
      for (const [name, b] of out) add(`files/${name}`, b);
      pack.finalize();
      await done;
      await engine.audit([
        {
          actor: viewer.actor,
          action: 'evidence.exported',
          subjectAccountId: p.subject_account,
          target: { type: 'evidence', id: p.id },
          detail: { signed: true, keyFingerprint: signer.fingerprint, manifestSha256: sha256(manifestJson), auditSeq: entry.seq },
        },
      ]);
      return Buffer.concat(chunks);
    },
  };
  return service;
}
