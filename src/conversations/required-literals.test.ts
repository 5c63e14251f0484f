import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requiredLiterals } from './required-literals.js';

const lits = (re: RegExp) => requiredLiterals(re)?.sort();

describe('requiredLiterals', () => {
  it('names the strings a match cannot do without', () => {
    assert.deepEqual(lits(/send me a pic/), ['send me a pic']);
    assert.deepEqual(lits(/pics?/), ['pic']);
    assert.deepEqual(lits(/(?:snap|kik)chat/), ['kikchat', 'snapchat']);
    assert.deepEqual(lits(/(?<![a-z])(?:how old|age)(?![a-z])/), ['age', 'how old']);
    assert.deepEqual(lits(/k[e3]ep it/), ['k3ep it', 'keep it']);
    // The longest part of a sequence that cannot be bounded whole.
    assert.deepEqual(lits(/\d+ ?(?:dollars|bucks)/), ['bucks', 'dollars']);
    assert.deepEqual(lits(/(?:don'?t|never) tell/), ["don't tell", 'dont tell', 'never tell']);
    assert.deepEqual(lits(/a+bcd/), ['bcd']);
  });

  it('names what a positive lookaround needs: the scan reads the whole text, not the match', () => {
    // A pattern of several parts, each part anywhere in the message: the part with the longer literals.
    assert.deepEqual(lits(/^(?=[\s\S]*?(?:surprise|party))(?=[\s\S]*?\bher\b)/), ['party', 'surprise']);
    assert.deepEqual(lits(/(?<=tell )(?:mum|dad)/), ['tell ']);
    // A negative lookaround needs nothing.
    assert.equal(requiredLiterals(/^(?![\s\S]*alone)[\s\S]*/), undefined);
    for (const t of ['a surprise for her', 'her party is on friday']) {
      const re = /^(?=[\s\S]*?(?:surprise|party))(?=[\s\S]*?\bher\b)/;
      assert.ok(re.test(t) && requiredLiterals(re)!.some((x) => t.includes(x)), t);
    }
  });

  it('names none where a match may hold no fixed text, so that expression is always tested', () => {
    assert.equal(requiredLiterals(/\d{3,}/), undefined);
    assert.equal(requiredLiterals(/(?:snap|\d+)/), undefined);
    assert.equal(requiredLiterals(/(?:snap)?/), undefined);
    assert.equal(requiredLiterals(/[a-z]+/), undefined);
    assert.equal(requiredLiterals(/snap/i), undefined);
  });

  it('every match of an expression contains one of its literals', () => {
    const cases: [RegExp, string[]][] = [
      [/(?:send|show) (?:me )?(?:a )?pics?/, ['send a pic', 'show me pics', 'send me a pic']],
      [/(?:wanna|want to) (?:meet|see (?:you|u))/, ['wanna see u', 'want to meet']],
      [/\$ ?\d+|\d+ ?(?:usd|euros)/, ['$ 50', '20euros']],
    ];
    for (const [re, texts] of cases) {
      const l = requiredLiterals(re)!;
      for (const t of texts) {
        const m = re.exec(t)![0];
        assert.ok(
          l.some((x) => m.includes(x)),
          `${re} matched ${m}, literals ${l}`,
        );
      }
    }
  });
});
