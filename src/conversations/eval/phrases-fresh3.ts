/*
 * A fifth split, `fresh3`, written on 2026-11-30 at 04:08 UTC after every change of that
 * session, and run once: the clean check of the final detector. Synthetic and non-graphic.
 * Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH3: Record<Lang, Bank> = {
  en: {
    neutral: [
      'lol my wifi keeps dropping',
      'did you beat the final level yet',
      'our dog ate my sandwich',
      'that video was so funny',
      'i have a test tomorrow ugh',
    ],
    age: ['wait r u in 7th or 8th grade?', 'how old r you anyway', 'you sound young lol how old'],
    flatter: [
      'you seem way more mature than people my age even',
      'i never met anyone who gets me like you',
      "you're honestly special to me",
    ],
    gift: ['i can buy you that skin you wanted', 'want me to send you some robux?'],
    secret: ['just keep this between us, your parents would overreact', "don't tell anybody we chat", 'delete these messages after ok'],
    move: ['add me on telegram its more private', 'whats your number? i dont use this app much', 'do you have discord? talk there'],
    image: ['send me a selfie real quick', 'can i see a pic of you', 'turn your camera on for a sec'],
    meet: ['i could come meet you after school', 'where do you live? im close by', "let's meet up this weekend, just us"],
    threat: [
      "i'll send your pics to everyone at your school",
      'i have your photos and your family will see them',
      'gonna post them for all your followers',
    ],
    pay: ['send me $200 in gift cards', 'pay me on cash app right now', 'i want 100 dollars or else'],
    clock: ['you have 15 minutes', 'time is running out for you', 'last chance before i post'],
  },
  es: {
    neutral: ['se me fue el internet', 'ya pasaste el nivel final?', 'manana tengo examen'],
    age: ['cuantos años tienes de verdad?', 'en que curso estas?'],
    flatter: ['eres muy madura para tu edad, en serio', 'nadie me entiende como tu'],
    gift: ['te regalo robux si quieres', 'te compro la skin que querias'],
    secret: ['no le digas a nadie que hablamos', 'borra los mensajes despues'],
    move: ['escribeme por telegram', 'pasame tu numero'],
    image: ['mandame una foto tuya', 'prende la camara un momento'],
    meet: ['nos vemos despues de clase?', 'donde vives? estoy cerca'],
    threat: ['voy a mandar tus fotos a tu escuela', 'tengo tus fotos y tu familia las va a ver'],
    pay: ['pagame 200 dolares en tarjetas de regalo', 'mandame dinero ya'],
    clock: ['tienes 15 minutos', 'ultima oportunidad'],
  },
  pt: {
    neutral: ['minha internet caiu', 'ja passou da fase final?', 'amanha tenho prova'],
    age: ['quantos anos vc tem mesmo?', 'em que ano vc ta?'],
    flatter: ['vc e muito madura pra sua idade', 'ninguem me entende como vc'],
    gift: ['te dou robux se quiser', 'te compro a skin que vc queria'],
    secret: ['nao conta pra ninguem que a gente conversa', 'apaga as mensagens depois'],
    move: ['me chama no telegram', 'me passa seu numero'],
    image: ['me manda uma foto sua', 'liga a camera rapidinho'],
    meet: ['vamos nos encontrar depois da aula?', 'onde vc mora? to perto'],
    threat: ['vou mandar suas fotos pra sua escola', 'tenho suas fotos e sua familia vai ver'],
    pay: ['me paga 200 reais em cartao presente', 'manda o pix agora'],
    clock: ['vc tem 15 minutos', 'ultima chance'],
  },
  fr: {
    neutral: ['mon wifi coupe tout le temps', "t'as fini le dernier niveau ?", "j'ai un controle demain"],
    age: ['tu as quel age en vrai ?', 'tu es en quelle classe ?'],
    flatter: ['tu es tres mature pour ton age', 'personne ne me comprend comme toi'],
    gift: ["je t'achete des robux si tu veux", "je t'offre le skin que tu voulais"],
    secret: ['ne dis a personne qu on se parle', 'efface les messages apres'],
    move: ['ecris-moi sur telegram', 'donne-moi ton numero'],
    image: ['envoie-moi une photo de toi', 'allume ta camera deux secondes'],
    meet: ['on se voit apres les cours ?', 'tu habites ou ? je suis pas loin'],
    threat: ['je vais envoyer tes photos a ton ecole', "j'ai tes photos et ta famille va les voir"],
    pay: ['paie-moi 200 euros en cartes cadeaux', "envoie l'argent maintenant"],
    clock: ['tu as 15 minutes', 'derniere chance'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH3_BENIGN: Record<string, string[]> = {
  coach: [
    'film session is at 6 in the gym',
    'tell your mom the bus is at 7',
    'which grade is your sister in? tryouts are by grade',
    'good work, keep it up',
    'send me a pic of the field if it looks flooded',
  ],
  teacher: [
    'quiz retakes are on thursday',
    'please bring your signed form',
    'great job presenting today',
    'we are moving the class chat to the school portal',
    'how old is the oldest tree on campus? find out for homework',
  ],
  relative: [
    'your cousin says hi!',
    'what grade are you in now? i need to buy the right books',
    'send me a pic from your recital',
    "shh don't tell grandpa about his birthday cake",
    'we will meet you at the station at 5',
  ],
  gaming: [
    'rotate left',
    'anyone got a spare key',
    'the clan discord has the raid times',
    'gg close one',
    "don't tell the other squad where we camp lol",
  ],
  tutor: [
    'lets review chapter 5 on monday',
    'your mom said thursday is better',
    'great improvement on fractions',
    'snap a photo of the problem you are stuck on',
    'we can switch the session to video',
  ],
  parent: [
    'did you take your lunch',
    'send me a picture of the bus number',
    'dont tell your brother, its a surprise',
    'i will pick you up at 3 by the gym',
    'text me when you land',
  ],
};

export const FRESH3_STRANGER = [
  'hi, is the bike still available?',
  'nice run at the race today',
  'your poster for the bake sale has the wrong room',
  'is this the signup for the chess club?',
  'thanks for finding my cat!',
  'good luck at the science fair',
];

export const FRESH3_PEER = [
  'wanna get ice cream after school',
  'ur so funny lol',
  'dont tell anyone i have a crush',
  'send the pic from the game',
  'add me on snap',
];
