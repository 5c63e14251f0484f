import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectReplyCues } from './reply-cues.js';

describe('detectReplyCues', () => {
  it('finds refusals and a stated age in four languages', () => {
    for (const t of [
      'who is this?',
      'leave me alone',
      'stop messaging me',
      "i'm gonna tell my mom",
      'dejame en paz',
      'quem e voce?',
      'laisse-moi tranquille',
      'i dont wanna talk',
    ])
      assert.equal(detectReplyCues(t).refusal, true, t);
    assert.equal(detectReplyCues("i'm 13").age, 13);
    assert.equal(detectReplyCues('im only 12 lol').age, 12);
    assert.equal(detectReplyCues('tengo 14 años').age, 14);
    assert.equal(detectReplyCues("j'ai 15 ans").age, 15);
  });

  it('leaves everyday replies alone', () => {
    for (const t of ["i'm 5 minutes away", 'ok see you at practice', 'thanks coach!', "i'm 25", 'lol same', 'who won the game?']) {
      const r = detectReplyCues(t);
      assert.equal(r.refusal, false, t);
      assert.equal(r.age, undefined, t);
    }
  });
});
