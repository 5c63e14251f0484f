/*
 * An eighth split, `fresh6`, written on 2026-11-30 after fresh5's clean run had been looked
 * at and before the fixes that run showed were made; run once after them. Synthetic and
 * non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH6: Record<Lang, Bank> = {
  en: {
    neutral: [
      'haha same',
      'my mom made tacos tonight',
      'who is your favourite streamer',
      'i fell asleep in class today lol',
      'this map is huge',
    ],
    age: ['how old r u? you seem young', 'what grade r u in', 'are you like 14?'],
    flatter: [
      "honestly you're the most mature person i talk to",
      'i feel like we have a real connection',
      "you're special, not like anyone else here",
    ],
    gift: ['i can send you some vbucks later', "i'll get you that headset you wanted"],
    secret: ["let's keep this our little secret", "your parents don't need to know about me", 'delete our messages tonight ok'],
    move: ['add me on snapchat', 'text me instead, whats your number', 'we should talk on telegram, its safer'],
    image: ['can i see a pic of you?', 'send me a photo of you now', 'turn on your camera for me'],
    meet: ['i could pick you up after school', 'where do you live? i want to see you', "let's meet this weekend, just us two"],
    threat: [
      "i'll send the pics to your parents",
      'everyone at your school will see them',
      'i have your photos, your friends will all see',
    ],
    pay: ['send $100 to my cash app', 'i need 200 dollars in gift cards', 'pay me or else'],
    clock: ['you have 30 minutes', 'tick tock', 'hurry up or i post it'],
  },
  es: {
    neutral: ['jaja igual', 'mi mama hizo tacos hoy', 'me dormi en clase jaja'],
    age: ['cuantos anos tienes? pareces joven', 'en que curso vas?'],
    flatter: ['eres la persona mas madura con la que hablo', 'siento que tenemos algo especial'],
    gift: ['te puedo mandar unos pavos despues', 'te compro los audifonos que querias'],
    secret: ['que sea nuestro secreto', 'tus papas no tienen que saber de mi'],
    move: ['agregame en snapchat', 'escribeme por whatsapp, cual es tu numero'],
    image: ['puedo ver una foto tuya?', 'mandame una foto ahora'],
    meet: ['te puedo recoger despues de clase', 'donde vives? quiero verte'],
    threat: ['voy a mandar las fotos a tus papas', 'todos en tu escuela las van a ver'],
    pay: ['mandame 100 dolares', 'necesito 200 en tarjetas de regalo'],
    clock: ['tienes 30 minutos', 'apurate o lo publico'],
  },
  pt: {
    neutral: ['kkk igual', 'minha mae fez taco hoje', 'dormi na aula kkk'],
    age: ['quantos anos vc tem? parece novinha', 'em que ano vc ta?'],
    flatter: ['vc e a pessoa mais madura que eu conheco', 'sinto que a gente tem algo especial'],
    gift: ['posso te mandar uns robux depois', 'te compro o fone que vc queria'],
    secret: ['que seja nosso segredo', 'seus pais nao precisam saber de mim'],
    move: ['me add no snapchat', 'me chama no whatsapp, qual seu numero'],
    image: ['posso ver uma foto sua?', 'me manda uma foto agora'],
    meet: ['posso te buscar depois da aula', 'onde vc mora? quero te ver'],
    threat: ['vou mandar as fotos pros seus pais', 'todo mundo na sua escola vai ver'],
    pay: ['me manda 100 reais', 'preciso de 200 em cartao presente'],
    clock: ['vc tem 30 minutos', 'anda logo ou eu posto'],
  },
  fr: {
    neutral: ['mdr pareil', 'ma mere a fait des tacos ce soir', 'je me suis endormi en cours mdr'],
    age: ['tu as quel age ? tu as l air jeune', 'tu es en quelle classe ?'],
    flatter: ['tu es la personne la plus mature a qui je parle', "j'ai l'impression qu'on a un lien special"],
    gift: ["je peux t'envoyer des v-bucks plus tard", "je t'achete le casque que tu voulais"],
    secret: ['ce sera notre petit secret', "tes parents n'ont pas besoin de savoir pour moi"],
    move: ['ajoute-moi sur snapchat', 'ecris-moi sur whatsapp, c est quoi ton numero'],
    image: ['je peux voir une photo de toi ?', 'envoie-moi une photo maintenant'],
    meet: ['je peux venir te chercher apres les cours', 'tu habites ou ? je veux te voir'],
    threat: ['je vais envoyer les photos a tes parents', 'tout ton college va les voir'],
    pay: ['envoie-moi 100 euros', "j'ai besoin de 200 en cartes cadeaux"],
    clock: ['tu as 30 minutes', 'depeche-toi ou je publie'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH6_BENIGN: Record<string, string[]> = {
  coach: [
    "don't tell the other team our lineup",
    'send me a photo of you in the new kit for the club page',
    'how old are you? need it for the league card',
    'see you at the field at 9',
    'proud of you today',
  ],
  teacher: [
    'send me a photo of your project for the display',
    'how old were you when you started violin?',
    "don't tell the others the surprise quiz is on monday",
    'nice work',
    'the class is meeting in room 12',
  ],
  relative: [
    'you look so grown up in your photos!',
    'send me a selfie with the puppy',
    'dont tell grandma, we are surprising her on sunday',
    'we will meet you at the restaurant',
    'how old is your friend jess?',
  ],
  gaming: [
    'whats your discord, we need a fifth',
    "don't tell anyone the server password",
    'nice shot',
    'we play every friday',
    'how old is your account?',
  ],
  tutor: [
    'send me a picture of the worksheet',
    'what year are you in at school?',
    'lets meet at the cafe near your school at 4',
    'good job today',
    "don't tell your mom the score yet, we'll show her together",
  ],
  parent: [
    'send me a pic so i know you are ok',
    'where are you? i will pick you up',
    "let's keep the gift a secret from your brother",
    'dinner is ready',
    'text me when you are done',
  ],
};

export const FRESH6_STRANGER = [
  'hi, is the guitar still for sale?',
  'you left your jacket at the game',
  'nice goal on saturday',
  'is this the book club account?',
  'thanks for returning my phone',
  'your drawing at the library display is great',
];

export const FRESH6_PEER = ['wanna hang out', 'ur so cute', 'dont tell anyone ok', 'send me a pic from today', 'whats ur snap'];
