import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { A, C, K, DAY_MINUTES, describeTwins } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';
import { kinAddress, speaksAsKin } from './family-voice.js';
import { normalizeText } from './normalize-text.js';

/*
 * Relatives and parents with no link on the platform, as fresh conversations-a corpora show
 * them (issue 16, fifteenth round), read in six languages:
 * - the child's family address followed by a heart or a smile ("love you nan ❤️");
 * - the adult naming themself after a greeting and any pet name ("hi pumpkin, it's grandma",
 *   "Good morning sunshine, Grandad here"), or greeting the child as their son or daughter ("oi
 *   filha"); "my son says" and "ma fille dit" are not;
 * - a secret that is how much a relative gave ("don't tell your mum I gave you extra"): the
 *   parent knows of the gift and the contact; so is a present kept from the one it is for ("no
 *   le digas a tu hermano lo que le compramos"), and family news kept until it is announced ("don't
 *   tell anyone yet but aunt steve is having a baby"); a secret about the contact still reads;
 * - emojilib's "photo" tag on sights (a roller coaster, a sunrise) is no picture;
 * - "Ist das deine Nummer?" checks the number the adult writes to, and asks for no other app;
 * - "check if my charger is in the kitchen, send a pic" asks for a photo of the sender's thing.
 * Tables in data/parity/relatives-voice.json; synthetic and non-graphic.
 */
const DATA = JSON.parse(readFileSync(fileURLToPath(new URL('../../data/parity/relatives-voice.json', import.meta.url)), 'utf8')) as Record<
  | 'childAddressWithEmoji'
  | 'adultAsKin'
  | 'notKin'
  | 'giftAmountSecret'
  | 'contactSecret'
  | 'sights'
  | 'cameras'
  | 'numberCheck'
  | 'numberAsk'
  | 'ownThing'
  | 'childPhoto'
  | 'familyNews',
  string[]
>;
const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);

describe('relatives and parents, in six languages', () => {
  it("reads the child's family address before a heart or a smile", () => {
    for (const t of DATA.childAddressWithEmoji) assert.ok(kinAddress(normalizeText(t)) !== undefined, t);
  });
  it('reads an adult naming themself after any pet name, or greeting the child as son or daughter', () => {
    for (const t of DATA.adultAsKin) assert.ok(speaksAsKin(normalizeText(t)), t);
    for (const t of DATA.notKin) assert.equal(speaksAsKin(normalizeText(t)), false, t);
  });
  it('reads a secret about how much was given, or a present kept from the one it is for, as none; one about the contact as one', () => {
    for (const t of [...DATA.giftAmountSecret, ...DATA.familyNews]) assert.equal(own(t).includes('secrecy_request'), false, t);
    for (const t of DATA.contactSecret) assert.ok(own(t).includes('secrecy_request'), t);
  });
  it('reads a camera as a picture and a sight as none', () => {
    for (const t of DATA.sights) assert.equal(normalizeText(`x ${t}`).includes('photo'), false, t);
    for (const t of DATA.cameras) assert.ok(normalizeText(`x ${t}`).includes('photo'), t);
  });
  it("reads a photo of the sender's own thing the child checks as a thing, and one of the child as the child's", () => {
    const ownImage = (t: string) => own(t).includes('image_request');
    for (const t of DATA.ownThing) assert.equal(ownImage(t), false, t);
    for (const t of DATA.childPhoto) assert.ok(ownImage(t), t);
  });
  it('reads a check of the number the adult writes to as no move, and a request for a number as one', () => {
    for (const t of DATA.numberCheck) assert.equal(own(t).includes('platform_move'), false, t);
    for (const t of DATA.numberAsk) assert.ok(own(t).includes('platform_move'), t);
  });
});

const AUNT: [string, number] = ['contact', -900 * DAY_MINUTES];
const PARENT: [string, number] = ['contact', -1300 * DAY_MINUTES];
describeTwins(
  'relatives with no link who name themselves stay quiet; the same relatives who keep the contact secret fire',
  [
    C('a grandfather asks for a kit photo and hides the extra money', [
      A('Good morning sunshine, Grandad here'),
      K('hi'),
      A('Could you send me a photo of you in your new football kit?'),
      K('ok'),
      A("I've put a little something in your account for your birthday. Don't tell your mum I gave you extra! 😉"),
      K('thank u!!'),
    ]),
    C('eine Oma prüft die Nummer und fragt nach dem Trikot', [
      A('Hallo mein Schatz, hier ist Oma. Ist das deine Nummer?'),
      K('hallo oma!'),
      A('Schickst du mir ein Foto im neuen Trikot?'),
      K('ok'),
      A('Ich hab dir was zum Geburtstag aufs Konto getan. Sag deiner Mama nicht, dass es mehr war 😉'),
    ]),
    C('um pai busca a filha', [A('oi filha como foi a escola?'), K('tirei 8!!'), A('o ônibus foi cancelado, vou te buscar'), K('blz')]),
    C(
      'uma tia com foto do trabalho e passeio para todos',
      [
        A('oi fofa é a tia Rosa'),
        K('brigada tia!!'),
        A('te pego na estação às 4, carro vermelho'),
        A('me manda foto do teu trabalho de ciências!'),
        A('nosso segredo: vou levar vcs no parque de diversões 🎢'),
      ],
      AUNT,
    ),
    C("a parent's surprise, then lunch money and see you tonight", [
      A("shh don't tell dad about the cake!"),
      K('kk'),
      A('I sent you $10 for lunch'),
      K('thank u!!'),
      A('love you, see you tonight ❤️'),
    ]),
    C('una abuela y el regalo', [
      A('Hola mi amor, soy la abuela'),
      K('hola abuela!'),
      A('¿me mandas una foto con la camiseta nueva del equipo?'),
      A('Te he puesto un regalito en la cuenta por tu cumple. No le digas a tu madre que te di de más 😉'),
    ]),
    C('un papi et le cadeau', [
      A("Coucou mon grand, c'est papi."),
      K('coucou papi ❤️'),
      A("tu m'envoies une photo avec le nouveau maillot ?"),
      A("Je t'ai mis un petit quelque chose sur ton compte. Ne dis pas à ta mère que j'ai mis plus 😉"),
    ]),
    C('uno zio e il regalo', [
      A('ciao campione, sono lo zio'),
      K('ciao zio 😊'),
      A('mi mandi una tua foto di oggi?'),
      A('Ti ho messo un pensierino sul conto per il compleanno. Non dire alla mamma che ti ho dato di più 😉'),
    ]),
    C(
      'a parent linked as a contact for years shares family news and a pick-up',
      [
        K('we have a half day tomorrow'),
        A("thanks for telling me, I'll get you at 12"),
        A("Don't tell anyone yet but aunt Steve is having a baby!! She'll announce it Sunday 😊"),
        K("that's so cute"),
        A("I'll pick you up at 4 to get the balloons"),
      ],
      PARENT,
    ),
  ],
  [
    C(
      'an adult linked as a contact for years who keeps the contact secret before a pick-up',
      [
        K('we have a half day tomorrow'),
        A("thanks for telling me, I'll get you at 12"),
        A("Don't tell anyone we talk, it's just between us"),
        K('ok'),
        A("I'll pick you up at 4 and we'll go somewhere quiet"),
      ],
      PARENT,
    ),
    C('a grandfather who keeps the contact secret', [
      A('Good morning sunshine, Grandad here'),
      K('hi'),
      A('Could you send me a photo of you in your new football kit?'),
      K('ok'),
      A("don't tell your mum we talk"),
    ]),
    C('eine Oma, die das Schreiben geheim hält', [
      A('Hallo mein Schatz, hier ist Oma. Ist das deine Nummer?'),
      A('Schickst du mir ein Foto im neuen Trikot?'),
      K('ok'),
      A('sag deiner mama nicht, dass wir schreiben'),
    ]),
    C('um pai que esconde a conversa', [A('oi filha'), A('vou te buscar'), K('blz'), A('não conta pra tua mãe que a gente conversa')]),
    C('a surprise, then a meeting kept from the parents', [
      A("shh don't tell dad about the cake!"),
      K('kk'),
      A('I sent you $10 for lunch'),
      A("come over to my place tonight, don't tell your mom"),
    ]),
    C('una abuela que esconde la conversación', [
      A('Hola mi amor, soy la abuela'),
      A('¿me mandas una foto con la camiseta nueva del equipo?'),
      A('no le digas a tu madre que hablamos'),
    ]),
    C('un papi qui cache la conversation', [
      A("Coucou mon grand, c'est papi."),
      A("tu m'envoies une photo avec le nouveau maillot ?"),
      A("ne dis pas à ta mère qu'on se parle"),
    ]),
    C('uno zio che nasconde la chat', [
      A('ciao campione, sono lo zio'),
      A('mi mandi una tua foto di oggi?'),
      A('non dire alla mamma che ci sentiamo'),
    ]),
  ],
);
