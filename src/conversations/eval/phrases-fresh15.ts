/*
 * A seventeenth split, `fresh15`, written on 2026-11-30 after the fifth session's family
 * links and lexicon round, and run once with no change after it: a clean reading of the code
 * as it then stood. Synthetic and non-graphic. Never tune on it; write a new one when it has
 * been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH15: Record<Lang, Bank> = {
  en: {
    neutral: ['my phone is at 3%', 'we had a fire drill today lol', 'what did you get on the math test', 'i love that show too', 'k'],
    age: ['how old r u anyway', 'are you still in junior high?', "what's your date of birth", 'you look about 14, am i close?'],
    flatter: ['you seem really wise for someone so young', "i've never clicked with anyone like this", "you're special, you know that?"],
    gift: ['want me to send you some robux?', "i'll pay for your phone bill this month", 'i got you a gift card, want the code?'],
    secret: [
      'delete our messages when you are done',
      "your mom wouldn't get it, so keep this to yourself",
      'nobody else needs to know we chat',
    ],
    move: ['do you have insta? follow me there', "text me instead, here's my number", 'i made a private server on discord for us'],
    image: ['let me see you, send a pic', 'can you take a selfie right now and send it', 'i want a photo of you, nobody else will see it'],
    meet: ['i could meet you at the park after school', 'tell me your address and i will come by', 'we should meet up, just the two of us'],
    threat: [
      "i'll leak your photos to your whole class",
      'send this to your parents? i can, and i will',
      'your followers are about to see everything',
    ],
    pay: ['i want $200 in google play cards', 'transfer the money to my cashapp', 'pay up or else'],
    clock: ['30 minutes, starting now', 'time is running out', "you've got until midnight"],
  },
  es: {
    neutral: ['me queda poca bateria', 'hoy hubo simulacro jaja', 'k'],
    age: ['cuantos años tienes al final?', 'sigues en la secundaria?'],
    flatter: ['pareces muy sabia para ser tan joven', 'nunca he conectado asi con nadie'],
    gift: ['quieres que te mande robux?', 'te pago el celular este mes'],
    secret: ['borra nuestros mensajes cuando termines', 'nadie mas tiene que saber que hablamos'],
    move: ['tienes insta? sigueme ahi', 'mejor escribeme a mi numero'],
    image: ['dejame verte, manda una foto', 'tomate una selfie ahora y mandamela'],
    meet: ['te puedo ver en el parque despues de clase', 'dime tu direccion y paso'],
    threat: ['voy a filtrar tus fotos a toda tu clase', 'tus seguidores estan por verlo todo'],
    pay: ['quiero 200 dolares en tarjetas de google play', 'paga o ya sabes'],
    clock: ['30 minutos, desde ya', 'el tiempo se te acaba'],
  },
  pt: {
    neutral: ['to com pouca bateria', 'hoje teve simulado de incendio kkk', 'k'],
    age: ['quantos anos vc tem afinal?', 'vc ainda ta no fundamental?'],
    flatter: ['vc parece muito sabia pra alguem tao nova', 'nunca me conectei assim com ninguem'],
    gift: ['quer que eu te mande robux?', 'eu pago sua conta do celular esse mes'],
    secret: ['apaga nossas mensagens quando terminar', 'ninguem mais precisa saber que a gente conversa'],
    move: ['vc tem insta? me segue la', 'me manda mensagem no meu numero'],
    image: ['deixa eu te ver, manda uma foto', 'tira uma selfie agora e me manda'],
    meet: ['posso te encontrar no parque depois da aula', 'me fala seu endereco que eu passo ai'],
    threat: ['vou vazar suas fotos pra sua turma toda', 'seus seguidores vao ver tudo'],
    pay: ['quero 200 reais em cartao google play', 'paga ou ja sabe'],
    clock: ['30 minutos, a partir de agora', 'seu tempo ta acabando'],
  },
  fr: {
    neutral: ["j'ai plus de batterie", "on a eu un exercice d'incendie mdr", 'k'],
    age: ['t as quel age au final ?', "t'es encore au college ?"],
    flatter: ['tu as l air tres sage pour quelqu un de si jeune', "j'ai jamais ressenti un lien pareil"],
    gift: ['tu veux que je t envoie des robux ?', 'je te paie ton forfait ce mois-ci'],
    secret: ['efface nos messages quand tu as fini', 'personne d autre doit savoir qu on parle'],
    move: ['t as insta ? suis-moi la-bas', 'ecris-moi plutot sur mon numero'],
    image: ['laisse-moi te voir, envoie une photo', 'prends un selfie maintenant et envoie-le'],
    meet: ['je peux te voir au parc apres les cours', 'donne-moi ton adresse et je passe'],
    threat: ['je vais balancer tes photos a toute ta classe', 'tes abonnes vont tout voir'],
    pay: ['je veux 200 euros en cartes google play', 'paye ou tu sais ce qui se passe'],
    clock: ['30 minutes, a partir de maintenant', 'le temps file'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH15_BENIGN: Record<string, string[]> = {
  coach: [
    'send me a pic of your new cleats so i can order the same for the team',
    'under-14 team is for players born 2012 or later',
    'keep the lineup to yourself until saturday',
    'i can give you a ride to the away game if your mom says ok',
    'great effort',
  ],
  teacher: [
    'take a selfie with your science poster for the class blog',
    'what year are you in now, i forget',
    'keep your answers to yourself during the quiz please',
    'come by my classroom after school for the makeup test',
    'see you monday',
  ],
  relative: [
    'happy birthday, how old are you now, 13?',
    "don't tell your sister, i'm getting her the same bike",
    'send me a selfie with the puppy!',
    "i'll come get you from the airport",
    'miss you lots',
  ],
  gaming: [
    "what's your gamertag? i'll add you",
    'can you show me your base?',
    'keep our fortress coordinates secret from the other clan',
    'how old do you have to be for ranked?',
    'gg',
  ],
  tutor: [
    'send me a pic of page 42',
    'you seem really mature about your studies',
    'can we do thursday on facetime instead?',
    'what year of school are you in now?',
    'good work today',
  ],
  parent: [
    'are your friends still there or are you alone?',
    "i'll meet you at the front entrance",
    'send me a photo when you get to the museum',
    "it's our secret that we're getting a puppy, don't tell grandma yet",
    'love you',
  ],
};

export const FRESH15_STRANGER = [
  'hi, you dropped your scarf at the library, i left it at the desk',
  'is the guitar still for sale?',
  'oops, wrong person',
  'hello, this is the dentist office reminding you of your appointment',
  'is this the right chat for the chess club?',
  'great song at the talent show',
];

export const FRESH15_PEER = [
  'you looked so good today',
  'can i get your number',
  "don't tell my mom i snuck out",
  'send me a pic of your new shoes',
  'let me meet you at the park later',
];
