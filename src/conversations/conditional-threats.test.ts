import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { detectCues } from './detect-cues.js';

/*
 * The polite sextortion script says its threat as a condition, not an "or" (issue 16, thirteenth
 * round): "I have private photos of you. If you don't want your school and family to see them,
 * send $800 in gift cards", "Otherwise, the photos will be shared with everyone you know". The
 * threat's frame (cue-frames.ts) read neither the condition ("if you don't want", "si no quieres
 * que", "se não quiser que", "si tu ne veux pas que", "otherwise", "caso contrário", "sinon") nor
 * the exposure in the passive or the subjunctive ("will be shared", "vejam", "les voient") in
 * English, Spanish, Portuguese or French; nor the formal imperative of paying ("envíe", "envie",
 * "envoyez"), nor "R$" (which normalisation reads as "rs"). German and Italian read these already.
 * A condition counts only in a message that names photos, videos or chats: a parent's "if you
 * don't want your mom to see the mess" is no threat. Tables in data/parity/conditional-threats.json.
 */
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/conditional-threats.json', import.meta.url)), 'utf8')) as {
  threats: [string, string[]][];
  quiet: string[];
};
const codes = (t: string) => detectCues(t, { identify: false }).cues.map((c) => c.code);

describe('a threat said as a condition, in four languages', () => {
  it('reads the threat and the demand', () => {
    for (const [t, want] of DATA.threats) for (const c of want) assert.ok(codes(t).includes(c), `${c}: ${t}`);
  });
  it('reads no threat or countdown in a chore, a choice, photos of a match or a bus leaving', () => {
    for (const t of DATA.quiet) {
      const got = codes(t);
      assert.equal(got.includes('exposure_threat') || got.includes('deadline'), false, `${got.join(',')}: ${t}`);
    }
  });
});
