import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MINUTES, describeTwins, type ConversationCase } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';
import { kinAddress, mentionsGuardian, namesFamilyTie, speaksAsKin } from './family-voice.js';
import { normalizeText } from './normalize-text.js';

/*
 * Parents and relatives the child knows (issue 16, seventh round): relatives linked only as a
 * friend, a follow or not at all, who say who they are in ways the third round's family voice
 * did not read (a signature, "mum here", "your dad's sister", a child's "12 nonna, ..."), and
 * who greet the parent through the child. Each benign conversation has a risky twin in the same
 * setting: an impostor's "it's your uncle, new number", an impostor who claims a tie, a family
 * friend signing "uncle", all with secrecy and a photo of the child. Synthetic and non-graphic.
 */
const DAY = DAY_MINUTES;

const BENIGN: ConversationCase[] = [
  {
    name: 'a relative new to the platform who names her tie to the family, an age question and a birthday photo',
    lines: [
      ['adult', "hi love, it's aunt sarah, your dad's sister. new on here, your cousin showed me how"],
      ['adult', 'how old are you now, 11? what grade?'],
      ['kid', '12, 7th'],
      ['adult', 'send me a pic from your birthday, grandma wants one for the fridge'],
    ],
  },
  {
    name: 'a grandmother with no link, in Portuguese: "mae da sua mae", age, a photo in the new uniform',
    lines: [
      ['adult', 'oi meu amor, aqui é a vó cida, mãe da sua mãe! entrei agora aqui'],
      ['adult', 'quantos anos você tem agora? que série?'],
      ['kid', '12 vó, sétimo ano'],
      ['adult', 'manda uma foto sua com o uniforme novo, fiquei com saudade'],
    ],
  },
  {
    name: 'an uncle with no link, in German: "der bruder von deiner mama", age and a birthday photo',
    lines: [
      ['adult', 'hi, hier ist onkel peter, der bruder von deiner mama. bin neu hier'],
      ['adult', 'wie alt bist du jetzt eigentlich? schick mal ein foto vom geburtstag'],
    ],
  },
  {
    name: 'a grandmother linked as a friend, in Italian: the child answers "12 nonna, ...", a gift and a photo',
    link: ['friend', -60 * DAY],
    lines: [
      ['adult', 'ciao tesoro, quanti anni hai adesso? che classe fai?'],
      ['kid', '12 nonna, seconda media'],
      ['adult', 'mandami una foto con il vestito della comunione, ti ho preso un regalino. un bacione, la tua nonna'],
    ],
  },
  {
    name: "an aunt linked as a friend: the cousins' chat on another app and a photo of the card",
    link: ['friend', -40 * DAY],
    lines: [
      ['adult', 'happy birthday kiddo! there is $20 in your card from me and uncle tom'],
      ['adult', "download whatsapp so you're in the cousins chat, everyone is on there"],
      ['adult', 'send me a pic when you open it'],
    ],
  },
  {
    name: 'an aunt linked as a friend: a birthday present and a photo of the child opening it, "say hi to your mum for me"',
    link: ['friend', -30 * DAY],
    lines: [
      ['adult', 'happy birthday! say hi to your mum for me'],
      ['kid', 'thank you'],
      ['adult', 'i got you a little present, send me a pic of you when you open it'],
    ],
  },
  {
    name: 'an aunt with no link, in French: "la soeur de ta mere", an age question and a photo with the new bike',
    lines: [
      ['adult', "coucou, c'est claire, la soeur de ta mere ! je viens d'arriver ici"],
      ['adult', 'tu as quel age maintenant ? envoie-moi une photo de toi avec ton nouveau velo'],
    ],
  },
];

const TWINS: ConversationCase[] = [
  {
    name: 'an impostor with no link: "it\'s your uncle, new number", secrecy and a photo of the child',
    lines: [
      ['adult', "hey it's your uncle, new number"],
      ['adult', "how old are you now? don't tell your mum i messaged"],
      ['adult', 'send me a pic of you, just for me'],
    ],
  },
  {
    name: 'an impostor with no link who claims a tie ("your mom\'s sister"), secrecy and a private photo',
    lines: [
      ['adult', "hi it's aunt jo, your mom's sister"],
      ['adult', 'keep this between us ok? send me a private photo, love aunt jo'],
    ],
  },
  {
    name: 'the same in Spanish, with another app',
    lines: [
      ['adult', 'hola, soy la hermana de tu madre'],
      ['adult', 'no le digas a nadie que hablamos, agregame en telegram'],
      ['adult', 'mandame una foto tuya solo para mi'],
    ],
  },
  {
    name: 'a family friend linked as a friend who signs "uncle dave": secrecy and a photo of the child',
    link: ['friend', -60 * DAY],
    lines: [
      ['adult', "don't tell your parents we talk, it's our secret"],
      ['adult', 'send me a pic of you, just for me. love, uncle dave'],
    ],
  },
  {
    name: 'a family friend who greets the mother and hides the chats from her',
    link: ['friend', -30 * DAY],
    lines: [
      ['adult', 'i got you a little present for your birthday, send me a pic of you when you open it'],
      ['adult', "say hi to your mum for me, but don't tell her about our chats, keep it between us"],
    ],
  },
  {
    name: 'the child calls the adult grandma; the adult asks for secrecy, another app and a photo',
    link: ['follow', -20 * DAY],
    lines: [
      ['kid', 'thanks for the money grandma!!'],
      ['adult', "don't tell your parents about us. add me on snapchat"],
      ['adult', 'send me a pic of you, just for me'],
    ],
  },
];

describeTwins('parents and relatives the child knows, and their risky twins (issue 16, seventh round)', BENIGN, TWINS);

describe('what family voice reads', () => {
  const norm = normalizeText;
  it("reads the child's family address after an answer, before the rest, and after thanks, in every language", () => {
    for (const t of [
      '12 nan, year 8 now',
      'thanks for the money grandma!!',
      '13 tita, en segundo',
      '12 vó, sétimo ano',
      'merci pour le cadeau tata !',
      '12 oma, 7. klasse',
      'grazie del regalo zia!',
    ])
      assert.ok(kinAddress(norm(t)) !== undefined, t);
    for (const t of [
      'mum, dad and me are going',
      'thanks, i will ask my mum',
      'gracias, se lo digo a mi mama',
      'danke, ich frag meine mama',
    ])
      assert.equal(kinAddress(norm(t)), undefined, t);
  });
  it('reads a tie to the family, and not a friendship with a parent', () => {
    for (const t of [
      "your dad's sister",
      'your mom (my sister) says hi',
      'la hermana de tu madre',
      'mãe da sua mãe',
      'la soeur de ta mere',
      'der bruder von deiner mama',
      'la sorella di tua mamma',
    ])
      assert.ok(namesFamilyTie(norm(t)), t);
    for (const t of ["your mom's friend from work", 'your mom is my friend', 'soy una amiga de tu madre', 'ein freund von deinem papa'])
      assert.ok(!namesFamilyTie(norm(t)), t);
  });
  it('reads signatures and "mum here" as the adult speaking as family, and greetings as the parent informed', () => {
    for (const t of [
      'send me a pic in your graduation outfit. love, aunt jo',
      'hey, mum here',
      'besos, tu tia marta',
      'deine oma',
      'un bacione, la tua nonna',
    ])
      assert.ok(speaksAsKin(norm(t)), t);
    for (const t of ['say hi to your mum for me', 'saluda a tu madre de mi parte', 'manda um beijo pra tua mae', 'salutami tua mamma'])
      assert.ok(mentionsGuardian(norm(t)), t);
    assert.ok(!mentionsGuardian(norm("don't tell your mum i said hi")));
  });
  it('keeps a secret about "our chats" the sender\'s move even when it is kept from a named person', () => {
    const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);
    assert.deepEqual(own("don't tell her, its her birthday present"), []);
    assert.ok(own("don't tell her about our chats, keep it between us").includes('secrecy_request'));
    assert.ok(own('no le digas a ella lo nuestro').includes('secrecy_request'));
    assert.ok(own('send me a private photo').includes('image_request'));
  });
});
