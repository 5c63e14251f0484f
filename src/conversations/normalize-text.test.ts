import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { elide, hasRun, normalizeText, normalizeTextFullPath } from './normalize-text.js';

describe('normalizeText', () => {
  it('undoes common disguises', () => {
    const cases: [string, string][] = [
      ['add me on s n a p', 'add me on snap'],
      ['r u home? lemme see u', 'are you home? let me see you'],
      ['urgent: you up?', 'urgent: you up?'],
      ['add me on s.n.a.p.c.h.a.t', 'add me on snapchat'],
      ['keep it s3cr3t', 'keep it secret'],
      ['ＤＯＮＴ ＴＥＬＬ', 'dont tell'],
      ['d\u200bo\u200bn\u200bt tell anyone', 'dont tell anyone'],
      ['\u202eyour parents', 'your parents'],
      ['sеnd а рhoto', 'send a photo'], // Cyrillic е, а, р
      ['pleeeease', 'please'],
      ['how old are you? i am 13', 'how old are you? i am 13'],
      ['¿Cuántos años tienes?', '¿cuantos anos tienes?'],
      ['tu as quel âge', 'tu as quel age'],
      ['🤫 ok', 'secret ok'],
      ['send 📸', 'send photo'],
      // Whitespace: runs, tabs, newlines and no-break spaces to one space, with and without leetspeak.
      ['  dont\ttell \n\n anyone  ', 'dont tell anyone'],
      ['dont\u00a0tell  anyone!', 'dont tell anyone!'],
      ['k33p\t it  s3cr3t!!', 'keep it secret!!'],
      ['great game today team!', 'great game today team!'],
      // A number with its unit is a time or an age, not leetspeak; a digit inside a word still is.
      ['you have 24h to pay', 'you have 24h to pay'],
      ['tienes 48h, 10min max', 'tienes 48h, 10min max'],
      ['see you at 3pm, im 15yo', 'see you at 3pm, im 15yo'],
      ['5end me a pic', 'send me a pic'],
    ];
    for (const [input, out] of cases) assert.equal(normalizeText(input), out, input);
  });

  it('reads lookalikes from the Unicode confusables data, emoji from emojilib, and any separator', () => {
    const cases: [string, string][] = [
      ['ᴀᴅᴅ ᴍᴇ ᴏɴ ꜱɴᴀᴘ', 'add me on snap'], // small capitals
      ['𝐬𝐞𝐧𝐝 𝐦𝐞 𝐚 𝐩𝐢𝐜', 'send me a pic'], // mathematical bold (NFKC)
      ['Ꮪend me a ꮲic', 'send me a pic'], // Cherokee lookalikes, not in any hand table
      ['ԁоn’т тell', "don't tell"], // Cyrillic mapped through small capitals (т to ᴛ to t)
      ['s/n/a/p', 'snap'],
      ['s*n*a*p', 'snap'],
      ['s·n·a·p', 'snap'],
      ['s • n • a • p', 'snap'],
      ['t e l e g r a m', 'telegram'],
      ['🤐 and 💸 ⏳', 'secret and money time running out'],
      ['call me ☎️', 'call me phone'],
      // Two letters, a digit or an ordinary word between the separators stay as written.
      ['a/b testing at 5/6', 'a/b testing at 5/6'],
      ['weißt du', 'weißt du'],
      // A currency sign stays an amount's unit (TR39 would read "€" as "e", leetspeak then "500e" as "sooe").
      ['mandami 500€', 'mandami 500€'],
    ];
    for (const [input, out] of cases) assert.equal(normalizeText(input), out, input);
  });

  it('takes any string, including lone surrogates and 16 KiB, without throwing, and is idempotent', () => {
    assert.equal(normalizeText(''), '');
    assert.equal(normalizeText('a\ud800b'), 'a b');
    assert.ok(normalizeText('x'.repeat(20_000) + ' y').length <= 16_384);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        const once = normalizeText(s);
        assert.equal(typeof once, 'string');
        assert.equal(normalizeText(once), once);
      }),
      { numRuns: 500 },
    );
    // Disguise characters mixed densely, where the steps can uncover work for each other.
    const dense = fc
      .array(fc.constantFrom('a', 'e', 's', '1', '3', '0', '@', '!', '|', ' ', '.', '-', '?'), { maxLength: 24 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(dense, (s) => normalizeText(normalizeText(s)) === normalizeText(s)),
      { numRuns: 5000 },
    );
  });

  it('takes the ASCII fast path to exactly what the full path gives', () => {
    const ascii = fc.string({ unit: fc.constantFrom(..." \t\nabcdeosnapSNAP013457@$!|.-_?`'".split('')), maxLength: 60 });
    fc.assert(
      fc.property(ascii, (s) => normalizeText(s) === normalizeTextFullPath(s)),
      { numRuns: 5000 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => normalizeText(s) === normalizeTextFullPath(s)),
      { numRuns: 2000 },
    );
  });

  it('skips the elision and letter-run replaces only where those find nothing', () => {
    // The hand checks stand in front of two expressions: the results must be the expressions' own.
    const near = fc.string({ unit: fc.constantFrom(..."qutjmlcdnsaeiouyhxz' .".split('')), maxLength: 40 });
    fc.assert(
      fc.property(near, (s) => {
        assert.equal(elide(s), s.replace(/(?<![a-z'])(qu|[tjmlcdns]) (?=[aeiouyh])/g, "$1'"));
        assert.equal(hasRun(s), /([a-z])\1{2,}/.test(s));
      }),
      { numRuns: 20000 },
    );
    for (const s of ['j ai', 'qu on', 't envoie', ' j ai', 'ja i', "l'l a", 'aqu on', 'squ a'])
      assert.equal(elide(s), s.replace(/(?<![a-z'])(qu|[tjmlcdns]) (?=[aeiouyh])/g, "$1'"), s);
  });
});
