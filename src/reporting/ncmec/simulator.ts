import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import fastifyFormbody from '@fastify/formbody';
import fastifyMultipart from '@fastify/multipart';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { RESPONSE_CODES } from './ncmec-response.js';
import { validateAgainstSchema } from './validate-xml.js';
import { XmlWriter } from './xml-writer.js';

export const SIM_STEPS = ['submit', 'upload', 'fileinfo', 'finish', 'retract'] as const;
export type SimStep = (typeof SIM_STEPS)[number];
/** Each documented way a call can fail, on demand. */
export const FAILURE_MODES = ['http500', 'code1000', 'unauthorized', 'schema', 'timeout', 'reset'] as const;
export type FailureMode = (typeof FAILURE_MODES)[number];

export interface SimReport {
  id: string;
  xml: string;
  files: Map<string, { name: string; md5: string; bytes: number; details?: string }>;
  state: 'open' | 'finished' | 'retracted';
}

export interface NcmecSimulator {
  app: FastifyInstance;
  reports: Map<string, SimReport>;
  /** Every call received, in order, as `step` or `step:outcome`. */
  calls: string[];
  failNext(step: SimStep, mode: FailureMode, times?: number): void;
  close(): Promise<void>;
}

const response = (code: number, description: string, extra: Record<string, string> = {}) => {
  const w = new XmlWriter().open('reportResponse').leaf('responseCode', code).leaf('responseDescription', description);
  for (const [k, v] of Object.entries(extra)) w.leaf(k, v);
  return w.close('reportResponse').toString();
};

/**
 * A local stand-in for NCMEC's CyberTipline Reporting API: the documented endpoints,
 * response documents and codes, HTTP Basic, XML validated against the schema file it is
 * given, and every failure mode on demand (HTTP 500, responseCode 1000, 401, 4100, no
 * answer, a reset connection). Tests and the demo use it; a platform can use it before
 * NCMEC grants test credentials.
 */
export async function createNcmecSimulator(opts: {
  schema: string;
  username: string;
  password: string;
  firstReportId?: number;
}): Promise<NcmecSimulator> {
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 * 1024, forceCloseConnections: true });
  const reports = new Map<string, SimReport>();
  const calls: string[] = [];
  const failures: { step: SimStep; mode: FailureMode; left: number }[] = [];
  let nextId = opts.firstReportId ?? 100_000;
  const expected = Buffer.from(`Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString('base64')}`);

  await app.register(fastifyFormbody);
  await app.register(fastifyMultipart, { limits: { fileSize: 256 * 1024 * 1024, files: 1 } });
  app.addContentTypeParser(['text/xml', 'application/xml'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const takeFailure = (step: SimStep) => {
    const f = failures.find((x) => x.step === step && x.left > 0);
    if (!f) return undefined;
    f.left--;
    return f.mode;
  };
  const stepOf = (url: string) => SIM_STEPS.find((s) => url.split('?')[0] === `/${s}`);

  // A reset happens before the body is read: "connection reset mid-upload".
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    const step = stepOf(req.url);
    if (!step) return;
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      calls.push(`${step}:401`);
      return reply.code(401).header('www-authenticate', 'Basic realm="ispws"').type('text/plain').send('Unauthorized');
    }
    const mode = takeFailure(step);
    if (!mode) return;
    calls.push(`${step}:${mode}`);
    if (mode === 'reset') {
      req.raw.socket.destroy();
      return reply.hijack();
    }
    if (mode === 'timeout') return reply.hijack(); // never answered
    if (mode === 'unauthorized') return reply.code(401).type('text/plain').send('Unauthorized');
    if (mode === 'http500') return reply.code(500).type('text/html').send('<html><body>Internal Server Error</body></html>');
    if (mode === 'code1000')
      return reply.code(200).type('text/xml').send(response(RESPONSE_CODES.serverError, 'Server error; try again later'));
    if (mode === 'schema')
      return reply
        .code(200)
        .type('text/xml')
        .send(response(RESPONSE_CODES.schemaInvalid, 'cvc-complex-type.2.4.a: injected schema failure'));
  });

  const xml = (reply: FastifyReply, body: string) => reply.code(200).type('text/xml; charset=utf-8').send(body);
  const idOf = (req: FastifyRequest) => String((req.body as Record<string, unknown> | undefined)?.id ?? '');

  app.get('/status', async (_req, reply) => xml(reply, response(0, 'Server is up')));

  app.post('/submit', async (req, reply) => {
    calls.push('submit');
    const doc = String(req.body ?? '');
    const v = await validateAgainstSchema(doc, opts.schema);
    if (!v.valid || !/^<\?xml[^>]*>\s*<report[\s>]/.test(doc))
      return xml(reply, response(RESPONSE_CODES.schemaInvalid, v.errors.join('; ') || 'the document is not a report'));
    const id = String(nextId++);
    reports.set(id, { id, xml: doc, files: new Map(), state: 'open' });
    return xml(reply, response(0, 'Success', { reportId: id }));
  });

  app.post('/upload', async (req, reply) => {
    calls.push('upload');
    let id = '';
    let file: { name: string; data: Buffer } | undefined;
    for await (const part of req.parts()) {
      if (part.type === 'field' && part.fieldname === 'id') id = String(part.value);
      else if (part.type === 'file') file = { name: part.filename, data: await part.toBuffer() };
    }
    const r = reports.get(id);
    if (!r || r.state !== 'open') return xml(reply, response(5000, `no open report ${id}`));
    if (!file) return xml(reply, response(4000, 'no file in the request'));
    const fileId = randomBytes(16).toString('hex');
    const md5 = createHash('md5').update(file.data).digest('hex');
    r.files.set(fileId, { name: file.name, md5, bytes: file.data.length });
    return xml(reply, response(0, 'Success', { reportId: id, fileId, hash: md5 }));
  });

  app.post('/fileinfo', async (req, reply) => {
    calls.push('fileinfo');
    const doc = String(req.body ?? '');
    const v = await validateAgainstSchema(doc, opts.schema);
    if (!v.valid) return xml(reply, response(RESPONSE_CODES.schemaInvalid, v.errors.join('; ')));
    const reportId = /<reportId>([^<]+)<\/reportId>/.exec(doc)?.[1] ?? '';
    const fileId = /<fileId>([^<]+)<\/fileId>/.exec(doc)?.[1] ?? '';
    const f = reports.get(reportId)?.files.get(fileId);
    if (!f) return xml(reply, response(5000, `no file ${fileId} on report ${reportId}`));
    f.details = doc;
    return xml(reply, response(0, 'Success', { reportId, fileId }));
  });

  app.post('/finish', async (req, reply) => {
    calls.push('finish');
    const r = reports.get(idOf(req));
    if (!r) return xml(reply, response(5000, 'no such report'));
    if (r.state === 'finished') return xml(reply, response(RESPONSE_CODES.reportAlreadyFinished, 'Report already finished'));
    if (r.state === 'retracted') return xml(reply, response(RESPONSE_CODES.reportAlreadyRetracted, 'Report already retracted'));
    r.state = 'finished';
    const w = new XmlWriter().open('reportDoneResponse').leaf('responseCode', 0).leaf('reportId', r.id).open('files');
    for (const id of r.files.keys()) w.leaf('fileId', id);
    return xml(reply, w.close('files').close('reportDoneResponse').toString());
  });

  app.post('/retract', async (req, reply) => {
    calls.push('retract');
    const r = reports.get(idOf(req));
    if (!r) return xml(reply, response(5000, 'no such report'));
    if (r.state === 'retracted') return xml(reply, response(RESPONSE_CODES.reportAlreadyRetracted, 'Report already retracted'));
    if (r.state === 'finished') return xml(reply, response(RESPONSE_CODES.reportAlreadyFinished, 'Report already finished'));
    r.state = 'retracted';
    return xml(reply, response(0, 'Success', { reportId: r.id }));
  });

  // Control endpoints for tests and demos: inject failures, list what arrived.
  app.post('/_sim/failures', async (req, reply) => {
    const b = (req.body ?? {}) as { step?: string; mode?: string; times?: number };
    if (!SIM_STEPS.includes(b.step as SimStep) || !FAILURE_MODES.includes(b.mode as FailureMode)) {
      return reply.code(400).send({ error: `step must be one of ${SIM_STEPS.join(', ')}; mode one of ${FAILURE_MODES.join(', ')}` });
    }
    failures.push({ step: b.step as SimStep, mode: b.mode as FailureMode, left: b.times ?? 1 });
    return { ok: true };
  });
  app.get('/_sim/reports', async () => ({
    reports: [...reports.values()].map((r) => ({
      id: r.id,
      state: r.state,
      files: [...r.files.entries()].map(([id, f]) => ({ id, name: f.name, md5: f.md5, described: Boolean(f.details) })),
    })),
  }));

  return {
    app,
    reports,
    calls,
    failNext(step, mode, times = 1) {
      failures.push({ step, mode, left: times });
    },
    close: () => app.close(),
  };
}
