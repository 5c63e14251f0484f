/*
 * A thirteenth split, `fresh11`, written on 2026-11-30 at the start of the fourth session,
 * before any change of that session; run once clean against the code as the third session
 * left it, then looked at. Synthetic and non-graphic. Never tune on it again.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH11: Record<Lang, Bank> = {
  en: {
    neutral: [
      'ugh mondays',
      'my phone is at 3%',
      'what did you have for lunch',
      'the new season dropped today',
      'i fell asleep in class lol',
    ],
    age: [
      'so what are you, like 13?',
      'wait are you in middle school or high school',
      'how old r you btw',
      'when is your birthday, how old will you be?',
    ],
    flatter: [
      "you're way more grown up than the kids your age",
      'nobody understands you like i do',
      "you're honestly so pretty, you could be a model",
    ],
    gift: ['want me to send you some robux?', "i'll pay your phone bill if you need", 'i got you something, check your inbox'],
    secret: [
      'this stays with us, nobody else needs to know',
      "your mom wouldn't understand us, so don't mention me",
      'make sure you clear our messages',
    ],
    move: ["this app is glitchy, let's go to whatsapp", 'do you have kik or telegram?', "text me instead, what's your cell"],
    image: ['show me a pic of you right now', 'got any recent photos of yourself?', 'take a selfie and send it to me'],
    meet: [
      "i could come see you this weekend, don't bring anyone",
      'what school do you go to? i can wait outside',
      "let's meet at the mall, just us",
    ],
    threat: [
      "if you don't do what i say everyone at your school sees these",
      "i have your follower list, they'll all get the pics",
      "i'll ruin your life, your family will see everything",
    ],
    pay: ['transfer $200 to me and this goes away', 'buy me two $50 google play cards', 'send the money through paypal'],
    clock: ['you have until midnight', 'tick tock', '10 minutes or i post it'],
  },
  es: {
    neutral: ['que sueño tengo', 'mi celular tiene poca bateria', 'hoy llovio todo el dia'],
    age: ['tienes como 13?', 'vas a la secundaria o a la prepa?'],
    flatter: ['eres mucho mas madura que las chicas de tu edad', 'nadie te entiende como yo'],
    gift: ['te mando robux si quieres', 'te pago la recarga del celular'],
    secret: ['esto queda entre nosotros, nadie tiene que saber', 'borra nuestros mensajes'],
    move: ['esta app falla, vamonos a whatsapp', 'tienes telegram?'],
    image: ['mandame una foto tuya ahora', 'tomate una selfie y mandamela'],
    meet: ['podria ir a verte este fin de semana, no traigas a nadie', 'a que escuela vas? te espero afuera'],
    threat: ['si no haces lo que digo toda tu escuela va a ver esto', 'tengo la lista de tus seguidores, todos van a ver las fotos'],
    pay: ['transfiereme 200 dolares y esto se acaba', 'comprame dos tarjetas de google play'],
    clock: ['tienes hasta la medianoche', '10 minutos o lo publico'],
  },
  pt: {
    neutral: ['que sono', 'meu celular ta com pouca bateria', 'choveu o dia todo'],
    age: ['vc tem uns 13?', 'vc ta no fundamental ou no medio?'],
    flatter: ['vc e bem mais madura que as meninas da sua idade', 'ninguem te entende como eu'],
    gift: ['te mando robux se quiser', 'pago a recarga do seu celular'],
    secret: ['isso fica entre nos, ninguem precisa saber', 'apaga nossas mensagens'],
    move: ['esse app ta bugado, bora pro whatsapp', 'vc tem telegram?'],
    image: ['me manda uma foto sua agora', 'tira uma selfie e me manda'],
    meet: ['posso ir te ver no fim de semana, nao leva ninguem', 'qual escola vc estuda? te espero na saida'],
    threat: ['se vc nao fizer o que eu digo a escola toda vai ver isso', 'tenho a lista dos seus seguidores, todos vao ver as fotos'],
    pay: ['me transfere 200 reais e isso acaba', 'compra dois cartoes google play pra mim'],
    clock: ['vc tem ate meia noite', '10 minutos ou eu posto'],
  },
  fr: {
    neutral: ['la flemme', "mon tel n'a plus de batterie", 'il a plu toute la journee'],
    age: ['tu as genre 13 ans ?', 'tu es au college ou au lycee ?'],
    flatter: ['tu es bien plus mature que les filles de ton age', 'personne ne te comprend comme moi'],
    gift: ["je t'envoie des robux si tu veux", 'je te paie ton forfait'],
    secret: ['ca reste entre nous, personne ne doit savoir', 'supprime nos messages'],
    move: ['cette appli bug, on passe sur whatsapp', 't as telegram ?'],
    image: ['envoie-moi une photo de toi maintenant', 'prends un selfie et envoie-le moi'],
    meet: ['je peux venir te voir ce week-end, ne ramene personne', 'tu vas dans quel college ? je t attends devant'],
    threat: ['si tu ne fais pas ce que je dis tout ton college verra ca', "j'ai la liste de tes abonnes, ils verront tous les photos"],
    pay: ['vire-moi 200 euros et tout ca disparait', 'achete-moi deux cartes google play'],
    clock: ["tu as jusqu'a minuit", '10 minutes ou je publie'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH11_BENIGN: Record<string, string[]> = {
  coach: [
    'text me a pic of your registration form',
    "don't tell the other team our lineup",
    'how old are you turning? we need it for the age bracket',
    'bring your cleats',
    'proud of you today',
  ],
  teacher: [
    'can you email me a photo of your worksheet',
    'what grade is your sister in',
    'remember, the bus leaves at 8',
    'nice presentation',
    'see me after class about the project',
  ],
  relative: [
    'your aunt wants a photo of you in your new uniform',
    'shh, the puppy is a secret until christmas',
    'how old is your teacher lol',
    'see you at thanksgiving',
    'miss you kiddo',
  ],
  gaming: [
    'join my server, link in bio',
    "don't leak the seed, we're keeping the world private",
    'screenshot your stats and send them',
    'how old is this game lol',
    'gg ez',
  ],
  tutor: [
    'snap a photo of your notes and send it',
    "you're doing great, really mature work",
    'we can meet at the cafe near school on tuesday',
    'what grade is the test for',
    'keep practicing',
  ],
  parent: [
    'send me a selfie so i know you got there',
    "don't tell anyone our wifi password",
    "what's your friend's number, i need to call her mom",
    'pick up milk on your way',
    'love you, be safe',
  ],
};

export const FRESH11_STRANGER = [
  'hi, i found your phone at the park, how can i return it?',
  'are you selling the guitar from the ad?',
  'nice goal in the match yesterday',
  'can you tell me if the library is open?',
  'sorry wrong number',
  'is this the band that played at the fair?',
];

export const FRESH11_PEER = [
  'ur cute lol',
  'wanna facetime later',
  "don't tell anyone but i have a crush",
  'send me a pic of your outfit',
  'meet me at the park after school',
];
