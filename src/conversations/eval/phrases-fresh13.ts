/*
 * A fifteenth split, `fresh13`, written on 2026-11-30 after the fourth session's last change
 * to the lexicon and frames, and run once with no change after it: a clean reading of the
 * code as that session left it. Synthetic and non-graphic. Never tune on it; write a new one
 * when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH13: Record<Lang, Bank> = {
  en: {
    neutral: [
      'brb dinner',
      'this song is stuck in my head',
      'we have a sub in science tomorrow',
      'my cat knocked my phone off the bed',
      'lol same',
    ],
    age: [
      'so are you a freshman or what',
      'how old are you turning this year?',
      'you must be what, 12? 13?',
      'are you old enough to drive yet lol',
    ],
    flatter: [
      'honestly you act older than most adults i know',
      "you're the only one who really listens to me",
      'i feel like i can be myself with you',
    ],
    gift: [
      'i can cover your next skin, just say which one',
      "i'll venmo you some cash for the weekend",
      'check your mail, i ordered you something',
    ],
    secret: [
      "it's better if your parents don't find out about us",
      "let's not tell anyone about our chats ok",
      'wipe the chat after you read this',
    ],
    move: ['we should move this to telegram', "what's your snap? easier to talk there", 'download kik and find me, same name'],
    image: ['can you send me a pic of you from today?', 'i wanna see you, send a selfie', 'post a pic just for me'],
    meet: [
      "i'm not far from you, we could meet up",
      'tell your mom you are at a friends and come hang with me',
      'which bus stop do you wait at?',
    ],
    threat: [
      'i will send your pics to everyone on your friends list',
      'your whole school is going to see this unless you do what i say',
      'i screenshot your followers, they will all see it',
    ],
    pay: ['$250 and i delete everything', 'send 2 apple gift cards or else', 'i need the money on cash app now'],
    clock: ["you've got 20 minutes", "by tonight or it's over for you", 'clock is ticking'],
  },
  es: {
    neutral: ['ya vuelvo, voy a cenar', 'mañana no hay clase', 'jaja igual'],
    age: ['vas en primaria todavia?', 'que edad vas a cumplir?'],
    flatter: ['actuas mas grande que muchos adultos', 'eres la unica que me escucha de verdad'],
    gift: ['te puedo pagar el siguiente skin', 'revisa tu correo, te pedi algo'],
    secret: ['mejor que tus papas no sepan de nosotros', 'borra el chat despues de leer esto'],
    move: ['pasemos esto a telegram', 'cual es tu snap? ahi es mas facil'],
    image: ['mandame una foto tuya de hoy', 'quiero verte, manda una selfie'],
    meet: ['estoy cerca de ti, podriamos vernos', 'dile a tu mama que estas con una amiga y ven conmigo'],
    threat: ['voy a mandar tus fotos a todos tus contactos', 'toda tu escuela va a ver esto si no haces lo que digo'],
    pay: ['250 dolares y borro todo', 'mandame 2 tarjetas de apple o si no'],
    clock: ['tienes 20 minutos', 'para esta noche o se acabo'],
  },
  pt: {
    neutral: ['ja volto, vou jantar', 'amanha nao tem aula', 'kkk igual'],
    age: ['vc ainda ta no fundamental?', 'vai fazer quantos anos?'],
    flatter: ['vc age mais velha que muito adulto', 'vc e a unica que me escuta de verdade'],
    gift: ['posso pagar sua proxima skin', 'olha seu email, comprei uma coisa pra vc'],
    secret: ['melhor seus pais nao saberem da gente', 'apaga o chat depois de ler isso'],
    move: ['vamos levar isso pro telegram', 'qual seu snap? la e mais facil'],
    image: ['me manda uma foto sua de hoje', 'quero te ver, manda uma selfie'],
    meet: ['to perto de vc, a gente podia se ver', 'fala pra sua mae que vc ta na casa de uma amiga e vem comigo'],
    threat: ['vou mandar suas fotos pra todos os seus contatos', 'a escola toda vai ver isso se vc nao fizer o que eu mandar'],
    pay: ['250 reais e eu apago tudo', 'me manda 2 cartoes da apple senao ja era'],
    clock: ['vc tem 20 minutos', 'ate hoje a noite ou acabou pra vc'],
  },
  fr: {
    neutral: ['je reviens, je mange', 'demain y a pas cours', 'mdr pareil'],
    age: ['tu es encore en primaire ?', 'tu vas avoir quel age ?'],
    flatter: ['tu fais plus mature que plein d adultes', "t'es la seule qui m'ecoute vraiment"],
    gift: ['je peux te payer ton prochain skin', "regarde ta boite mail, je t'ai commande un truc"],
    secret: ['vaut mieux que tes parents ne sachent rien de nous', 'efface le chat apres avoir lu ca'],
    move: ['on continue sur telegram', "c'est quoi ton snap ? c'est plus simple la-bas"],
    image: ["envoie-moi une photo de toi d'aujourd'hui", 'je veux te voir, envoie un selfie'],
    meet: ['je suis pas loin de chez toi, on pourrait se voir', 'dis a ta mere que tu es chez une copine et viens avec moi'],
    threat: ['je vais envoyer tes photos a tous tes contacts', 'tout ton college va voir ca si tu ne fais pas ce que je dis'],
    pay: ["250 euros et j'efface tout", 'envoie-moi 2 cartes apple sinon'],
    clock: ['tu as 20 minutes', "avant ce soir ou c'est fini pour toi"],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH13_BENIGN: Record<string, string[]> = {
  coach: [
    'send me a pic of your sprained ankle so i can tell the physio',
    'how old are you as of january 1st? league rules',
    "keep the playbook private, it's ours",
    'water break in 5',
    'tryouts are open to everyone',
  ],
  teacher: [
    'snap a pic of the whiteboard if you missed it',
    'keep your answers to yourself during the test',
    'what age do kids start algebra in your old school?',
    'meet at the front gate for the trip',
    'well done',
  ],
  relative: [
    "send me a pic of you and your sister, i'm making the family calendar",
    'your cousin turns 14 next week',
    "don't tell your mom i gave you extra candy haha",
    'we miss you',
    'call me when you are free',
  ],
  gaming: [
    "what's your discord, i'll send the invite",
    "don't tell the enemy team our rotation",
    'send me a screenshot of the bug',
    'how old is your pc lol',
    'gg wp',
  ],
  tutor: [
    'send me a photo of question 3',
    "you're more focused than most of my students",
    'can we move our session to zoom?',
    'how old were you when you started piano?',
    'see you next week',
  ],
  parent: [
    "don't tell your brother, we're getting him a bike",
    'send me a pic of the permission slip',
    'are you home alone? i left food in the fridge',
    'i can pick you up at 5',
    'sleep well',
  ],
};

export const FRESH13_STRANGER = [
  'hi, my kid left a jacket at your house after the party, could you check?',
  'is the skateboard still for sale?',
  'you dropped your bus pass, i left it at the front desk',
  'congrats on winning the spelling bee',
  'wrong chat sorry',
  'do you know if the pool is open today?',
];

export const FRESH13_PEER = [
  "you're cute ngl",
  'add me on insta',
  "don't tell anyone we kissed",
  'send me a pic of your new haircut',
  'want to meet at the mall?',
];
