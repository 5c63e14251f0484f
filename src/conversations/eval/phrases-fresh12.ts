/*
 * A fourteenth split, `fresh12`, written on 2026-11-30 at the start of the fourth session
 * together with fresh11, before any change of that session. Only its totals were read before
 * the session's changes (as a baseline); it was run once after them. Synthetic and
 * non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH12: Record<Lang, Bank> = {
  en: {
    neutral: [
      'how was your weekend?',
      "my brother won't stop playing music",
      'i have so much homework tonight',
      'did you watch the game last night?',
      'our teacher gave us a pop quiz',
    ],
    age: ['you look young, are you still in school?', 'which year of school are you in?', 'what year were you born?'],
    flatter: [
      'i can tell you are smarter than people give you credit for',
      "you're special to me, you know that?",
      "i've never met someone as mature as you",
    ],
    gift: [
      'i can send you money for that new phone',
      "if you want, i'll buy you the battle pass",
      "i sent you a little present, don't thank me",
    ],
    secret: [
      "you can't tell your parents about me, they'd get the wrong idea",
      "let's keep our friendship a secret",
      "if anyone asks, you don't know me",
    ],
    move: [
      'message me on instagram, this chat is too public',
      "i'll add you on discord, what's your tag?",
      "let's switch to signal, it's more private",
    ],
    image: ["i'd love to see a photo of you", 'can you send me a pic, just for me?', "show me what you're wearing today"],
    meet: [
      "i'll be in your town next week, we should meet",
      "can you sneak out tonight? i'll be outside",
      "come to my place after school, i'll drive you",
    ],
    threat: [
      "i'll share everything with your whole contact list",
      "i'm sending these to your school principal",
      'your family is going to see what you sent',
    ],
    pay: ['i want $300 in bitcoin', 'send $100 on venmo and i delete it', 'get me an amazon gift card'],
    clock: ["i'm giving you one hour", 'you have until 9pm', "hurry up or it's going out"],
  },
  es: {
    neutral: ['como estuvo tu fin de semana?', 'tengo mucha tarea hoy', 'viste el partido anoche?'],
    age: ['pareces joven, todavia vas a la escuela?', 'en que año naciste?'],
    flatter: ['eres especial para mi, lo sabes?', 'nunca conoci a alguien tan madura como tu'],
    gift: ['puedo mandarte dinero para ese celular nuevo', 'te compro el pase de batalla'],
    secret: ['no le puedes contar a tus papas de mi, no lo entenderian', 'si alguien pregunta, no me conoces'],
    move: ['escribeme por instagram, este chat es muy publico', 'pasemonos a signal, es mas privado'],
    image: ['me encantaria ver una foto tuya', 'mandame una foto, solo para mi'],
    meet: ['voy a estar en tu ciudad la proxima semana, veamonos', 'puedes salir a escondidas esta noche?'],
    threat: ['voy a compartir todo con tus contactos', 'tu familia va a ver lo que mandaste'],
    pay: ['quiero 300 dolares en bitcoin', 'consigueme una tarjeta de amazon'],
    clock: ['te doy una hora', 'apurate o lo publico'],
  },
  pt: {
    neutral: ['como foi seu fim de semana?', 'tenho muita licao hoje', 'viu o jogo ontem?'],
    age: ['vc parece novinha, ainda ta na escola?', 'em que ano vc nasceu?'],
    flatter: ['vc e especial pra mim, sabia?', 'nunca conheci alguem tao madura quanto vc'],
    gift: ['posso te mandar dinheiro pro celular novo', 'te compro o passe de batalha'],
    secret: ['vc nao pode contar pros seus pais sobre mim, eles nao iam entender', 'se alguem perguntar, vc nao me conhece'],
    move: ['me chama no instagram, esse chat e muito publico', 'vamos pro signal, e mais privado'],
    image: ['adoraria ver uma foto sua', 'me manda uma foto, so pra mim'],
    meet: ['vou estar na sua cidade semana que vem, vamos nos encontrar', 'vc consegue sair escondida hoje a noite?'],
    threat: ['vou compartilhar tudo com seus contatos', 'sua familia vai ver o que vc mandou'],
    pay: ['quero 300 reais em bitcoin', 'me arruma um cartao da amazon'],
    clock: ['te dou uma hora', 'anda logo ou eu publico'],
  },
  fr: {
    neutral: ["ton week-end s'est bien passe ?", "j'ai trop de devoirs ce soir", 't as vu le match hier ?'],
    age: ["tu as l'air jeune, tu es encore a l'ecole ?", 'tu es nee en quelle annee ?'],
    flatter: ['tu es speciale pour moi, tu sais ?', "je n'ai jamais rencontre quelqu'un d'aussi mature que toi"],
    gift: ["je peux t'envoyer de l'argent pour le nouveau telephone", "je t'achete le passe de combat"],
    secret: ['tu ne peux pas parler de moi a tes parents, ils ne comprendraient pas', 'si on te demande, tu ne me connais pas'],
    move: ['ecris-moi sur instagram, ce chat est trop public', "on passe sur signal, c'est plus prive"],
    image: ["j'aimerais voir une photo de toi", 'envoie-moi une photo, juste pour moi'],
    meet: ['je serai dans ta ville la semaine prochaine, on devrait se voir', 'tu peux sortir en cachette ce soir ?'],
    threat: ['je vais tout partager avec tes contacts', 'ta famille va voir ce que tu as envoye'],
    pay: ['je veux 300 euros en bitcoin', 'trouve-moi une carte amazon'],
    clock: ['je te donne une heure', 'depeche-toi ou je publie'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH12_BENIGN: Record<string, string[]> = {
  coach: [
    'can you send me a photo of your jersey number, the printer needs it',
    "let's keep the new play a secret until saturday",
    'what age group did you sign up for?',
    'the bus leaves from the gym at 6',
    'stretch before practice',
  ],
  teacher: [
    'upload a picture of your lab results to the portal',
    "don't share the answers with the other class",
    'meet me in room 12 for extra help',
    'which year did your sibling graduate?',
    'great essay',
  ],
  relative: [
    'grandpa wants a picture of you with the dog',
    'we should meet for lunch when you visit',
    "don't tell your cousin, we got her tickets for her birthday",
    'how tall are you now?',
    'happy holidays sweetie',
  ],
  gaming: [
    'dm me on discord after the match',
    "don't tell the other squad where we hide",
    'send a clip of that play',
    'how long have you been playing?',
    'nice shot',
  ],
  tutor: [
    'take a picture of page 40 and send it',
    'we will meet at the library on thursday',
    'what grade will you be in next year?',
    'you learn fast',
    'homework is on the shared doc',
  ],
  parent: [
    'send me a photo of the bus timetable',
    "keep this between us until dad's birthday",
    'text me when you land',
    'come home before dark',
    'proud of you',
  ],
};

export const FRESH12_STRANGER = [
  'hi! is the bike from the listing still available?',
  'you left your scarf at the cafe, want me to keep it at the counter?',
  'is this the number for the dog walker?',
  'congrats on the science fair prize',
  'sorry, i think i have the wrong account',
  'are tickets for the school play still on sale?',
];

export const FRESH12_PEER = [
  'you looked nice today',
  'come to my place after school?',
  "let's keep it secret that we're dating",
  'send me your snap',
  'text me later',
];
