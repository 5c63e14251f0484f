import type { Alert } from '../alerts/alert-schema.js';
import type { TimelineEvent } from '../cases/case-data.js';

/*
 * The words of a report, written for the analyst at NCMEC who reads it (issue 17, defect 4):
 * what was observed, in plain language, and the conversation as it happened, both sides.
 */

/**
 * Reason codes that are scores or model features, not observations: useful to a reviewer
 * weighing an alert, meaningless (and misleading) to a reader who cannot see the model.
 */
const NOT_OBSERVATIONS = new Set(['model_words', 'model_score', 'external_classifier', 'account_risk']);

const CATEGORY_NAME: Record<string, string> = {
  grooming: 'Grooming',
  sextortion: 'Sextortion',
  solicitation: 'Solicitation of images',
  csam_hash_match: 'Known abuse image (hash match)',
};
const categoryName = (c: string) => CATEGORY_NAME[c] ?? c.replace(/_/g, ' ').replace(/^./, (x) => x.toUpperCase());

/** "asked the child their age (event evt_1, en)" → "asked the child their age": event ids and languages are Warden's bookkeeping. */
const plain = (detail: string) => detail.replace(/\s*\((?:event|events) [^)]*\)\s*$/, '').trim();

/**
 * What Warden observed, one line per alert category (most severe first), each observation
 * once: "Sextortion (critical): threatened to share images of the child; demanded payment".
 */
export function observations(alerts: readonly Alert[]): string {
  const RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };
  const byCategory = new Map<string, { severity: string; seen: Set<string> }>();
  for (const a of [...alerts].sort((x, y) => (RANK[x.severity] ?? 9) - (RANK[y.severity] ?? 9))) {
    const entry = byCategory.get(a.category) ?? { severity: a.severity, seen: new Set<string>() };
    for (const r of a.reasons) if (!NOT_OBSERVATIONS.has(r.code)) entry.seen.add(plain(r.detail));
    byCategory.set(a.category, entry);
  }
  return [...byCategory]
    .map(([c, e]) => `${categoryName(c)} (${e.severity}): ${[...e.seen].join('; ') || 'see the chat content'}.`)
    .join('\n');
}

export interface ChatWindow {
  /** Inclusive bounds, RFC 3339; absent: from the start or to the end of the exchange. */
  from?: string | undefined;
  to?: string | undefined;
}

/** The messages of the conversations that hold a cited message: the whole exchange, both sides, oldest first. */
export function exchange(timeline: readonly TimelineEvent[]): TimelineEvent[] {
  const convs = new Set(timeline.filter((e) => e.cues.length > 0 && e.conversationId).map((e) => e.conversationId!));
  return timeline.filter((e) => e.type === 'message.sent' && e.text !== undefined && e.conversationId && convs.has(e.conversationId));
}

/**
 * The chat content: each message of the window with its time, sender and recipients by
 * handle (with the platform's id), and its text. Cited messages are marked for the reader.
 */
export function chatTranscript(
  timeline: readonly TimelineEvent[],
  handles: ReadonlyMap<string, string>,
  w: ChatWindow = {},
  max = Infinity,
): string {
  const from = w.from ? Date.parse(w.from) : -Infinity;
  const to = w.to ? Date.parse(w.to) : Infinity;
  const who = (id: string) => (handles.get(id) ? `@${handles.get(id)} (${id})` : id);
  const lines = exchange(timeline)
    .filter((e) => {
      const t = Date.parse(e.ts);
      return t >= from && t <= to;
    })
    .map((e) => ({
      cited: e.cues.length > 0,
      text: `${new Date(e.ts).toISOString().slice(0, 19).replace('T', ' ')} UTC ${who(e.from ?? '?')} to ${(e.to ?? []).map(who).join(', ')}${e.cues.length ? ' [cited]' : ''}: ${e.text}`,
    }));
  // Over NCMEC's text limit: the messages farthest from the cited ones go first, from
  // whichever end has more of them, and the reader is told how many were left out.
  let [start, end] = [0, lines.length];
  const firstCited = lines.findIndex((l) => l.cited);
  const lastCited = lines.length - 1 - [...lines].reverse().findIndex((l) => l.cited);
  const render = () =>
    [
      ...(start > 0 ? [`[${start} earlier message${start === 1 ? '' : 's'} not included]`] : []),
      ...lines.slice(start, end).map((l) => l.text),
      ...(end < lines.length ? [`[${lines.length - end} later message${lines.length - end === 1 ? '' : 's'} not included]`] : []),
    ].join('\n');
  let out = render();
  while (out.length > max && end - start > 1) {
    const before = firstCited < 0 ? 0 : firstCited - start;
    const after = firstCited < 0 ? 0 : end - 1 - lastCited;
    if (before >= after && before > 0) start++;
    else if (after > 0) end--;
    else if (end - start > 1) start++;
    out = render();
  }
  return out;
}
