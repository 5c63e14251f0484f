import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/app-error.js';
import { parseInput } from '../server/parse-input.js';
import type { RouteContext } from '../server/route-context.js';
import { checkHash } from './bank-list-format.js';
import { createBankEntryService } from './bank-entry-service.js';
import { createBank, findBank, listBanks, updateBank } from './bank-store.js';
import { md5Hasher } from './digest-hashers.js';
import type { SignalType } from './hasher.js';
import type { HashMatch, MediaSignals } from './media-matcher.js';
import { createPdqHasher } from './pdq-hasher.js';

/**
 * Meta's Hasher-Matcher-Actioner (open-media-match) API over Warden's banks, so that a
 * platform's HMA clients can point at `{warden}/v1/hma` instead of HMA: matching (`/m/lookup`,
 * `/m/raw_lookup`, `/m/index/status`) and curation (`/c/banks`, `/c/bank/{name}`, its signals
 * and content), with HMA's field names and shapes (ThreatExchange hasher-matcher-actioner
 * blueprints matching.py and curation.py). docs/exchanges.md lists what differs. HMA bank
 * names are UPPER_WITH_UNDER; Warden's are the same in lower case.
 * SECURITY: unlike a bare HMA, every route needs a Warden API key (role-matrix.ts).
 */
export function hmaRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const pdq = createPdqHasher({ maxPixels: ctx.config.media.maxPixels, jpegShrinkToSide: ctx.config.media.jpegShrinkToSide });
  const bankEntries = createBankEntryService({ db: ctx.store.db, matcher: () => ctx.matcher(), clock: ctx.clock });
  const hmaName = (wardenName: string) => wardenName.toUpperCase();
  const wardenName = (hma: string) => hma.toLowerCase();
  const bankView = (b: { name: string; enabled: boolean }) => ({ name: hmaName(b.name), matching_enabled_ratio: b.enabled ? 1.0 : 0.0 });
  const audit = (req: FastifyRequest, action: string, target: { type: string; id: string }, detail?: Record<string, unknown>) =>
    ctx.ledger.audit([{ actor: `key:${req.principal!.keyId}`, action, target, ...(detail ? { detail } : {}) }]);
  const bankOr404 = async (name: string) => {
    const bank = await findBank(ctx.store.db, wardenName(name));
    if (!bank) throw new AppError('not_found', `bank '${name.slice(0, 64)}' not found`);
    return bank;
  };

  /** HMA signal type names to Warden's (the same, for the fixed-length ones); a video MD5 is looked up as the file's MD5. */
  const checkedSignal = (type: string, value: string): string => {
    if (type !== 'pdq' && type !== 'md5' && type !== 'sha1' && type !== 'sha256' && type !== 'video_md5')
      throw new AppError('invalid_input', `No such SignalType '${type.slice(0, 40)}'`, {
        issues: [{ field: 'signal_type', reason: 'must be pdq, md5, sha1, sha256 or video_md5' }],
      });
    const c = checkHash(type, value);
    if (!c.ok) throw new AppError('invalid_input', `invalid signal: ${c.reason}`, { issues: [{ field: 'signal', reason: c.reason }] });
    return c.value;
  };
  const signalOf = (type: string, value: string): MediaSignals => ({ [type === 'video_md5' ? 'md5' : type]: checkedSignal(type, value) });
  const banksOf = (banks: string | undefined) => (banks ? banks.split(',').map(wardenName) : undefined);
  /** HMA's lookup answer: bank name to [{bank_content_id, distance}], distance as a string as HMA's schema has it. */
  const byBank = (matches: HashMatch[]) => {
    const out: Record<string, { bank_content_id: number; distance: string }[]> = {};
    for (const m of matches) (out[hmaName(m.bankName)] ??= []).push({ bank_content_id: m.entryId, distance: String(m.distance) });
    return out;
  };

  const LookupQuery = z.object({
    signal: z.string().max(128).optional(),
    signal_type: z.string().max(40).optional(),
    banks: z.string().max(2000).optional(),
    url: z.string().optional(),
    seed: z.string().optional(),
    bypass_coinflip: z.string().optional(),
  });
  app.get('/v1/hma/m/lookup', async (req) => {
    const q = parseInput(LookupQuery, req.query, 'query');
    if (q.url !== undefined)
      throw new AppError('invalid_input', 'lookup by url is not offered: send signal_type and signal, or POST the file', {
        issues: [{ field: 'url', reason: 'is not supported by Warden' }],
      });
    if (!q.signal || !q.signal_type)
      throw new AppError('invalid_input', 'Either url or both signal and signal_type are required', {
        issues: [{ field: q.signal ? 'signal_type' : 'signal', reason: 'is required' }],
      });
    return byBank(ctx.matcher().match(signalOf(q.signal_type, q.signal), { banks: banksOf(q.banks) }));
  });

  const RawQuery = z.object({
    signal: z.string().max(128),
    signal_type: z.string().max(40),
    banks: z.string().max(2000).optional(),
    include_distance: z.enum(['true', 'false']).optional(),
  });
  app.get('/v1/hma/m/raw_lookup', async (req) => {
    const q = parseInput(RawQuery, req.query, 'query');
    const matches = ctx.matcher().match(signalOf(q.signal_type, q.signal), { banks: banksOf(q.banks) });
    return {
      matches:
        q.include_distance === 'true'
          ? matches.map((m) => ({ bank_content_id: m.entryId, distance: String(m.distance) }))
          : matches.map((m) => m.entryId),
    };
  });

  app.get<{ Querystring: { signal_type?: string } }>('/v1/hma/m/index/status', async (req) => {
    const rows = await ctx.store.db
      .selectFrom('bank_entries')
      .select(['signal_type', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.max('added_ms').as('last')])
      .where('removed_ms', 'is', null)
      .groupBy('signal_type')
      .execute();
    const out: Record<string, { built_to: number; present: boolean; size: number }> = {};
    for (const t of ['pdq', 'md5', 'sha1', 'sha256', 'video_md5'] as const) {
      const r = rows.find((x) => x.signal_type === t);
      // Warden's index is updated as entries are added, so it is built to the newest entry.
      out[t] = r
        ? { present: true, built_to: Math.floor(Number(r.last) / 1000), size: Number(r.n) }
        : { present: false, built_to: -1, size: 0 };
    }
    const only = req.query.signal_type;
    if (only !== undefined) {
      if (!(only in out))
        throw new AppError('invalid_input', `No such signal type '${only.slice(0, 40)}'`, {
          issues: [{ field: 'signal_type', reason: 'is unknown' }],
        });
      return { [only]: out[only] };
    }
    return out;
  });

  /** POST /m/lookup: the file as multipart form data (HMA names the field by content type, `photo`); PDQ and MD5 looked up. */
  void app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: ctx.config.media.maxFileBytes, files: 1, fields: 10 } });
    scope.post<{ Querystring: { banks?: string } }>('/v1/hma/m/lookup', async (req) => {
      if (!req.isMultipart()) throw new AppError('unsupported_media_type', 'send the file as multipart/form-data (field "photo")');
      const file = await req.file();
      if (!file) throw new AppError('invalid_input', 'no file was sent', { issues: [{ field: 'photo', reason: 'is missing' }] });
      if (file.fieldname === 'video')
        throw new AppError('invalid_input', 'video lookup is not offered yet', {
          issues: [{ field: 'video', reason: 'is not supported' }],
        });
      const bytes = await file.toBuffer();
      const [p, m] = await Promise.all([pdq.hash(bytes), md5Hasher.hash(bytes)]);
      if (!p.ok)
        throw new AppError('invalid_input', `the image cannot be hashed: ${p.error.detail}`, {
          issues: [{ field: file.fieldname, reason: p.error.detail }],
        });
      const banks = banksOf(req.query.banks);
      return {
        pdq: byBank(ctx.matcher().match({ pdq: p.value.hex }, { banks })),
        ...(m.ok ? { md5: byBank(ctx.matcher().match({ md5: m.value.hex }, { banks })) } : {}),
      };
    });
  });

  app.get('/v1/hma/c/banks', async () => (await listBanks(ctx.store.db)).map(bankView));

  const Ratio = z.number().refine((r) => r === 0 || r === 1, { message: 'Warden banks are on or off: 0.0 or 1.0' });
  const BankCreate = z.object({
    name: z.string().regex(/^[A-Z_][A-Z0-9_]{0,63}$/, { message: 'must be UPPER_WITH_UNDER' }),
    enabled_ratio: Ratio.optional(),
    enabled: z.boolean().optional(),
  });
  app.post('/v1/hma/c/banks', async (req, reply) => {
    const body = parseInput(BankCreate, req.body, 'bank');
    const cfg = ctx.config.media;
    let bank = await createBank(ctx.store.db, { name: wardenName(body.name), kind: 'positive' }, cfg.defaultPdqThreshold, ctx.clock.now());
    const enabled = body.enabled_ratio !== undefined ? body.enabled_ratio === 1 : (body.enabled ?? true);
    if (!enabled) bank = await updateBank(ctx.store.db, bank.id, { enabled: false }, ctx.clock.now());
    ctx.matcher().setBank(bank);
    await audit(req, 'bank.created', { type: 'bank', id: bank.id }, { name: bank.name, via: 'hma' });
    reply.code(201);
    return bankView(bank);
  });

  app.get<{ Params: { bank_name: string } }>('/v1/hma/c/bank/:bank_name', async (req) => bankView(await bankOr404(req.params.bank_name)));

  const BankUpdate = z.object({ name: z.string().optional(), enabled_ratio: Ratio.optional(), enabled: z.boolean().optional() });
  app.put<{ Params: { bank_name: string } }>('/v1/hma/c/bank/:bank_name', async (req) => {
    const bank = await bankOr404(req.params.bank_name);
    const body = parseInput(BankUpdate, req.body, 'bank update');
    if (body.name !== undefined && body.name !== hmaName(bank.name))
      throw new AppError('invalid_input', 'Warden banks are not renamed', { issues: [{ field: 'name', reason: 'cannot change' }] });
    const enabled = body.enabled_ratio !== undefined ? body.enabled_ratio === 1 : body.enabled;
    const updated = enabled === undefined ? bank : await updateBank(ctx.store.db, bank.id, { enabled }, ctx.clock.now());
    ctx.matcher().setBank(updated);
    await audit(req, 'bank.updated', { type: 'bank', id: bank.id }, { enabled: updated.enabled, via: 'hma' });
    return bankView(updated);
  });

  /** POST /c/bank/{name}/signal: `{pdq: "…", md5: "…", note?}`; HMA's one content id is the first signal's entry id. */
  app.post<{ Params: { bank_name: string } }>('/v1/hma/c/bank/:bank_name/signal', async (req) => {
    const bank = await bankOr404(req.params.bank_name);
    const body = parseInput(z.record(z.string(), z.string().max(1000)), req.body, 'signals');
    const { note, ...signals } = body;
    if (Object.keys(signals).length === 0)
      throw new AppError('invalid_input', 'No signals given', { issues: [{ field: '(body)', reason: 'has no signal' }] });
    const hashes = Object.entries(signals).map(([type, value]) => {
      return {
        signalType: type as SignalType, // checkedSignal admits only Warden's fixed-length types
        value: checkedSignal(type, value),
        ...(note ? { note: note.slice(0, 255) } : {}),
        source: 'hma',
      };
    });
    const stored = await bankEntries.add(bank.id, hashes);
    await audit(
      req,
      'bank_entries.added',
      { type: 'bank', id: bank.id },
      { stored: stored.length, via: 'hma', entryIds: stored.map((e) => e.id) },
    );
    return { id: stored[0]!.id, signals: Object.fromEntries(stored.map((e) => [e.signalType, e.value])) };
  });

  app.get<{ Params: { bank_name: string; content_id: string }; Querystring: { include_signals?: string } }>(
    '/v1/hma/c/bank/:bank_name/content/:content_id',
    async (req) => {
      const bank = await bankOr404(req.params.bank_name);
      const id = Number(req.params.content_id);
      const e = Number.isInteger(id)
        ? await ctx.store.db
            .selectFrom('bank_entries')
            .selectAll()
            .where('id', '=', id)
            .where('bank_id', '=', bank.id)
            .where('removed_ms', 'is', null)
            .executeTakeFirst()
        : undefined;
      if (!e) throw new AppError('not_found', `content '${req.params.content_id.slice(0, 32)}' not found`);
      return {
        id: e.id,
        // HMA: 1 is enabled, 0 disabled; a quarantined entry is out of matching.
        disable_until_ts: e.quarantined_ms === null ? 1 : 0,
        original_media_uri: null,
        bank: bankView(bank),
        ...(req.query.include_signals === 'true' ? { signals: { [e.signal_type]: e.value } } : {}),
        ...(e.note ? { note: e.note } : {}),
      };
    },
  );

  app.delete<{ Params: { bank_name: string; content_id: string } }>('/v1/hma/c/bank/:bank_name/content/:content_id', async (req) => {
    const bank = await bankOr404(req.params.bank_name);
    const id = Number(req.params.content_id);
    const removed = await bankEntries.remove(bank.id, id);
    if (removed) {
      await audit(req, 'bank_entry.removed', { type: 'bank_entry', id: String(id) }, { bankId: bank.id, via: 'hma' });
    }
    return { deleted: removed ? 1 : 0 };
  });
}
