import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';

/*
 * A lone request for a photo of family life from an adult with no link on the platform (issue 16,
 * sixteenth session): the child in the new kit, blowing out the candles, the photo with the
 * trophy to frame. In the shared corpora, written by other authors, every such request alone was
 * a grandparent's or an aunt's; none of their risky conversations needed it. From an account
 * that is not new it waits for a second move, as from an adult who writes as a relative
 * (`assess-risk.ts`). Tables in data/parity/family-life-requests.json; synthetic and non-graphic.
 */
type Row = { name: string; accountDays: number; lines: Line[] };
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/family-life-requests.json', import.meta.url)), 'utf8')) as {
  benign: Row[];
  risky: Row[];
};
const cases = (rows: Row[]): ConversationCase[] => rows.map((r) => ({ name: r.name, lines: r.lines, accountDays: r.accountDays }));

describeTwins(
  'a lone photo of family life from an established account with no link stays quiet; a new account, a second move or a private photo fire',
  cases(DATA.benign),
  cases(DATA.risky),
);
