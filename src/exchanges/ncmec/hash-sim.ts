import { timingSafeEqual } from 'node:crypto';
import { createSimCore, listenLocal, type ExchangeSim, type SimEntry } from '../exchange-sim.js';
import { xmlEscape } from '../xml-tree.js';

const NS = 'https://hashsharing.ncmec.org/hashsharing/v2';
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A local stand-in for NCMEC's hash sharing API (v2): `GET /v2/status`, `GET /v2/entries`
 * with from/to and `paging/next` links (start, size, max), entries deliberately not in time
 * order, `deletedImage`/`deletedVideo`, feedback reasons and `PUT …/feedback`; HTTP Basic.
 * Entry ids are `member/id`. For tests, `warden exchange-sim` and integration work.
 */
export async function createNcmecHashSim(o: {
  username: string;
  password: string;
  pageSize?: number;
  host?: string;
  port?: number;
}): Promise<ExchangeSim> {
  const core = createSimCore();
  const pageSize = o.pageSize ?? 1000;
  const expected = Buffer.from(`Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`);
  core.app.addContentTypeParser(['application/xml', 'text/xml'], { parseAs: 'string' }, (_r, body, done) => done(null, body));
  core.app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/_sim/')) return;
    const given = Buffer.from(req.headers.authorization ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return reply.code(401).send('Unauthorized');
  });
  core.app.get('/v2/status', async (_req, reply) =>
    reply
      .type('application/xml')
      .send(
        `<status xmlns="${NS}"><ipAddress>127.0.0.1</ipAddress><username>${xmlEscape(o.username)}</username><member id="1">Simulated ESP</member></status>`,
      ),
  );
  core.app.get<{ Querystring: Record<string, string> }>('/v2/entries', async (req, reply) => {
    if (core.failed('list', req, reply)) return reply;
    const from = Date.parse(req.query.from ?? '');
    const to = Date.parse(req.query.to ?? '');
    if (Number.isNaN(from) || Number.isNaN(to)) return reply.code(400).send('from and to are required');
    const inRange = [...core.entries.values()].filter((e) => e.tsMs >= from && e.tsMs < to);
    const start = Number(req.query.start ?? 1);
    const size = Number(req.query.size ?? pageSize);
    const page = inRange.slice(start - 1, start - 1 + size);
    const next =
      start - 1 + size < inRange.length
        ? `/v2/entries?from=${encodeURIComponent(req.query.from!)}&to=${encodeURIComponent(req.query.to!)}&start=${start + size}&size=${size}&max=${inRange.length}`
        : undefined;
    const group = (kind: 'image' | 'video') => {
      const list = page.filter((e) => e.kind === kind);
      const max = list.reduce((m, e) => Math.max(m, e.tsMs), 0);
      return `<${kind}s count="${list.length}"${list.length ? ` maxTimestamp="${iso(max)}"` : ''}>${list.map(render).join('')}</${kind}s>`;
    };
    const paging = next ? `<paging><next>${xmlEscape(next)}</next></paging>` : '';
    return reply
      .type('application/xml')
      .send(`<?xml version="1.0" encoding="UTF-8"?><queryResult xmlns="${NS}">${group('image')}${group('video')}${paging}</queryResult>`);
  });
  core.app.get<{ Params: { type: string } }>('/v2/feedback/:type/reasons', async (req, reply) =>
    reply
      .type('application/xml')
      .send(
        `<feedbackReasons xmlns="${NS}"><availableFeedbackReasons><reason guid="00000000-0000-4000-8000-00000000000${req.params.type.length % 10}" name="Not the fingerprinted content" type="${xmlEscape(req.params.type)}"/></availableFeedbackReasons></feedbackReasons>`,
      ),
  );
  core.app.put<{ Params: { member: string; id: string; type: string }; Body: string }>(
    '/v2/entries/:member/:id/:type/feedback',
    async (req, reply) => {
      if (core.failed('feedback', req, reply)) return reply;
      const entryId = `${req.params.member}/${req.params.id}`;
      if (!core.entries.has(entryId)) return reply.code(404).send('no such entry');
      const body = String(req.body ?? '');
      const verdict = body.includes('<affirmative')
        ? 'confirm'
        : body.includes('<negative') && /<guid>[^<]+<\/guid>/.test(body)
          ? 'reject'
          : undefined;
      if (!verdict) return reply.code(400).send('affirmative, or negative with a reason guid');
      core.feedback.push({ entryId, sourceType: req.params.type, verdict });
      return reply.code(200).send('');
    },
  );
  return core.sim(await listenLocal(core.app, o.host, o.port));
}

function render(e: SimEntry): string {
  const slash = e.id.indexOf('/');
  const member = `<member id="${xmlEscape(e.id.slice(0, slash))}">Member</member>`;
  const head = `${member}<timestamp>${iso(e.tsMs)}</timestamp><id>${xmlEscape(e.id.slice(slash + 1))}</id>`;
  if (e.deleted) {
    const tag = e.kind === 'image' ? 'deletedImage' : 'deletedVideo';
    return `<${tag}>${head}</${tag}>`;
  }
  const fps = e.fingerprints.map((f) => `<${f.sourceType.toLowerCase()}>${xmlEscape(f.value)}</${f.sourceType.toLowerCase()}>`).join('');
  return `<${e.kind}>${head}<classification>A1</classification><fingerprints>${fps}</fingerprints></${e.kind}>`;
}
