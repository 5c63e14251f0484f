import { createSimCore, listenLocal, type ExchangeSim } from '../exchange-sim.js';

/**
 * A local stand-in for a ThreatExchange privacy group's `threat_updates` and reactions:
 * indicators changed in [start_time, stop_time), `paging.cursors.after` with a `next` link,
 * `should_delete`; the access token checked. One indicator per fingerprint; its id is the entry's.
 */
export async function createThreatExchangeSim(o: {
  accessToken: string;
  privacyGroup: string;
  pageSize?: number;
  host?: string;
  port?: number;
}): Promise<ExchangeSim> {
  const core = createSimCore();
  let base = '';
  core.app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/_sim/')) return;
    if (new URL(req.url, 'http://x').searchParams.get('access_token') !== o.accessToken)
      return reply.code(401).send({ error: { message: 'invalid token' } });
  });
  core.app.get<{ Params: { group: string }; Querystring: Record<string, string> }>('/:group/threat_updates/', async (req, reply) => {
    if (core.failed('list', req, reply)) return reply;
    if (req.params.group !== o.privacyGroup) return reply.code(404).send({ error: { message: 'no such privacy group' } });
    const start = Number(req.query.start_time ?? 0);
    const stop = Number(req.query.stop_time ?? Number.MAX_SAFE_INTEGER);
    const size = Math.min(Number(req.query.limit ?? 500), o.pageSize ?? 500);
    const all = [...core.entries.values()]
      .filter((e) => Math.floor(e.tsMs / 1000) >= start && Math.floor(e.tsMs / 1000) < stop)
      .map((e) => ({
        id: e.id,
        indicator: e.fingerprints[0]?.value ?? '',
        type: e.fingerprints[0]?.sourceType ?? '',
        last_updated: Math.floor(e.tsMs / 1000),
        should_delete: e.deleted,
      }));
    const offset = Number(req.query.after ?? 0);
    const data = all.slice(offset, offset + size);
    const more = offset + size < all.length;
    const next = new URLSearchParams({ ...req.query, after: String(offset + size) });
    return {
      data,
      paging: more ? { cursors: { after: String(offset + size) }, next: `${base}/${o.privacyGroup}/threat_updates/?${next}` } : {},
    };
  });
  core.app.post<{ Params: { id: string }; Querystring: Record<string, string> }>('/:id/', async (req, reply) => {
    if (core.failed('feedback', req, reply)) return reply;
    const e = core.entries.get(req.params.id);
    const r = req.query.reactions;
    if (!e) return reply.code(404).send({ error: { message: 'no such indicator' } });
    if (r !== 'SAW_THIS_TOO' && r !== 'DISAGREE_WITH_ALL_TAGS') return reply.code(400).send({ error: { message: 'unknown reaction' } });
    core.feedback.push({
      entryId: e.id,
      sourceType: e.fingerprints[0]?.sourceType ?? '',
      verdict: r === 'SAW_THIS_TOO' ? 'confirm' : 'reject',
    });
    return { success: true };
  });
  base = await listenLocal(core.app, o.host, o.port);
  return core.sim(base);
}
