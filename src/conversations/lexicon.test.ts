import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CUES, LEXICON } from './cue-lexicon.js';
import { detectCues } from './detect-cues.js';
import { LEXICON_DIR, parseLexicon } from './load-lexicon.js';
import { normalizeText } from './normalize-text.js';
import { detectReplyCues } from './reply-cues.js';
import {
  familyAudience,
  keepsParentsOut,
  parentAudience,
  saysNewAccount,
  kinAddress,
  mentionsGuardian,
  namesFamilyTie,
  speaksAsKin,
} from './family-voice.js';
import { sentences, speechActs } from './speech-acts.js';
import { keptFromCelebrant, namesParty, partyTask } from './surprise-party.js';
import { asksTurn } from './your-turn.js';

/*
 * The lexicon's own examples are its tests: every pattern matches the sentences listed under
 * it, and no cue fires on the sentences its language lists as "not". A reviewer who edits a
 * data file runs this file and sees which example broke.
 */
const word = (p: string) => new RegExp(`(?:^|[^a-z])(?:${p})(?![a-z])`);
const codes = (t: string) => detectCues(t).cues.map((c) => c.code);

describe('lexicon data files', () => {
  it('has a file per language, each covering every cue', () => {
    assert.ok(LEXICON.languages.length >= 4);
    for (const l of LEXICON.languages)
      for (const c of CUES) {
        const own = l.cues.get(c.code);
        assert.ok(
          own && (own.patterns.length > 0 || (l.frames.get(c.code)?.length ?? 0) > 0),
          `${l.file}: ${c.code} has no patterns or frames`,
        );
      }
  });

  for (const l of LEXICON.languages) {
    it(`${l.file}: every pattern matches its examples and the cue fires on them`, () => {
      const failures: string[] = [];
      for (const [code, c] of l.cues) {
        const unless = c.unless.map((u) => new RegExp(u));
        for (const p of c.patterns) {
          const re = word(p.expanded);
          for (const ex of p.match) {
            const n = normalizeText(ex);
            if (!re.test(n)) failures.push(`${code}: /${p.re}/ does not match "${ex}"`);
            else if (!unless.some((u) => u.test(n)) && !codes(ex).includes(code)) failures.push(`${code}: "${ex}" does not fire the cue`);
          }
          for (const ex of p.not ?? []) if (re.test(normalizeText(ex))) failures.push(`${code}: /${p.re}/ matches "${ex}", listed as not`);
        }
      }
      assert.deepEqual(failures, []);
    });

    it(`${l.file}: no cue fires on the sentences it lists as not`, () => {
      const failures: string[] = [];
      for (const [code, c] of l.cues) for (const ex of c.not) if (codes(ex).includes(code)) failures.push(`${code} fires on "${ex}"`);
      assert.deepEqual(failures, []);
    });

    it(`${l.file}: every frame matches one of its cue's frame examples`, () => {
      const failures: string[] = [];
      for (const [code, frames] of l.frames) {
        const examples = (l.cues.get(code)?.frameMatch ?? []).map(normalizeText);
        frames.forEach((slots, i) => {
          const res = slots.map(word);
          if (!examples.some((ex) => res.every((r) => r.test(ex))))
            failures.push(`${code} frame ${i} (${slots.length} slots) has no example`);
        });
        for (const ex of l.cues.get(code)?.frameMatch ?? []) if (!codes(ex).includes(code)) failures.push(`${code}: "${ex}" does not fire`);
      }
      assert.deepEqual(failures, []);
    });

    it(`${l.file}: speech-act patterns match their examples, each in one sentence`, () => {
      const failures: string[] = [];
      for (const [act, list] of l.speech)
        for (const p of list) {
          const res = p.expanded.map((r) => new RegExp(r));
          for (const ex of p.match) {
            const n = normalizeText(ex);
            const one = sentences(n, l.language !== 'it').some((s) => res.every((r) => r.test(s)));
            if (!one) failures.push(`${act}: ${JSON.stringify(p.re)} does not match "${ex}" within one sentence`);
            const a = speechActs(n, l.language);
            const readElsewhere =
              act === 'thing' ||
              act === 'child' ||
              act === 'kin' ||
              act === 'kin_self' ||
              act === 'guardian' ||
              act === 'kin_tie' ||
              act === 'family_audience' ||
              act === 'parent_audience' ||
              act === 'parents_out' ||
              act === 'new_account' ||
              act === 'your_turn' ||
              act === 'party' ||
              act === 'party_secret' ||
              act === 'party_task' ||
              act === 'party_not';
            if (!readElsewhere && !a.acts.includes(act as never)) failures.push(`${act}: "${ex}" is not read as ${act}`);
            if (act === 'kin' && kinAddress(n) === undefined) failures.push(`kin: "${ex}" is not read as a family address`);
            if (act === 'kin_self' && !speaksAsKin(n)) failures.push(`kin_self: "${ex}" is not read as the adult speaking as family`);
            if (act === 'guardian' && !mentionsGuardian(n)) failures.push(`guardian: "${ex}" is not read as naming the parent`);
            if (act === 'kin_tie' && !namesFamilyTie(n)) failures.push(`kin_tie: "${ex}" is not read as a tie to the family`);
            if (act === 'family_audience' && !familyAudience(n)) failures.push(`family_audience: "${ex}" is not read as the family`);
            if (act === 'parent_audience' && !parentAudience(n)) failures.push(`parent_audience: "${ex}" is not read as the parent`);
            if (act === 'new_account' && !saysNewAccount(n)) failures.push(`new_account: "${ex}" is not read as a new account`);
            if (act === 'parents_out' && !keepsParentsOut(n)) failures.push(`parents_out: "${ex}" is not read as keeping parents out`);
            if (act === 'your_turn' && asksTurn(n) === undefined) failures.push(`your_turn: "${ex}" is not read as a turn`);
            if (act === 'party' && !namesParty(n)) failures.push(`party: "${ex}" is not read as a party for someone else`);
            if (act === 'party_secret' && !keptFromCelebrant(n))
              failures.push(`party_secret: "${ex}" is not read as kept from a third person`);
            if (act === 'party_task' && !partyTask(n)) failures.push(`party_task: "${ex}" is not read as the party's preparation`);
            if (act === 'party_not' && namesParty(`${n}, a surprise for his birthday`))
              failures.push(`party_not: "${ex}" does not rule out a party`);
            if (act === 'thing' && a.imageOf !== 'thing') failures.push(`thing: "${ex}" is not read as a photo of a thing`);
          }
          for (const ex of p.not ?? [])
            if (res.every((r) => r.test(normalizeText(ex)))) failures.push(`${act}: matches "${ex}", listed as not`);
        }
      assert.deepEqual(failures, []);
    });

    it(`${l.file}: reply patterns match their examples`, () => {
      for (const p of l.reply.refusal)
        for (const ex of p.match) assert.equal(detectReplyCues(ex).refusal, true, `refusal /${p.re}/: "${ex}"`);
      for (const p of l.reply.age) for (const ex of p.match) assert.ok(detectReplyCues(ex).age !== undefined, `age /${p.re}/: "${ex}"`);
    });
  }
});

describe('parseLexicon', () => {
  const files = readdirSync(LEXICON_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((file) => ({ file, text: readFileSync(join(LEXICON_DIR, file), 'utf8') }));
  const withEn = (edit: (text: string) => string) => files.map((f) => (f.file === 'en.yaml' ? { ...f, text: edit(f.text) } : f));
  const issues = (fs: { file: string; text: string }[]) => {
    const r = parseLexicon(fs);
    assert.equal(r.ok, false);
    return r.ok ? [] : r.error;
  };

  it('loads the shipped files', () => assert.equal(parseLexicon(files).ok, true));

  it('names the file and field of a pattern that does not compile', () => {
    const found = issues(withEn((t) => t.replace('re: how (?:old|young)', 're: how ((?:old|young)')));
    assert.ok(found.some((i) => i.field === 'en.yaml: cues.age_question.patterns[0].re' && /not a valid pattern/.test(i.reason)));
  });

  it('names a fragment no defs define', () => {
    const found = issues(withEn((t) => t.replace('re: how (?:old|young)', 're: how {nonesuch} (?:old|young)')));
    assert.ok(found.some((i) => i.field.startsWith('en.yaml: cues.age_question') && /\{nonesuch\}/.test(i.reason)));
  });

  it('refuses a pattern without an example and a cue the index does not know', () => {
    const found = issues(
      withEn((t) =>
        t
          .replace(/\n {2}age_question:\n/, '\n  age_quest:\n')
          .replace(/(re: how \(\?:old\|young\)[^\n]*\n)\s+match:\n\s+- [^\n]+\n/, '$1        match: []\n'),
      ),
    );
    assert.ok(found.some((i) => i.field.includes('match') && /at least one example/.test(i.reason)));
    const unknown = issues(withEn((t) => t.replace(/\n {2}age_question:\n/, '\n  age_quest:\n')));
    assert.ok(unknown.some((i) => i.field === 'en.yaml: cues.age_quest' && /not a cue/.test(i.reason)));
  });

  it('reports a missing index and a file named for another language', () => {
    assert.deepEqual(issues(files.filter((f) => f.file !== 'cues.yaml'))[0]?.field, 'cues.yaml');
    const found = issues(files.map((f) => (f.file === 'en.yaml' ? { ...f, file: 'xx.yaml' } : f)));
    assert.ok(found.some((i) => i.field === 'xx.yaml: language'));
  });
});
