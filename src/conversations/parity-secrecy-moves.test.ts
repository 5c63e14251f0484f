import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { A, C, describeTwins, K } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * Issue 16, tenth round, parity: every cue of the secrecy, move, meeting, normalising and
 * pressure group read alike in en, es, pt, fr, de and it. The phrasings (a data file) were written
 * before reading the lexicon (8-10 per cue and language, natural in each language, not word
 * for word); each one is read now. Classes a language lacked, now read in all six:
 * - pressure to prove trust (compliance_test): "would you do anything for me", "if you really
 *   cared you'd", "do it if you love me", "show me you're not a baby", "you said you'd do
 *   whatever i want", "i thought we were friends", "after everything i did for you" (German and
 *   Italian had most of these, English, Spanish, Portuguese and French had two patterns each);
 * - normalising: "everybody your age does it", "it's natural", "age is just a number", "girls
 *   your age date older guys";
 * - secrecy: the parents "don't need to know", "nobody can find out", "make sure your mom
 *   doesn't see this", a diminutive secret ("secretito", "segredinho"), "don't show anyone these
 *   messages", the French ask without "ne" ("dis pas à ton père"), the Italian "tuo papà";
 * - a move to "my other account", "download kik", "come to discord", a vanishing-message app in
 *   Spanish, an adverb before the app in German ("schreib mir lieber auf insta");
 * - a meeting: a pickup asked ("can i pick you up after school?"), waiting outside the school
 *   ("i'll wait" was missed for its contraction), sneaking out, a drive to the child's town.
 * Left as they were (benign far more often than not from an adult a child knows, or read by the
 * speech layer as a report or a warning): "are you brave enough?", "do you always do what
 * you're told?", "people do it all the time", "it's not that serious" outside English and
 * German, a meeting at a named place or on a day ("meet me at the park at 5", "on se voit ce
 * week-end"), "if anyone asks, you don't know me" in fr/de/it (read as reported speech) and
 * "pass auf, dass…" in German (read as a warning).
 * Synthetic, non-graphic lines in the documented cues only.
 */

const cue = (text: string) => sendersOwn(detectCues(text).cues).map((c) => c.code);

/** cue -> language -> phrasings that must carry the cue as the sender's own move (data/parity/secrecy-moves.json). */
const PARITY = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/secrecy-moves.json', import.meta.url)), 'utf8')) as Record<
  string,
  Record<string, string[]>
>;

describe('secrecy, moves, meetings, normalising and pressure read in every language (issue 16, tenth round)', () => {
  for (const [code, byLanguage] of Object.entries(PARITY))
    for (const [language, phrasings] of Object.entries(byLanguage))
      it(`${code} in ${language}: ${phrasings.length} phrasings`, () => {
        const missed = phrasings.filter((t) => !cue(t).includes(code));
        assert.deepEqual(missed, []);
      });

  it('every cue of the group has the same number of phrasings read in all six languages, within two', () => {
    for (const [code, byLanguage] of Object.entries(PARITY)) {
      const counts = Object.values(byLanguage).map((p) => p.length);
      assert.equal(Object.keys(byLanguage).length, 6, code);
      assert.ok(Math.max(...counts) - Math.min(...counts) <= 2, `${code}: ${counts.join(',')}`);
    }
  });
});

describeTwins(
  'parity: the new readings stay quiet on parents, relatives, coaches and shops, and fire on the scripts (issue 16, tenth round)',
  [
    C('en: a cake hidden from dad', [
      A("make sure your dad doesn't see the cake, it's a surprise for sunday"),
      K('ok where is it'),
      A('top shelf in the garage'),
    ]),
    C('en: a coach before the final', [
      A("it's natural to feel nervous before the final"),
      A('everybody your age does the fitness test in may anyway'),
      K('ok coach'),
    ]),
    C('en: a maths teacher', [A('prove that the two triangles are the same, due friday'), K('ok')]),
    C('en: a grandparent collecting', [A('grandpa will pick you up from school at 3:30, your mum knows'), K('ok thanks')]),
    C('es: a present hidden from dad', [A('que tu papá no vea el regalo hasta el domingo, es sorpresa'), K('vale mamá')]),
    C('es: the club app', [A('descarga la app del club para ver los horarios'), A('ven al entrenamiento el sábado a las 10'), K('ok')]),
    C('pt: a present hidden from mum', [A('cuidado pra sua mãe não ver o presente antes de domingo'), K('pode deixar')]),
    C('pt: the school app', [A('baixa o app da escola pra ver as notas'), K('ok professora')]),
    C('fr: a present hidden from mum', [A('fais gaffe que ta mère voie pas le cadeau avant dimanche'), K('oui papa')]),
    C('fr: a coach after the match', [A("c'est naturel d'être fatigué après le match"), A('repose-toi bien'), K('merci')]),
    C('de: a choice of course', [A('das ist natürlich deine entscheidung, welchen kurs du wählst'), K('ok danke')]),
    C('it: a present hidden from mum', [
      A('stai attenta che tua mamma non veda il regalo prima di domenica, è una sorpresa'),
      K('ok papà'),
    ]),
    C('it: homework checked', [A('fammi vedere che hai finito i compiti'), K('ecco')]),
    C('es: an older cousin and a pizza', [A('harías cualquier cosa por una pizza ahora mismo? jaja'), K('siii')]),
  ],
  [
    C('en: pressure, then secrecy', [
      A('you seem so mature for your age'),
      K('lol thx'),
      A('would you do anything for me?'),
      A("your parents don't need to know"),
    ]),
    C('es: a secret and a download', [
      A('esto es nuestro secretito'),
      A('tus padres no tienen por qué saberlo'),
      A('descárgate kik para hablar'),
    ]),
    C('pt: another account and nobody finds out', [A('me chama na minha outra conta'), A('ninguém pode descobrir isso')]),
    C('fr: no "ne" and another account', [A("dis pas à ton père qu'on se parle"), A('écris-moi sur mon autre compte')]),
    C('de: anything for me, then another account', [A('würdest du alles für mich tun?'), A('schreib mir auf meinem anderen account')]),
    C('it: a secret, then waiting at the school', [A('non dire a tuo papà che ci sentiamo'), A('ti aspetto fuori da scuola')]),
  ],
);
