import { createSimCore, listenLocal, type ExchangeSim } from '../exchange-sim.js';

/**
 * A local stand-in for StopNCII's FetchHashes and SubmitFeedback: records changed at or
 * after `startTimestamp` (seconds), `nextPageToken` paging, `nextSetTimestamp` on the last
 * page, Withdrawn records for deletions; both keys checked. One record per fingerprint.
 */
export async function createStopNciiSim(o: {
  subscriptionKey: string;
  functionKey: string;
  pageSize?: number;
  host?: string;
  port?: number;
}): Promise<ExchangeSim> {
  const core = createSimCore();
  core.app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/_sim/')) return;
    if (req.headers['ocp-apim-subscription-key'] !== o.subscriptionKey || req.headers['x-functions-key'] !== o.functionKey)
      return reply.code(401).send({ error: 'unauthorized' });
  });
  core.app.get<{ Querystring: Record<string, string> }>('/FetchHashes', async (req, reply) => {
    if (core.failed('list', req, reply)) return reply;
    const start = Number(req.query.startTimestamp ?? 0);
    const size = Math.min(Number(req.query.pageSize ?? o.pageSize ?? 800), o.pageSize ?? 800);
    const records = [...core.entries.values()]
      .filter((e) => Math.floor(e.tsMs / 1000) >= start)
      .flatMap((e) =>
        e.fingerprints.map((f) => ({
          lastModtimestamp: Math.floor(e.tsMs / 1000),
          signalType: f.sourceType,
          hashValue: f.value,
          hashStatus: e.deleted ? 'Withdrawn' : 'Active',
          caseNumbers: {},
          CSPFeedbacks: [],
        })),
      );
    const offset = Number(req.query.nextPageToken ?? 0);
    const page = records.slice(offset, offset + size);
    const more = offset + size < records.length;
    const maxTs = records.reduce((m, r) => Math.max(m, r.lastModtimestamp), start);
    return {
      count: page.length,
      nextPageToken: more ? String(offset + size) : null,
      nextSetTimestamp: records.length ? maxTs + 1 : start,
      hasMoreRecords: more,
      hashRecords: page,
    };
  });
  core.app.post<{ Body: { hashFeedbacks?: { hashValue?: string; feedbackValue?: string }[] } }>('/SubmitFeedback', async (req, reply) => {
    if (core.failed('feedback', req, reply)) return reply;
    for (const f of req.body.hashFeedbacks ?? []) {
      const e = [...core.entries.values()].find((x) => x.fingerprints.some((p) => p.value === f.hashValue));
      const fp = e?.fingerprints.find((p) => p.value === f.hashValue);
      if (!e || !fp) return reply.code(404).send({ error: 'unknown hash' });
      core.feedback.push({
        entryId: `${fp.sourceType}/${fp.value}`,
        sourceType: fp.sourceType,
        verdict: f.feedbackValue === 'Blocked' ? 'confirm' : 'reject',
      });
    }
    return { success: true };
  });
  return core.sim(await listenLocal(core.app, o.host, o.port));
}
