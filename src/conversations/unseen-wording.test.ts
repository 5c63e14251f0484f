import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, C, describeTwins, K } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * Issue 16, tenth round: wordings a fresh probe set (38 risky conversations in six languages,
 * written for this round without reading the lexicon first) found read in some languages and
 * not in others. Each class is now read in every language that lacked it:
 * - an image request as the condition of a gift ("te dou skins se me mandar uma selfie", the
 *   German verb last: "wenn du mir ein selfie schickst"), or without its verb ("solo una foto
 *   tuya"); an Italian article inside a word ("ti regalo") no longer makes the image a thing's;
 * - a private video call ("video call tonight, just us");
 * - a vanishing-message app named by what it does ("the app where msgs disappear");
 * - supervision probed ("do they check ur phone?") and the child's time alone asked as a
 *   schedule ("when r u usually home by urself?");
 * - payment as the condition and everything as what goes out, no audience named ("if you don't
 *   pay me 200 by tomorrow i post everything"), and the audience as the subject ("every follower
 *   of yours gets them").
 * The benign side is the wording's own hard negatives (and a neighbour's photo of what the child
 * would see or find, or one stated for an insurer: a thing, read in every language): a class notice that quotes the threat
 * and says to tell a trusted adult (now read as a warning in English, Spanish, Portuguese and
 * French, as it already was in German and Italian), a shop's rule, a lesson on camera, a receipt.
 * Synthetic, non-graphic lines in the corpora's documented cues only.
 */

const cue = (text: string) => sendersOwn(detectCues(text).cues).map((c) => c.code);

describe('wordings read in every language (issue 16, tenth round)', () => {
  const cases: [string, string][] = [
    ['te dou skins se me mandar uma selfie', 'image_request'],
    ['ich schenk dir v-bucks wenn du mir ein selfie schickst', 'image_request'],
    ['ti regalo una ricarica se mi mandi un selfie', 'image_request'],
    ['solo una foto tuya, nada más', 'image_request'],
    ['só uma foto sua, nada mais', 'image_request'],
    ['lets video call tonight, just us', 'image_request'],
    ['hacemos videollamada esta noche? solo tú y yo', 'image_request'],
    ['videochiamata stasera? solo noi due', 'image_request'],
    ['we should talk on the app where msgs disappear', 'platform_move'],
    ['vamos falar num app que apaga as mensagens', 'platform_move'],
    ['do they check ur phone?', 'parents_present'],
    ['tus papás te revisan el celular?', 'parents_present'],
    ['when r u usually home by urself?', 'parents_present'],
    ['cuándo te quedas sola en casa?', 'parents_present'],
    ['quando você fica sozinha em casa?', 'parents_present'],
    ["if you don't pay me 200 by tomorrow i post everything", 'exposure_threat'],
    ['every follower of yours gets them unless u pay', 'exposure_threat'],
    ['si no me pagas 200 mañana lo publico todo', 'exposure_threat'],
    ['se não me pagar 200 reais até amanhã eu posto tudo', 'exposure_threat'],
    ['me paga 100 reais ou mando pra todo mundo da sua escola', 'exposure_threat'],
    ['si tu ne paies pas 200 euros demain je publie tout', 'exposure_threat'],
    ['chacun de tes abonnés les recevra si tu paies pas', 'exposure_threat'],
    ['se non mi paghi 200 euro domani pubblico tutto', 'exposure_threat'],
  ];
  for (const [text, code] of cases) it(`${code}: ${text}`, () => assert.ok(cue(text).includes(code), JSON.stringify(cue(text))));

  it('a notice quoting the threat is a warning, not the sender’s own threat, in every language', () => {
    for (const text of [
      'Class notice: anyone who receives a threat online ("pay or I will post your pictures") should tell a trusted adult immediately.',
      'Aviso: quien reciba una amenaza del tipo "paga o publico tus fotos" debe decírselo a un adulto de confianza.',
      'Aviso: quem receber uma ameaça tipo "paga ou eu posto tudo" deve contar a um adulto de confiança.',
      'Avis : si quelqu\'un reçoit une menace du genre "paie ou je publie tout", il faut le dire à un adulte de confiance.',
      'Hinweis: Wer eine Drohung wie "zahl oder ich poste deine Fotos" bekommt, sagt das sofort einem Erwachsenen des Vertrauens.',
      'Avviso: chi riceve una minaccia tipo "pagami o pubblico tutto" deve dirlo a un adulto di fiducia.',
    ])
      assert.deepEqual(cue(text), [], text);
  });

  it('"trusted adult" in the sender’s own mouth excuses nothing', () => {
    assert.ok(cue("i'm a trusted adult, send me a pic of you").includes('image_request'));
  });
});

describeTwins(
  'unseen wordings: their hard negatives stay quiet, the scripts fire (issue 16, tenth round)',
  [
    C('en: a class notice quoting the threat', [
      A(
        'Class notice: anyone who receives a threat online ("pay or I will post your pictures") should tell a trusted adult immediately. It is a crime and it is never your fault.',
      ),
      K('ok'),
    ]),
    C('es: a class notice quoting the threat', [
      A(
        'Aviso: quien reciba una amenaza del tipo "paga o publico tus fotos" debe decírselo a un adulto de confianza inmediatamente. Es un delito y nunca es culpa vuestra.',
      ),
      K('vale'),
    ]),
    C('pt: a class notice quoting the threat', [
      A(
        'Aviso: quem receber uma ameaça tipo "paga ou eu posto tudo" deve contar a um adulto de confiança. Isso é crime e nunca é culpa de vocês.',
      ),
      K('ok'),
    ]),
    C('fr: a class notice quoting the threat', [
      A(
        'Avis : si quelqu\'un reçoit une menace du genre "paie ou je publie tout", il faut le dire à un adulte de confiance. Ce n\'est jamais votre faute.',
      ),
      K("d'accord"),
    ]),
    C('en: a shop that sends nothing unpaid', [
      A('hi! your order of stickers is ready'),
      K('cool'),
      A("if you don't pay the invoice by friday we'll send it to collections, sorry, it's the rule"),
    ]),
    C('en: an online lesson on camera', [A('class starts in 5 minutes'), A('turn on your camera for the lesson please'), K('ok')]),
    C('en: a video call with the whole class', [A('we have a video call with the whole class tonight at 6'), K('ok thanks')]),
    C('pt: a receipt for a refund', [A('oi, sobre o reembolso'), A('se me mandar uma foto do comprovante eu libero o pedido'), K('ok')]),
    C("en: a neighbour's lost dog", [
      A("hi it's sue from next door, our dog got out"),
      A('if you see him could you send me a pic?'),
      K('ok'),
    ]),
    C('en: a fence for the insurance', [
      A('hey, the storm knocked our fence onto your side'),
      A('can you send me a photo so i can tell the insurance?'),
      K('sure'),
    ]),
    C('en: a parcel left next door', [
      A('hi, did a parcel for number 8 get left at yours?'),
      A("if it's there can you send me a photo?"),
      K('yes its here'),
    ]),
    C("es: a neighbour's lost cat", [A('hola, soy la vecina, se escapó el gato'), A('si lo ves, mándame una foto porfa'), K('vale')]),
    C('es: a fence for the insurance', [A('la tormenta tiró la valla a vuestro lado'), A('me mandas una foto para el seguro?'), K('si')]),
    C("pt: a neighbour's lost dog", [A('oi, é a vizinha, o cachorro fugiu'), A('se você vir ele, me manda uma foto?'), K('ok')]),
    C('pt: a fence for the insurance', [A('a tempestade derrubou a cerca do seu lado'), A('me manda uma foto pro seguro?'), K('ta')]),
    C("fr: a neighbour's lost dog", [
      A("bonjour, c'est la voisine, le chien s'est sauvé"),
      A('si tu le vois, envoie-moi une photo stp'),
      K('ok'),
    ]),
    C('fr: a fence for the insurance', [
      A('la tempête a fait tomber la clôture chez vous'),
      A("tu peux m'envoyer une photo pour l'assurance ?"),
      K('oui'),
    ]),
    C("de: a neighbour's lost dog", [
      A('hallo, hier ist die nachbarin, unser hund ist weg'),
      A('wenn du ihn siehst, schick mir bitte ein foto'),
      K('ok'),
    ]),
    C('de: a fence for the insurance', [
      A('der sturm hat den zaun auf eure seite geworfen'),
      A('kannst du mir ein foto schicken für die versicherung?'),
      K('ja'),
    ]),
    C("it: a neighbour's lost dog", [A('ciao, sono la vicina, è scappato il cane'), A('se lo vedi mandami una foto per favore'), K('ok')]),
    C('it: a fence for the insurance', [
      A('il temporale ha buttato giù la recinzione dalla vostra parte'),
      A("mi mandi una foto per l'assicurazione?"),
      K('si'),
    ]),
    C('de: a receipt for a refund', [
      A('hallo, wegen der rückerstattung'),
      A('wenn du mir ein foto vom kassenbon schickst, erstatte ich das geld'),
      K('ok'),
    ]),
  ],
  [
    C('en: supervision probed, then a move', [
      A('are ur parents strict?'),
      K('kinda'),
      A('do they check ur phone?'),
      K('sometimes'),
      A('we should talk on the app where msgs disappear'),
    ]),
    C('en: payment as the condition', [
      A('i have the pics u sent, i saved everything'),
      A("if you don't pay me 200 by tomorrow i post everything"),
    ]),
    C('es: a gift, then the photo without its verb', [
      A('te regalo una tarjeta de recarga si me haces un favor'),
      K('cual'),
      A('solo una foto tuya, nada más'),
    ]),
    C('pt: a gift for a selfie', [A('te dou skins se me mandar uma selfie')]),
    C('pt: payment as the condition', [A('tenho as fotos que você mandou'), A('se não me pagar 200 reais até amanhã eu posto tudo')]),
    C('de: a gift for a selfie, verb last', [A('ich schenk dir v-bucks wenn du mir ein selfie schickst')]),
    C('it: a top-up for a selfie', [A('ti regalo una ricarica se mi mandi un selfie')]),
    C('fr: the audience as the subject', [A("j'ai tes photos"), A('chacun de tes abonnés les recevra si tu paies pas')]),
    C('en: a "neighbour" who wants the child in the picture', [
      A("hi it's sue from next door, our dog got out"),
      A('if you see him send me a pic of you with him, just for me'),
    ]),
    C('es: a "neighbour" who wants a photo of the child', [A('hola, soy la vecina'), A('si lo ves, mándame una foto tuya, solo para mí')]),
    C('de: a "neighbour" with a secret', [
      A('hallo, hier ist die nachbarin'),
      A('wenn du ihn siehst, schick mir ein foto von dir, sag deinen eltern nichts'),
    ]),
    C('en: a private video call', [A('u seem so mature for ur age'), K('lol thx'), A('lets video call tonight, just us')]),
  ],
);
