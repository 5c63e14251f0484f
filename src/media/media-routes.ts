import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError, type FieldIssue } from '../core/app-error.js';
import { zodIssues } from '../events/validate-event.js';
import { parseInput, parseJsonBody } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { checkHash, formatBankCsv, formatHmaLocalFile, type ListedHash } from './bank-list-format.js';
import { createBankEntryService } from './bank-entry-service.js';
import { createBank, findBank, listBanks, listEntries, listNotices, setEntryQuarantine, updateBank } from './bank-store.js';
import { md5Hasher, sha1Hasher, sha256Hasher } from './digest-hashers.js';
import type { MediaSignals } from './media-matcher.js';
import {
  BankCreateSchema,
  BankUpdateSchema,
  EntryInput,
  EntryQuerySchema,
  ExportFormatSchema,
  ImportBody,
  ImportQuerySchema,
  MatchBody,
  QuarantineBodySchema,
} from './media-requests.js';
import { BANK_IMPORT_MAX_BYTES, importHashList, type ImportOutcome } from './bank-import.js';
import { createPdqHasher } from './pdq-hasher.js';
import { writeTmkFile } from './video/tmk-file.js';
import type { TmkFeatures } from './video/tmk.js';
import { hashVideoBytes, looksLikeVideo, videoLimits } from './video/video-hashing.js';
import { parseVpdqJson, type VpdqFeature } from './video/vpdq.js';

/** What `POST /v1/hash` answers; `vpdqFeatures` stays inside (the response carries the signal string). */
interface Hashed {
  kind: 'image' | 'video';
  md5: string;
  sha1: string;
  sha256: string;
  pdq?: string;
  quality?: number;
  dihedral?: Record<string, string>;
  pdqError?: string;
  /** Videos: python-threatexchange's vPDQ signal string, the frames hashed, and (with ?tmk=true) the reference's .tmk file in base64. */
  vpdq?: string;
  frames?: number;
  tmk?: string;
  videoError?: string;
}

const parse = parseInput;

/**
 * Known-image matching over HTTP: `POST /v1/hash` and `POST /v1/match` (bytes as
 * application/octet-stream or image/*, or hashes as JSON), and banks under `/v1/banks`.
 * Who may call each route (reading banks: reviewer; changing them: admin; hashing and
 * matching: decide or reviewer) is written once, in server/role-matrix.ts.
 */
export function mediaRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const cfg = ctx.config.media;
  const pdq = createPdqHasher({ maxPixels: cfg.maxPixels, jpegShrinkToSide: cfg.jpegShrinkToSide });
  const bankEntries = createBankEntryService({ db: ctx.store.db, matcher: () => ctx.matcher(), clock: ctx.clock });
  const raw = (_req: unknown, body: string | Buffer, done: (e: Error | null, b?: Buffer) => void) => done(null, body as Buffer);
  // No parser-level limit: each route's own (role-matrix.ts) applies, so a small route never buffers a large file.
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, raw);
  app.addContentTypeParser(/^image\//, { parseAs: 'buffer' }, raw);
  app.addContentTypeParser(/^video\//, { parseAs: 'buffer' }, raw);

  /** Images: PDQ and digests. Videos (video/*, or bytes that start like a video container): vPDQ by ffmpeg within the media.video* limits. */
  async function hashBytes(req: FastifyRequest): Promise<{ out: Hashed; vpdq?: VpdqFeature[]; tmk?: TmkFeatures }> {
    const bytes = req.body as Buffer;
    if (!Buffer.isBuffer(bytes))
      throw new AppError('unsupported_media_type', 'send the file as application/octet-stream, image/* or video/*');
    const type = req.headers['content-type'] ?? '';
    const video = type.startsWith('video/') || (!type.startsWith('image/') && looksLikeVideo(bytes));
    const [m, s1, s] = await Promise.all([md5Hasher.hash(bytes), sha1Hasher.hash(bytes), sha256Hasher.hash(bytes)]);
    const hex = (r: typeof m) => (r.ok ? r.value.hex : '');
    const out: Hashed = { kind: video ? 'video' : 'image', md5: hex(m), sha1: hex(s1), sha256: hex(s) };
    if (video) {
      const tmk = (req.query as { tmk?: string }).tmk === 'true';
      const v = await hashVideoBytes(bytes, { secondsPerHash: cfg.vpdqSecondsPerHash, limits: videoLimits(cfg), tmk });
      if (!v.ok) {
        // No ffmpeg on this server is the server's problem, not the caller's.
        if (v.error.code === 'decoder_missing') throw new AppError('not_ready', v.error.detail);
        out.videoError = `${v.error.code}: ${v.error.detail}`;
        return { out };
      }
      Object.assign(out, { vpdq: v.value.vpdqJson, frames: v.value.frames });
      if (v.value.tmk) out.tmk = Buffer.from(writeTmkFile(v.value.tmk)).toString('base64');
      return { out, vpdq: v.value.vpdq, ...(v.value.tmk ? { tmk: v.value.tmk } : {}) };
    }
    const p = await pdq.hash(bytes, { dihedral: true });
    if (p.ok) Object.assign(out, { pdq: p.value.hex, quality: p.value.quality, dihedral: p.value.dihedral });
    else out.pdqError = `${p.error.code}: ${p.error.detail}`;
    return { out };
  }

  app.post('/v1/hash', async (req) => {
    const { out: h } = await hashBytes(req);
    if (h.videoError) {
      // Sent or recognised as a video: a failed decode is the caller's to know, named.
      throw new AppError('invalid_input', `the video cannot be hashed: ${h.videoError}`, {
        issues: [{ field: '(body)', reason: h.videoError }],
      });
    }
    if (h.pdqError && req.headers['content-type']?.startsWith('image/')) {
      // The caller said it was an image: a failed decode is their error, named.
      throw new AppError('invalid_input', `the image cannot be hashed: ${h.pdqError}`, {
        issues: [{ field: '(body)', reason: h.pdqError }],
      });
    }
    return h;
  });

  app.post('/v1/match', async (req) => {
    let signals: MediaSignals;
    let banks: string[] | undefined;
    if (Buffer.isBuffer(req.body)) {
      const { out: h, vpdq, tmk } = await hashBytes(req);
      signals = { pdq: h.pdq, md5: h.md5, sha1: h.sha1, sha256: h.sha256, dihedral: h.dihedral, vpdq, tmk };
      const q = (req.query as { banks?: string }).banks;
      banks = q ? q.split(',') : undefined;
    } else {
      const body = parse(MatchBody, req.body, 'match request');
      const issues: FieldIssue[] = [];
      signals = {};
      for (const t of ['pdq', 'md5', 'sha1', 'sha256'] as const) {
        const v = body[t];
        if (v === undefined) continue;
        const c = checkHash(t, v);
        if (c.ok) signals[t] = c.value;
        else issues.push({ field: t, reason: c.reason });
      }
      if (body.vpdq !== undefined) {
        const v = parseVpdqJson(body.vpdq);
        if (v.ok && v.value.length > 0) signals.vpdq = v.value;
        else issues.push({ field: 'vpdq', reason: v.ok ? 'has no frames' : v.error });
      }
      if (issues.length)
        throw new AppError('invalid_input', `invalid hashes: ${issues.map((i) => `${i.field} ${i.reason}`).join('; ')}`, { issues });
      if (!signals.pdq && !signals.md5 && !signals.sha1 && !signals.sha256 && !signals.vpdq)
        throw new AppError('invalid_input', 'give at least one of pdq, md5, sha1, sha256, vpdq', {
          issues: [{ field: '(body)', reason: 'has no hash' }],
        });
      banks = body.banks;
    }
    const shown = {
      pdq: signals.pdq,
      md5: signals.md5,
      sha1: signals.sha1,
      sha256: signals.sha256,
      ...(signals.vpdq ? { vpdqFrames: signals.vpdq.length } : {}),
    };
    return { signals: shown, matches: ctx.matcher().match(signals, { banks }) };
  });

  app.get('/v1/banks', async () => {
    return { banks: await listBanks(ctx.store.db) };
  });

  app.post('/v1/banks', async (req, reply) => {
    const bank = await createBank(ctx.store.db, parse(BankCreateSchema, req.body, 'bank'), cfg.defaultPdqThreshold, ctx.clock.now());
    ctx.matcher().setBank(bank);
    await audit(req, 'bank.created', { type: 'bank', id: bank.id }, { name: bank.name, kind: bank.kind, pdqThreshold: bank.pdqThreshold });
    reply.code(201);
    return bank;
  });

  const audit = (req: FastifyRequest, action: string, target: { type: string; id: string }, detail?: Record<string, unknown>) =>
    ctx.ledger.audit([{ actor: `key:${req.principal!.keyId}`, action, target, ...(detail ? { detail } : {}) }]);

  const bankOr404 = async (id: string) => {
    const bank = await findBank(ctx.store.db, id);
    if (!bank) throw new AppError('not_found', `no bank ${id.slice(0, 64)}`);
    return bank;
  };

  app.get<{ Params: { id: string } }>('/v1/banks/:id', async (req) => {
    return bankOr404(req.params.id);
  });

  app.patch<{ Params: { id: string } }>('/v1/banks/:id', async (req) => {
    const bank = await bankOr404(req.params.id);
    const updated = await updateBank(ctx.store.db, bank.id, parse(BankUpdateSchema, req.body, 'bank update'), ctx.clock.now());
    ctx.matcher().setBank(updated);
    await audit(req, 'bank.updated', { type: 'bank', id: bank.id }, { enabled: updated.enabled, pdqThreshold: updated.pdqThreshold });
    return updated;
  });

  app.get<{ Params: { id: string }; Querystring: { state?: string; limit?: string; after?: string } }>(
    '/v1/banks/:id/entries',
    async (req) => {
      const bank = await bankOr404(req.params.id);
      const q = parse(EntryQuerySchema, req.query, 'query');
      const entries = await listEntries(ctx.store.db, bank.id, {
        state: q.state,
        limit: q.limit,
        ...(q.after !== undefined ? { afterId: q.after } : {}),
      });
      return { entries, next: entries.length === q.limit ? entries[entries.length - 1]!.id : null };
    },
  );

  /** Adds a JSON array of hashes; each bad one is reported by index, field and reason, the rest are stored. */
  app.post<{ Params: { id: string } }>('/v1/banks/:id/entries', async (req) => {
    const bank = await bankOr404(req.params.id);
    if (!Array.isArray(req.body))
      throw new AppError('invalid_input', 'the body must be a JSON array of {signalType, value, note?, source?, addedAt?}', {
        issues: [{ field: '(body)', reason: 'must be an array' }],
      });
    const good: ListedHash[] = [];
    const rejected: { index: number; errors: FieldIssue[] }[] = [];
    req.body.forEach((raw: unknown, index: number) => {
      const r = EntryInput.safeParse(raw);
      if (!r.success) return void rejected.push({ index, errors: zodIssues(r.error) });
      const c = checkHash(r.data.signalType, r.data.value);
      if (!c.ok) return void rejected.push({ index, errors: [{ field: 'value', reason: c.reason }] });
      const h: ListedHash = { signalType: r.data.signalType, value: c.value };
      if (r.data.note) h.note = r.data.note;
      if (r.data.source) h.source = r.data.source;
      if (r.data.addedAt) h.addedMs = Date.parse(r.data.addedAt);
      good.push(h);
    });
    const stored = await bankEntries.add(bank.id, good);
    await audit(
      req,
      'bank_entries.added',
      { type: 'bank', id: bank.id },
      { stored: stored.length, rejected: rejected.length, entryIds: stored.slice(0, 100).map((e) => e.id) },
    );
    return { stored: stored.length, rejected, entries: stored.map((e) => ({ id: e.id, signalType: e.signalType, value: e.value })) };
  });

  app.delete<{ Params: { id: string; entryId: string } }>('/v1/banks/:id/entries/:entryId', async (req, reply) => {
    const bank = await bankOr404(req.params.id);
    const entryId = Number(req.params.entryId);
    if (!(await bankEntries.remove(bank.id, entryId)))
      throw new AppError('not_found', `no live entry ${req.params.entryId.slice(0, 32)} in bank ${bank.name}`);
    await audit(req, 'bank_entry.removed', { type: 'bank_entry', id: String(entryId) }, { bankId: bank.id });
    reply.code(204);
  });

  /** Puts a quarantined entry back into matching (or takes one out by hand). */
  app.post<{ Params: { id: string; entryId: string } }>('/v1/banks/:id/entries/:entryId/quarantine', async (req) => {
    const bank = await bankOr404(req.params.id);
    const body = parse(QuarantineBodySchema, req.body, 'quarantine request');
    const entryId = Number(req.params.entryId);
    if (!Number.isInteger(entryId) || !(await setEntryQuarantine(ctx.store.db, bank.id, entryId, body.quarantined, ctx.clock.now())))
      throw new AppError('not_found', `no entry ${req.params.entryId.slice(0, 32)} in bank ${bank.name}`);
    ctx.matcher().setQuarantined(entryId, body.quarantined);
    await audit(
      req,
      body.quarantined ? 'bank_entry.quarantined' : 'bank_entry.restored',
      { type: 'bank_entry', id: String(entryId) },
      { bankId: bank.id },
    );
    return { id: entryId, quarantined: body.quarantined };
  });

  /**
   * A hash list in, streamed: the list itself as text/csv, text/plain or
   * application/octet-stream (`?format=csv|hma&signalType=`), read line by line and stored a
   * batch at a time, up to BANK_IMPORT_MAX_BYTES; or, as before, JSON `{format, signalType?,
   * content}` within the JSON body limit. Its own scope, so its raw-stream parser reaches no
   * other route.
   */
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.post<{ Params: { id: string } }>('/v1/banks/:id/import', async (req) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      if (declared > BANK_IMPORT_MAX_BYTES)
        throw new AppError('payload_too_large', `the list is larger than the limit of ${BANK_IMPORT_MAX_BYTES} bytes`);
      const bank = await bankOr404(req.params.id);
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const stream = req.body as AsyncIterable<Buffer> | undefined;
      if (!stream) throw new AppError('invalid_input', 'the body is empty', { issues: [{ field: '(body)', reason: 'is empty' }] });
      let source: AsyncIterable<Buffer | string>;
      let opts: Parameters<typeof importHashList>[1];
      if (type === 'application/json') {
        const body = parse(ImportBody, await jsonOf(req, stream, ctx.config.server.bodyLimitBytes), 'import');
        source = (async function* () {
          yield body.content;
        })();
        opts = { format: body.format, signalType: body.signalType, maxBytes: BANK_IMPORT_MAX_BYTES };
      } else if (type === 'text/csv' || type === 'text/plain' || type === 'application/octet-stream') {
        const q = parse(ImportQuerySchema, req.query, 'query');
        source = stream;
        opts = { format: q.format ?? (type === 'text/csv' ? 'csv' : 'hma'), signalType: q.signalType, maxBytes: BANK_IMPORT_MAX_BYTES };
      } else
        throw new AppError(
          'unsupported_media_type',
          'send the list as text/csv, text/plain or application/octet-stream (or JSON {format, content})',
        );
      const progress: ImportOutcome = { stored: 0, skipped: [], skippedTotal: 0 };
      const storeBatch = async (hashes: ListedHash[]) => (await bankEntries.add(bank.id, hashes)).length;
      try {
        await importHashList(source, opts, storeBatch, progress);
      } finally {
        // What was stored is in the matcher and the bank, so it is in the record too, even when the list broke off.
        if (progress.stored > 0 || progress.skippedTotal > 0)
          await audit(
            req,
            'bank.imported',
            { type: 'bank', id: bank.id },
            { format: opts.format, stored: progress.stored, skipped: progress.skippedTotal },
          );
      }
      return { stored: progress.stored, skipped: progress.skipped, skippedTotal: progress.skippedTotal };
    });
  });

  app.get<{ Params: { id: string }; Querystring: { format?: string } }>('/v1/banks/:id/export', async (req, reply) => {
    const bank = await bankOr404(req.params.id);
    const format = parse(ExportFormatSchema, req.query.format, 'format');
    const all: ListedHash[] = [];
    let after: number | undefined;
    for (;;) {
      const page = await listEntries(ctx.store.db, bank.id, {
        state: 'active',
        limit: 5000,
        ...(after !== undefined ? { afterId: after } : {}),
      });
      for (const e of page)
        all.push({
          signalType: e.signalType,
          value: e.value,
          ...(e.note ? { note: e.note } : {}),
          ...(e.source ? { source: e.source } : {}),
          addedMs: Date.parse(e.addedAt),
        });
      if (page.length < 5000) break;
      after = page[page.length - 1]!.id;
    }
    await audit(req, 'bank.exported', { type: 'bank', id: bank.id }, { format, entries: all.length });
    reply.type(format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8');
    return format === 'csv' ? formatBankCsv(all) : formatHmaLocalFile(all);
  });

  app.get<{ Querystring: { all?: string } }>('/v1/admin/notices', async (req) => {
    return { notices: await listNotices(ctx.store.db, req.query.all === 'true') };
  });
}

/** A JSON body read from the raw stream up to `limit` bytes, then parsed as every JSON body is (strict UTF-8). */
async function jsonOf(req: FastifyRequest, stream: AsyncIterable<Buffer>, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of stream) {
    n += c.length;
    if (n > limit)
      throw new AppError(
        'payload_too_large',
        `a JSON import is limited to ${limit} bytes; send a larger list as text/csv or text/plain, which is streamed`,
      );
    chunks.push(c);
  }
  return new Promise((resolve, reject) => parseJsonBody(req, Buffer.concat(chunks), (err, value) => (err ? reject(err) : resolve(value))));
}
