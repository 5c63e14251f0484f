import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MINUTES, describeTwins, type ConversationCase } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';
import { isOccasion } from './speech-acts.js';

/*
 * Relatives linked only as a friend or a follow (issue 16, ninth round). Probe conversations
 * written for the round showed three things relatives write that the threat and extortion words
 * read as sextortion, whatever the link (the `sextortion` rule is not held back by the model): a
 * teasing threat over the child's baby or old school photos with a harmless demand (call your
 * grandma, reply, do your homework), a family day's photos or the child's drawing shared with the
 * family ("i'll send the pictures from the zoo to your parents"), and a share of a concert ticket
 * asked for by a date. A fourth, a selfie asked for so the family sees how tall the child has
 * grown, was a `solicitation` beside a birthday present. Each benign conversation has a risky twin:
 * money, more photos or a countdown beside the same threat; a secret or "just for me" beside the
 * photo request; a gift for the photo; an impostor with no link. Synthetic and non-graphic.
 */
const DAY = DAY_MINUTES;
const FRIEND: [string, number] = ['friend', -40 * DAY];
const FOLLOW: [string, number] = ['follow', -20 * DAY];

const BENIGN: ConversationCase[] = [
  {
    name: 'an aunt linked as a friend: homework, or the school sees the baby pictures',
    link: FRIEND,
    lines: [
      ['adult', 'did you finish your homework?'],
      ['kid', 'not yet'],
      ['adult', 'do your homework or everyone at your school will see your baby pictures 😂'],
    ],
  },
  {
    name: 'an uncle followed by the child: reply, or friends see the costume photos from when the child was 4',
    link: FOLLOW,
    lines: [['adult', "if you don't reply i'll show your friends the photos of you in the bunny costume when you were 4 😂"]],
  },
  {
    name: 'in Spanish: reply, or the class sees the photos from when the child was little',
    link: FRIEND,
    lines: [['adult', 'si no me contestas toda tu clase va a ver tus fotos de pequeña jajaja']],
  },
  {
    name: 'in Portuguese: reply, or the school sees the childhood photos',
    link: FOLLOW,
    lines: [['adult', 'se não me responder a sua escola toda vai ver suas fotos de criança kkkk']],
  },
  {
    name: 'in French: reply, or the class sees the photos from when the child was small',
    link: FRIEND,
    lines: [['adult', 'si tu ne réponds pas toute ta classe va voir tes photos de quand tu étais petit haha']],
  },
  {
    name: 'in German: reply, or the class sees the childhood photos',
    link: FRIEND,
    lines: [['adult', 'wenn du nicht antwortest, sieht deine ganze klasse deine kinderfotos haha']],
  },
  {
    name: 'in Italian: call grandma, or the family gets the baby photos',
    link: FRIEND,
    lines: [['adult', 'chiama la nonna o mando le tue foto da neonato a tutta la famiglia ahah']],
  },
  {
    name: "in German: reply, or the class gets the wedding's photos",
    link: FRIEND,
    lines: [['adult', 'antworte mir oder ich schick die fotos von der hochzeit an deine ganze klasse haha']],
  },
  {
    name: "in Italian: reply, or the class gets the wedding's photos",
    link: FOLLOW,
    lines: [['adult', 'rispondimi o mando le foto del matrimonio a tutta la tua classe ahah']],
  },
  {
    name: "an aunt linked as a friend: the zoo's pictures sent to the parents",
    link: FRIEND,
    lines: [
      ['kid', 'thanks for today!!'],
      ['adult', 'what a fun day at the zoo! i will send the pictures to your parents tonight'],
    ],
  },
  {
    name: "a grandfather linked as a friend: the child's drawing shown to the whole family",
    link: FRIEND,
    lines: [
      ['kid', 'i made a drawing for you'],
      ['adult', "what a beautiful drawing! i'll send it to your whole family"],
    ],
  },
  {
    name: 'in Spanish: the wedding photos sent to the mother',
    link: FOLLOW,
    lines: [['adult', 'tengo tus fotos de la boda, se las mando a tu madre']],
  },
  {
    name: 'in Portuguese: the zoo photos sent to the parents',
    link: FRIEND,
    lines: [['adult', 'que dia legal no zoológico! vou mandar as fotos pros seus pais hoje à noite']],
  },
  {
    name: 'in French: the wedding photos sent to the mother',
    link: FRIEND,
    lines: [['adult', "j'ai tes photos du mariage, je les envoie à ta mère"]],
  },
  {
    name: 'in German: the wedding photos sent to the mother',
    link: FRIEND,
    lines: [['adult', 'ich habe deine fotos von der hochzeit, ich schick sie deiner mama']],
  },
  {
    name: 'in Italian: the wedding photos sent to the mother',
    link: FRIEND,
    lines: [['adult', 'ho le tue foto del matrimonio, le mando alla tua mamma']],
  },
  {
    name: "in Spanish: the concert ticket's share by midnight",
    link: FRIEND,
    lines: [['adult', 'mandame los 20 euros de la entrada del concierto antes de mañana, tienes hasta medianoche']],
  },
  {
    name: "in French: the concert ticket's share by midnight",
    link: FRIEND,
    lines: [['adult', "envoie-moi les 20 euros pour le billet du concert avant demain, tu as jusqu'à minuit"]],
  },
  {
    name: "in German: the concert ticket's share by midnight",
    link: FOLLOW,
    lines: [['adult', 'schick mir die 20 euro für das konzertticket bis morgen, du hast bis mitternacht']],
  },
  {
    name: 'in Spanish: birthday money, and a selfie to see how tall the child is',
    link: FRIEND,
    lines: [
      ['adult', 'te extraño mucho cariño'],
      ['adult', 'te mando dinero por tu cumple'],
      ['adult', 'mandame una selfie para ver lo grande que estas'],
    ],
  },
  {
    name: 'in French: birthday money, and a selfie to see how the child has grown',
    link: FOLLOW,
    lines: [
      ['adult', 'tu me manques ma puce'],
      ['adult', "je t'envoie de l'argent pour ton anniversaire"],
      ['adult', 'envoie-moi un selfie pour voir comme tu as grandi'],
    ],
  },
  {
    name: 'in Italian: birthday money, and a selfie to see how the child has grown',
    link: FRIEND,
    lines: [
      ['adult', 'mi manchi tanto tesoro'],
      ['adult', 'ti mando dei soldi per il compleanno'],
      ['adult', 'mandami un selfie così vedo quanto sei cresciuta'],
    ],
  },
];

const TWINS: ConversationCase[] = [
  {
    name: 'a relative linked as a friend: the baby pictures, and money',
    link: FRIEND,
    lines: [['adult', 'send me $100 or everyone at your school will see your baby pictures']],
  },
  {
    name: 'a relative linked as a friend: the baby pictures, and more photos demanded',
    link: FRIEND,
    lines: [['adult', "if you don't send more pics everyone at your school will see your baby pictures"]],
  },
  {
    name: 'a relative followed by the child: the baby pictures, and a countdown',
    link: FOLLOW,
    lines: [['adult', 'you have 10 minutes. everyone at your school will see your baby pictures']],
  },
  {
    name: 'in Spanish: the photos from when the child was little, and money',
    link: FRIEND,
    lines: [['adult', 'si no me pagas 50 euros toda tu clase va a ver tus fotos de pequeña']],
  },
  {
    name: 'in Portuguese: the childhood photos, and money',
    link: FRIEND,
    lines: [['adult', 'se não me pagar 50 reais a sua escola toda vai ver suas fotos de criança']],
  },
  {
    name: 'in French: the photos from when the child was small, and money',
    link: FRIEND,
    lines: [['adult', 'si tu ne me paies pas 50 euros toute ta classe va voir tes photos de quand tu étais petit']],
  },
  {
    name: 'in German: the childhood photos, and money',
    link: FRIEND,
    lines: [['adult', 'wenn du mir nicht 50 euro zahlst, sieht deine ganze klasse deine kinderfotos']],
  },
  {
    name: 'in Italian: the baby photos, and money',
    link: FRIEND,
    lines: [['adult', 'pagami 50 euro o mando le tue foto da neonato a tutta la famiglia']],
  },
  {
    name: "a relative linked as a friend: the party's pictures, and a condition with money",
    link: FRIEND,
    lines: [['adult', "i have your pics from the party. if you don't pay me $50 i'll send them to your parents"]],
  },
  {
    name: "in German: the wedding's photos, and a countdown",
    link: FRIEND,
    lines: [['adult', 'du hast 10 minuten, sonst schick ich die fotos von der hochzeit an deine ganze klasse']],
  },
  {
    name: "in Spanish: a ticket's share, and a threat over the child's photos",
    link: FRIEND,
    lines: [['adult', 'mandame los 20 euros de la entrada antes de medianoche o toda tu clase va a ver tus fotos']],
  },
  {
    name: 'a relative linked as a friend: a selfie to see how tall, kept secret',
    link: FRIEND,
    lines: [
      ['adult', 'send me a selfie so i can see how tall you are now'],
      ['adult', "keep it between us, don't tell your mum"],
    ],
  },
  {
    name: 'in Italian: a selfie to see how the child has grown, just for me, and a secret',
    link: FRIEND,
    lines: [['adult', 'mandami un selfie per vedere quanto sei cresciuta, solo per me. è il nostro segreto']],
  },
  {
    name: 'a relative followed by the child: a selfie to see how tall, for a gift card',
    link: FOLLOW,
    lines: [['adult', "send me a selfie so i see how tall you are and i'll send you a gift card"]],
  },
  {
    name: 'an impostor with no link who claims to be an aunt: a selfie to see how tall',
    lines: [
      ['adult', "hi sweetie it's your aunt, new account"],
      ['adult', 'send me a selfie so i can see how tall you are now'],
    ],
  },
];

describeTwins("relatives' teasing threats and everyday requests, and their risky twins (issue 16, ninth round)", BENIGN, TWINS);

describe('what a teasing threat, a shared photo and a family collection read', () => {
  const codes = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);
  it('reads no exposure threat in a tease over baby photos, or in photos shared with the family', () => {
    for (const t of [
      "call your grandma or i'll send your baby pics to the whole family lol",
      'llama a la abuela o le mando tus fotos de bebe a toda la familia jaja',
      'liga pra vó ou eu mando suas fotos de bebê pra família toda kkk',
      "appelle mamie ou j'envoie tes photos de bébé à toute la famille mdr",
      'ruf oma an oder ich schicke deine babyfotos an die ganze familie haha',
      'se non rispondi tutta la tua classe vedrà le tue foto da piccolo ahah',
      "i'll share the photos with your whole family at christmas",
      'que buen dia en el zoo! le mando las fotos a tus padres esta noche',
      'toller tag im zoo! ich schicke die fotos heute abend an deine eltern',
    ])
      assert.ok(!codes(t).includes('exposure_threat'), t);
  });
  it('still reads one beside money, more photos, a deadline, a condition or what the child sent', () => {
    for (const t of [
      'send me $100 or everyone at your school will see your baby pictures',
      'si no me pagas 50 euros toda tu clase va a ver tus fotos de pequeña',
      'se não me pagar 50 reais a sua escola toda vai ver suas fotos de criança',
      'si tu ne me paies pas 50 euros toute ta classe va voir tes photos de quand tu étais petit',
      'wenn du mir nicht 50 euro zahlst, sieht deine ganze klasse deine kinderfotos',
      'hai 10 minuti o mando le tue foto da neonato a tutta la famiglia',
      "if you don't answer i'll send the pictures from the party to your parents",
      "i'll send what you sent me from the party to your parents",
      "i'll send your pics to your parents",
    ])
      assert.ok(codes(t).includes('exposure_threat'), t);
  });
  it("reads no payment demand in a ticket's share, and one beside the child's photos or a gift card", () => {
    for (const t of [
      'can you send me the 20 dollars for the concert ticket by tomorrow',
      'me manda os 20 reais do ingresso até amanhã, você tem até meia-noite',
      'mandami i 20 euro per il biglietto del concerto entro domani, hai tempo fino a mezzanotte',
    ])
      assert.ok(!codes(t).includes('payment_demand'), t);
    for (const t of ["send me 20 dollars for the concert ticket or i'll post your pics", 'send me a $20 gift card for the ticket'])
      assert.ok(codes(t).includes('payment_demand'), t);
  });
  it('marks a photo of a milestone as family life, and not one just for the sender or in the bedroom', () => {
    const request = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).find((c) => c.code === 'image_request');
    for (const t of [
      'send a picture to the family so we see how tall you are now',
      'manda una foto a la familia para ver lo alta que estas',
      'manda uma foto pra eu ver como você está alto',
      "envoie une photo à la famille pour qu'on voie comme tu as grandi",
      'schick mir ein foto, damit ich sehe wie groß du geworden bist',
      'mandami una foto così vedo quanto sei cresciuto',
    ]) {
      const r = request(t);
      assert.ok(r && isOccasion(r), t);
    }
    for (const t of [
      'send me a selfie so i see how big you got, just for me',
      'mandame una foto para ver lo grande que estas, solo para mi',
      "send me a selfie so i see how tall you are and i'll send you a gift card",
    ]) {
      const r = request(t);
      assert.ok(r && !isOccasion(r), t);
    }
  });
});
