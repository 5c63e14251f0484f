/*
 * A sixteenth split, `fresh14`, written on 2026-11-30 at the start of the fifth session on
 * conversation risk, before any change to the lexicon, the frames or the rules, and run once
 * with no change after it: a clean reading of the code as the fourth session left it.
 * Synthetic and non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH14: Record<Lang, Bank> = {
  en: {
    neutral: [
      'ugh my wifi keeps dropping',
      'did you finish the book report',
      'my little brother is so annoying today',
      'it is snowing here finally',
      'haha ok',
    ],
    age: [
      'what year were you born in?',
      'you in middle school or high school?',
      'wait how young are you exactly',
      'when is your birthday, how old will you be',
    ],
    flatter: [
      "you're way more grown up than kids your age",
      'nobody gets me like you do',
      'you deserve someone who actually pays attention to you',
    ],
    gift: [
      'i can send you a steam card if you want',
      'let me buy you that battle pass',
      "i'll get you the new headphones, just give me your address",
    ],
    secret: [
      'this stays between you and me, ok?',
      "don't mention me to your parents, they wouldn't understand",
      "if anyone asks, you don't know me",
    ],
    move: [
      'add me on whatsapp, here is my number',
      'this app is glitchy, hit me up on discord',
      "let's talk on signal instead, it's more private",
    ],
    image: ['show me what you look like right now', 'take a photo for me, just one', 'got any pics you could send me?'],
    meet: [
      'want to meet this weekend? i can drive to you',
      'what school do you go to? i could pick you up after',
      "let's hang out somewhere, just us",
    ],
    threat: [
      "i'll post your pictures on your school's page",
      'everyone in your family will get these photos',
      'i have your contacts, one click and they all see it',
    ],
    pay: [
      'pay me $300 and this goes away',
      'buy me steam cards, 4 of them, send the codes',
      'send money on paypal or you know what happens',
    ],
    clock: ['you have one hour', "i'm counting down, 10 minutes", 'last chance before i hit send'],
  },
  es: {
    neutral: ['se me fue el wifi', 'terminaste la tarea de historia?', 'jaja ok'],
    age: ['en que año naciste?', 'estas en secundaria o en prepa?'],
    flatter: ['eres mucho mas madura que las de tu edad', 'nadie me entiende como tu'],
    gift: ['te puedo mandar una tarjeta de steam', 'te compro el pase de batalla'],
    secret: ['esto queda entre tu y yo, va?', 'no le hables de mi a tus papas'],
    move: ['agregame a whatsapp, este es mi numero', 'esta app falla, escribeme por discord'],
    image: ['enseñame como te ves ahorita', 'tomate una foto para mi, solo una'],
    meet: ['nos vemos este fin? puedo ir por ti', 'a que escuela vas? paso por ti a la salida'],
    threat: ['voy a publicar tus fotos en la pagina de tu escuela', 'toda tu familia va a recibir estas fotos'],
    pay: ['pagame 300 dolares y esto se acaba', 'comprame tarjetas de steam y mandame los codigos'],
    clock: ['tienes una hora', 'ultima oportunidad antes de enviarlo'],
  },
  pt: {
    neutral: ['meu wifi caiu de novo', 'terminou o trabalho de historia?', 'kkk ok'],
    age: ['vc nasceu em que ano?', 'vc ta no fundamental ou no medio?'],
    flatter: ['vc e muito mais madura que as meninas da sua idade', 'ninguem me entende como vc'],
    gift: ['posso te mandar um cartao steam', 'deixa eu te comprar o passe de batalha'],
    secret: ['isso fica entre a gente, ta?', 'nao fala de mim pros seus pais'],
    move: ['me adiciona no whatsapp, esse e meu numero', 'esse app ta bugado, me chama no discord'],
    image: ['me mostra como vc ta agora', 'tira uma foto pra mim, so uma'],
    meet: ['bora se ver esse fim de semana? posso te buscar', 'qual escola vc estuda? te pego na saida'],
    threat: ['vou postar suas fotos na pagina da sua escola', 'sua familia toda vai receber essas fotos'],
    pay: ['me paga 300 reais e isso acaba', 'compra cartoes steam e me manda os codigos'],
    clock: ['vc tem uma hora', 'ultima chance antes de eu enviar'],
  },
  fr: {
    neutral: ['mon wifi a encore lache', "t'as fini l'expose d'histoire ?", 'mdr ok'],
    age: ['tu es nee en quelle annee ?', "t'es au college ou au lycee ?"],
    flatter: ['tu es bien plus mature que les filles de ton age', 'personne me comprend comme toi'],
    gift: ['je peux t envoyer une carte steam', 'laisse-moi t acheter le passe de combat'],
    secret: ['ca reste entre toi et moi, ok ?', 'parle pas de moi a tes parents'],
    move: ['ajoute-moi sur whatsapp, voici mon numero', 'cette appli bug, ecris-moi sur discord'],
    image: ['montre-moi a quoi tu ressembles la maintenant', 'prends une photo pour moi, juste une'],
    meet: ['on se voit ce week-end ? je peux venir te chercher', "t'es dans quel college ? je passe te prendre a la sortie"],
    threat: ['je vais publier tes photos sur la page de ton ecole', 'toute ta famille va recevoir ces photos'],
    pay: ['paye-moi 300 euros et tout ca disparait', 'achete des cartes steam et envoie-moi les codes'],
    clock: ['tu as une heure', "derniere chance avant que j'envoie"],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH14_BENIGN: Record<string, string[]> = {
  coach: [
    'take a photo of your registration form and send it to me',
    "what's your birth year for the roster?",
    'this drill stays between us and the team until the match',
    'good hustle today',
    'bring your water bottle',
  ],
  teacher: [
    'send me a picture of your lab notes',
    'which grade were you in when you moved here?',
    "keep your essay topic a secret from the other group, it's a debate",
    'meet me at the library at lunch',
    'nice work on the quiz',
  ],
  relative: [
    "keep it a secret from grandpa, it's his surprise party",
    'send me a photo of you in the new jacket so i know it fits',
    'how old is your friend maya now?',
    "i'll pick you up from school on friday",
    'love you kiddo',
  ],
  gaming: [
    'add me on discord so we can queue',
    'send me a screenshot of your loadout',
    "what's your age bracket for the tournament?",
    "don't tell the other squad our strat",
    'nice clutch',
  ],
  tutor: [
    'take a picture of your worksheet and send it',
    'can we switch to google meet today?',
    'you pick things up faster than most kids your age',
    'what grade are you in again?',
    'good session',
  ],
  parent: [
    "don't tell dad about the cake, it's a surprise",
    'are you alone at the bus stop? i am on my way',
    'send me a photo of the menu so i can choose',
    'i will pick you up after practice',
    'goodnight',
  ],
};

export const FRESH14_STRANGER = [
  'hey, i think you found my dog earlier, thank you so much',
  'is this the group chat for the bake sale?',
  'sorry, wrong number',
  'your order is ready for pickup at the counter',
  'hi, is the bike in the listing still available?',
  'nice goal in the match saturday',
];

export const FRESH14_PEER = [
  'ur so pretty',
  'whats ur snap',
  "don't tell anyone i like you",
  'send me a pic of your outfit',
  'want to go to the movies friday?',
];
