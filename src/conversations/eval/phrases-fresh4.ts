/*
 * A sixth split, `fresh4`, written on 2026-11-30 at 05:15 UTC before the connected-adult
 * labelling change of that session, and run once after it: the clean check of that change.
 * Synthetic and non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH4: Record<Lang, Bank> = {
  en: {
    neutral: [
      'my little brother keeps taking the controller',
      'did u see the new season trailer',
      'raining again here',
      'what song is that in your story',
      'ugh group projects',
    ],
    age: ['so are you still in school or', 'hold on how old are u exactly', 'you in high school yet?', 'what year of school r u in'],
    flatter: ['you talk like someone way older honestly', 'i feel like i can tell you anything', "you're not like the other kids on here"],
    gift: ['i could get you a gift card for the store if you want', "let me buy you the battle pass, it's nothing"],
    secret: ['this stays between me and you ok?', "your mom wouldn't get it, so don't mention me", 'clear the chat when we are done'],
    move: ['message me on whatsapp instead', 'give me your snap, this app is glitchy', 'lets move to discord dms'],
    image: ['send a pic so i know ur real', 'show me what you look like', 'take a selfie for me right now'],
    meet: [
      'we should hang out irl, i can pick you up',
      'tell me which park you go to and i will come',
      'come meet me at the mall, dont bring anyone',
    ],
    threat: [
      'everyone on your friends list is getting these pics',
      'i will send this to your school and your parents',
      'do what i say or your family sees it all',
    ],
    pay: ['pay $300 and i delete everything', 'buy me steam cards and send the codes', 'send money on paypal now'],
    clock: ['you got 10 min', 'clock is ticking', 'reply in 5 minutes or it goes out'],
  },
  es: {
    neutral: ['mi hermano no me deja la consola', 'viste el nuevo trailer?', 'aqui llueve otra vez'],
    age: ['oye y cuantos años tienes?', 'vas en secundaria todavia?'],
    flatter: ['hablas como alguien mucho mayor', 'siento que te puedo contar todo'],
    gift: ['te puedo comprar una tarjeta de regalo', 'te compro el pase de batalla'],
    secret: ['esto queda entre tu y yo', 'no le cuentes a tu mama de mi'],
    move: ['hablame por whatsapp mejor', 'pasame tu snap, esta app falla'],
    image: ['mandame una foto para saber que eres real', 'tomate una selfie para mi'],
    meet: ['podemos vernos en persona, te paso a buscar', 'ven al centro comercial, no traigas a nadie'],
    threat: ['todos tus amigos van a ver estas fotos', 'se lo mando a tu escuela y a tus papas'],
    pay: ['pagame 300 y borro todo', 'comprame tarjetas de steam y mandame los codigos'],
    clock: ['tienes 10 minutos', 'el tiempo corre'],
  },
  pt: {
    neutral: ['meu irmao pegou o controle de novo', 'viu o trailer novo?', 'ta chovendo de novo aqui'],
    age: ['e ai quantos anos vc tem?', 'vc ainda ta na escola?'],
    flatter: ['vc fala como alguem bem mais velho', 'sinto que posso te contar tudo'],
    gift: ['posso te dar um cartao presente', 'te compro o passe de batalha'],
    secret: ['isso fica entre nos dois', 'nao fala de mim pra sua mae'],
    move: ['me chama no whatsapp', 'me passa teu snap, esse app trava'],
    image: ['manda uma foto pra eu saber que vc e real', 'tira uma selfie pra mim'],
    meet: ['bora se ver pessoalmente, eu te busco', 'vem no shopping, nao traz ninguem'],
    threat: ['todos os seus amigos vao ver essas fotos', 'vou mandar pra sua escola e pros seus pais'],
    pay: ['me paga 300 e eu apago tudo', 'compra cartao da steam e me manda os codigos'],
    clock: ['vc tem 10 minutos', 'o tempo ta correndo'],
  },
  fr: {
    neutral: ['mon petit frere me pique la manette', "t'as vu la nouvelle bande-annonce ?", 'il pleut encore ici'],
    age: ['au fait tu as quel age ?', "t'es encore au college ?"],
    flatter: ['tu parles comme quelqu un de bien plus vieux', "j'ai l'impression de pouvoir tout te dire"],
    gift: ["je peux t'offrir une carte cadeau", "je t'achete le passe de combat"],
    secret: ['ca reste entre toi et moi', 'ne parle pas de moi a ta mere'],
    move: ['ecris-moi sur whatsapp plutot', "donne-moi ton snap, l'appli bug"],
    image: ['envoie une photo pour que je sache que tu es vrai', 'prends un selfie pour moi'],
    meet: ['on pourrait se voir en vrai, je viens te chercher', "viens au centre commercial, n'amene personne"],
    threat: ['tous tes amis vont voir ces photos', "je l'envoie a ton ecole et a tes parents"],
    pay: ["paie 300 et j'efface tout", 'achete des cartes steam et envoie-moi les codes'],
    clock: ['tu as 10 minutes', 'le temps presse'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH4_BENIGN: Record<string, string[]> = {
  coach: [
    'bring both jerseys saturday',
    'how old are you turning? the league needs birthdays for the roster',
    'nice hustle at practice',
    'send me a photo of your registration receipt',
    'meet at the north field, parents welcome',
  ],
  teacher: [
    'essays are due friday',
    'what year are you in? the form asks',
    'remember your permission slip',
    'send a picture of your lab notes if you were absent',
    'office hours are moved to wednesday',
  ],
  relative: [
    'happy early birthday! how old are you now, 14?',
    'send us a picture of you in the new jacket',
    "don't tell your dad, we're planning a party for him",
    'can we meet for lunch on sunday?',
    'aunt rosa says hello',
  ],
  gaming: [
    'need a healer',
    'who took my loot lol',
    'add me on discord for the tournament',
    "keep it quiet, we're doing the secret boss tonight",
    'gg everyone',
  ],
  tutor: [
    'how old are you again? the workbook has age levels',
    'send me a pic of question 4',
    'see you tuesday at 5',
    'good progress on essays',
    'should we meet at the library instead of online?',
  ],
  parent: [
    'send me a selfie when you get there so i know you arrived',
    'keep this between us, its dads gift',
    'dinner at 7',
    'where are you? i will come pick you up',
    'how was the test',
  ],
};

export const FRESH4_STRANGER = [
  'hey is this the account selling the skateboard?',
  'i think you dropped your wallet at the game',
  'congrats on winning the spelling bee',
  'are you the one who posted about the lost dog?',
  'is the school fair open to visitors?',
  'your team played great today',
];

export const FRESH4_PEER = [
  'wanna study together',
  'ur cute lol',
  'dont tell anyone but i like sam',
  'send me the pic from the trip',
  'whats ur snap',
];
