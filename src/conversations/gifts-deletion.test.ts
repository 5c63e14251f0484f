import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { A, C, DAY_MINUTES, K, describeTwins } from '../testing/conversation-cases.js';
import { describeParityTable } from '../testing/parity-table.js';
import { detectCues, sendersOwn } from './detect-cues.js';
import { normalizeText } from './normalize-text.js';

/*
 * Issue 16, twelfth round (lead): probes written before the lexicon was read found three
 * classes read in English (and some in Italian) but not elsewhere: money or credit for
 * something the child wants ("money for that new phone", "i'll pay your phone bill", "that skin
 * you wanted"), deleting the conversation afterwards, and "mature for 13". Spanish also missed
 * its commonest secret, "no se lo digas a nadie" (the object pronouns before the verb), and
 * Italian "non lo dire a nessuno". European Portuguese was read almost nowhere: the lexicon is
 * written in Brazilian forms, and Portugal puts the pronoun after the verb ("manda-me",
 * "compro-te"), says "telemóvel" and asks in the second person ("não contes a ninguém").
 * Synthetic, non-graphic lines in the documented cues only.
 */

describeParityTable(
  'gifts, deleting the chat and "mature for 13": every phrasing carries its cue in all six languages (issue 16, twelfth round)',
  new URL('../../data/parity/gifts-deletion.json', import.meta.url),
);

const EUROPEAN = JSON.parse(readFileSync(new URL('../../data/parity/pt-pt.json', import.meta.url), 'utf8')) as Record<string, string[]>;
describe('European Portuguese carries the cues its Brazilian forms carry (issue 16, twelfth round)', () => {
  for (const [code, lines] of Object.entries(EUROPEAN))
    for (const line of lines)
      it(`${code}: ${line}`, () => {
        assert.ok(
          sendersOwn(detectCues(line).cues).some((c) => c.code === code),
          `${line}: ${JSON.stringify(detectCues(line).cues.map((c) => c.code))}`,
        );
      });
});

describe('the pronoun after the verb is moved before it, in Portuguese only', () => {
  it('reads "manda-me", "compro-te", "buscar-te" as "me manda", "te compro", "te buscar"', () => {
    assert.equal(normalizeText('Manda-me uma selfie'), 'me manda uma selfie');
    assert.equal(normalizeText('compro-te o telemóvel'), 'te compro o telemovel');
    assert.equal(normalizeText('vou buscar-te à escola'), 'vou te buscar a escola');
  });
  it('leaves other hyphens as they are: French pronouns, English words, compounds', () => {
    const kept: [string, string][] = [
      ['dis-moi ton âge', 'dis-moi ton age'],
      ['envoie-la', 'envoie-la'],
      ['add-me on snap', 'add-me on snap'],
      ['t-shirt, e-mail, wi-fi', 't-shirt, e-mail, wi-fi'],
      ['o cartão-presente', 'o cartao-presente'],
    ];
    for (const [raw, normal] of kept) assert.equal(normalizeText(raw), normal);
  });
});

const FAMILY: [string, number] = ['family', -400 * DAY_MINUTES];

describeTwins(
  'gifts and deleted chats: a parent topping up the phone and a coach closing an old group stay quiet; the approach fires (issue 16, twelfth round)',
  [
    C('en: mum tops up the credit', [A("i'll top up your phone credit tonight sweetie, love mum"), K('thanks mum!')], FAMILY),
    C('es: mamá recarga el saldo', [A('te recargo el saldo esta noche cariño, besos mamá'), K('gracias mami')], FAMILY),
    C('pt-PT: a mãe carrega o saldo', [A('carrego-te o saldo logo à noite, beijinhos da mãe'), K('obrigada mãe')], FAMILY),
    C('fr: maman recharge le forfait', [A('je recharge ton forfait ce soir ma puce, bisous maman'), K('merci maman')], FAMILY),
    C('de: Mama lädt das Guthaben auf', [A('ich lade dir heute Abend dein Guthaben auf, Schatz, Mama'), K('danke Mama')], FAMILY),
    C('it: la mamma fa la ricarica', [A('ti faccio la ricarica stasera tesoro, un bacio mamma'), K('grazie mamma')], FAMILY),
    C(
      'es: el entrenador cierra el grupo viejo',
      [A('borrad el chat viejo del equipo, ahora todo va por teamsnap'), K('vale míster')],
      ['follow', -90 * DAY_MINUTES],
    ),
  ],
  [
    C('es: dinero para el móvil, y borra el chat', [
      A('oye pareces muy madura para tu edad'),
      K('gracias'),
      A('te puedo mandar dinero para el móvil nuevo que querías'),
      A('pero borra nuestro chat después, ¿vale?'),
    ]),
    C('pt-PT: dinheiro para o telemóvel, e apaga a conversa', [
      A('pareces muito madura para a tua idade'),
      K('obrigada'),
      A('posso mandar-te dinheiro para o telemóvel novo que querias'),
      A('mas depois apaga a nossa conversa, ok?'),
    ]),
    C('de: Geld fürs Handy, und lösch den Chat', [
      A('du wirkst echt reif für dein Alter'),
      K('danke'),
      A('ich kann dir Geld für das neue Handy schicken, das du wolltest'),
      A('lösch danach aber unseren Chat, ok?'),
    ]),
    C('it: la bolletta, e non lo dire a nessuno', [
      A('sei molto matura per avere 13 anni'),
      K('grazie'),
      A('ti pago io la bolletta del telefono questo mese'),
      A('basta che non lo dici a nessuno'),
    ]),
  ],
);
