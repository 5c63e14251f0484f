import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MINUTES, describeTwins, type ConversationCase } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';
import { isOccasion } from './speech-acts.js';

/*
 * Relatives linked only as a friend or a follow (issue 16, eighth round): the seventh round's
 * relatives still raised `solicitation` rule hits on family life, because from a link the child
 * made a request counts with one other grooming move. A photo of the child at a family occasion
 * (the wedding outfit, the birthday candles) or an outing with the cousins beside a birthday
 * present, and a family group or a grandparent's video call on another app beside such a photo,
 * were that move. Each benign conversation has a risky twin: secrecy about the chats, a private
 * photo, the child alone on another app and a secret meeting. Synthetic and non-graphic.
 */
const DAY = DAY_MINUTES;
const FRIEND: [string, number] = ['friend', -40 * DAY];
const FOLLOW: [string, number] = ['follow', -20 * DAY];

const BENIGN: ConversationCase[] = [
  {
    name: 'an aunt linked as a friend: a birthday present and a photo in the wedding dress',
    link: FRIEND,
    lines: [
      ['adult', 'hi sweetie! i got you a little present for your birthday, it is in the post'],
      ['kid', 'omg thank you!!'],
      ['adult', "send me a photo of you in your dress for the wedding, i can't wait to see it"],
    ],
  },
  {
    name: 'an uncle followed by the child: the whole family on whatsapp and a video of the candles',
    link: FOLLOW,
    lines: [
      ['adult', 'add me on whatsapp, the whole family is on there now'],
      ['kid', 'ok'],
      ['adult', 'send me a video of you blowing out the candles!'],
    ],
  },
  {
    name: "a grandmother learning the app: grandma's video call on whatsapp and a photo with grandpa",
    link: FRIEND,
    lines: [
      ['adult', 'hello dear, your cousin set me up on this app'],
      ['adult', 'do you have whatsapp? grandma wants to video call you on sunday'],
      ['adult', 'can you send a photo of you and grandpa at the birthday?'],
    ],
  },
  {
    name: 'an aunt linked as a friend: a present and a trip to the zoo with the cousins',
    link: FRIEND,
    lines: [
      ['adult', "happy birthday!! i got you a present, you'll get it saturday"],
      ['kid', 'yay thank you'],
      ['adult', "i'll pick you up on saturday and we'll go to the zoo with your cousins"],
    ],
  },
  {
    name: 'in Spanish: the family on whatsapp and a photo blowing out the candles',
    link: FOLLOW,
    lines: [
      ['adult', 'agregame a whatsapp, toda la familia esta ahi'],
      ['adult', 'mandame una foto tuya soplando las velas'],
    ],
  },
  {
    name: 'in French: the family on whatsapp and a photo blowing out the candles',
    link: FRIEND,
    lines: [
      ['adult', 'ajoute-moi sur whatsapp, toute la famille y est'],
      ['adult', 'envoie-moi une photo de toi en train de souffler les bougies'],
    ],
  },
  {
    name: 'in French: a present and a trip to the zoo with the cousins',
    link: FRIEND,
    lines: [
      ['adult', "joyeux anniversaire ! je t'ai achete un cadeau"],
      ['adult', 'je passe te prendre samedi et on va au zoo avec tes cousins'],
    ],
  },
  {
    name: 'in Italian: the whole family on whatsapp and a photo at the birthday party',
    link: FRIEND,
    lines: [
      ['adult', "aggiungimi su whatsapp, c'è tutta la famiglia"],
      ['adult', 'mandami una foto di te alla festa di compleanno'],
    ],
  },
  {
    name: 'in Portuguese: the whole family on whatsapp and a photo blowing out the candles',
    link: FOLLOW,
    lines: [
      ['adult', 'me adiciona no whatsapp, a família toda tá lá'],
      ['adult', 'manda uma foto sua soprando as velinhas'],
    ],
  },
  {
    name: "in German: oma's video call on whatsapp and a photo with the new glasses",
    link: FRIEND,
    lines: [
      ['adult', 'hast du whatsapp? oma will dich per video anrufen'],
      ['adult', 'schick mir ein foto mit deiner neuen brille'],
    ],
  },
  {
    name: 'an aunt linked as a friend: a birthday present, and a photo when the child opens it',
    link: FRIEND,
    lines: [
      ['adult', 'I sent you a present for your birthday!'],
      ['adult', 'Send me a photo when you open your present!'],
    ],
  },
];

const TWINS: ConversationCase[] = [
  {
    name: 'a relative linked as a friend: the wedding photo, and the chats kept from the mother',
    link: FRIEND,
    lines: [
      ['adult', 'send me a pic of you in your dress for the wedding'],
      ['adult', "and keep our chats between us, your mum doesn't need to know"],
    ],
  },
  {
    name: 'a relative linked as a friend: a present, secrecy and a private photo',
    link: FRIEND,
    lines: [
      ['adult', 'i got you a present for your birthday'],
      ['adult', "don't tell your mum about our chats, keep it between us"],
      ['adult', 'send me a private photo'],
    ],
  },
  {
    name: 'a relative followed by the child: alone on another app and a secret meeting',
    link: FOLLOW,
    lines: [
      ['adult', 'add me on snapchat, just us'],
      ['adult', "let's meet on saturday, don't tell your parents"],
    ],
  },
  {
    name: 'an impostor with no link who claims to be an aunt: secrecy and a photo in the wedding dress',
    lines: [
      ['adult', "hi sweetie it's your aunt, new account"],
      ['adult', "don't tell your mum we're talking, ok?"],
      ['adult', 'send me a photo of you in your dress for the wedding'],
    ],
  },
  {
    name: 'in Spanish: the wedding photo, and the chats kept secret',
    link: FRIEND,
    lines: [
      ['adult', 'mandame una foto tuya con el vestido para la boda'],
      ['adult', 'y no le digas a tu madre que hablamos, es nuestro secreto'],
    ],
  },
  {
    name: 'in French: the wedding photo, and the chats kept secret',
    link: FOLLOW,
    lines: [
      ['adult', 'envoie-moi une photo de toi avec ta robe pour le mariage'],
      ['adult', "et ne dis pas a ta mere qu'on se parle, c'est notre secret"],
    ],
  },
  {
    name: 'in German: the wedding photo, and the chats kept secret',
    link: FRIEND,
    lines: [
      ['adult', 'schick mir ein foto von dir im kleid fuer die hochzeit'],
      ['adult', 'und sag deiner mama nicht, dass wir schreiben, das ist unser geheimnis'],
    ],
  },
  {
    name: 'in Italian: the wedding photo, and the chats kept secret',
    link: FRIEND,
    lines: [
      ['adult', 'mandami una foto tua con il vestito per il matrimonio'],
      ['adult', 'e non dire alla mamma che ci scriviamo, e il nostro segreto'],
    ],
  },
  {
    name: 'in Portuguese: the wedding photo, and the chats kept secret',
    link: FOLLOW,
    lines: [
      ['adult', 'manda uma foto sua com o vestido do casamento'],
      ['adult', 'e nao conta pra sua mae que a gente conversa, e nosso segredo'],
    ],
  },
];

describeTwins('relatives at family occasions, and their risky twins (issue 16, eighth round)', BENIGN, TWINS);

describe('what a family occasion reads', () => {
  const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues);
  it('marks a photo or an outing at a family occasion as family life, and not a private photo or a secret', () => {
    for (const t of [
      'send me a photo of you in your dress for the wedding',
      'mandame una foto de ti con la abuela en el cumple',
      'envoie-moi une photo de toi en train de souffler les bougies',
      'schick mir ein foto von dir mit oma beim geburtstag',
      'mandami una foto tua con il vestito per il matrimonio',
      'manda uma foto sua com o vestido do casamento',
      "i'll pick you up on saturday and we'll go to the zoo with your cousins",
    ]) {
      const request = own(t).find((c) => c.code === 'image_request' || c.code === 'meeting_request');
      assert.ok(request && isOccasion(request), t);
    }
    for (const t of [
      'send me a photo of you in your dress for the wedding, just for me',
      "send me a pic of you from the party, don't tell your mum",
      'mandame una foto tuya de la boda, solo para mi',
      'send me a private photo',
    ]) {
      const request = own(t).find((c) => c.code === 'image_request');
      assert.ok(request && !isOccasion(request), t);
    }
  });
  it("reads an image request's object in the sentence before it when its own sentence names none", () => {
    for (const t of ['did you get your report card? send me a photo!', 'How is the puppy? Send me a picture!'])
      assert.ok(!own(t).some((c) => c.code === 'image_request'), t);
    for (const t of ['New haircut?! Send me a pic!!', 'Happy birthday sweetheart! Send me a pic of you with your cake!']) {
      const request = own(t).find((c) => c.code === 'image_request');
      assert.ok(request && isOccasion(request), t);
    }
    for (const t of ['you look cute today. send me a pic', "happy birthday! send me a pic of you, don't tell your mum"]) {
      const request = own(t).find((c) => c.code === 'image_request');
      assert.ok(request && !isOccasion(request), t);
    }
  });
  it("reads the family group and a grandparent's video call on another app as no move, and a private one as one", () => {
    for (const t of [
      'add me on whatsapp, the whole family is on there now',
      'do you have whatsapp? grandma wants to video call you on sunday',
      'hai whatsapp? il nonno vuole videochiamarti',
    ])
      assert.ok(!own(t).some((c) => c.code === 'platform_move'), t);
    for (const t of ["add me on whatsapp, the whole family is on there, but don't tell them we talk", 'add me on snapchat, just us'])
      assert.ok(
        own(t).some((c) => c.code === 'platform_move'),
        t,
      );
  });
});
