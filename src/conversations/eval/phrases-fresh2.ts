/*
 * A fourth split, `fresh2`, written on 2026-11-30 at 03:05 UTC, before the phrase grammar and
 * the lexicon additions of that session and before any run: the check on those changes, since
 * `fresh` was seen (its first and only clean run: precision 1.000, recall 0.302). Synthetic and
 * non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH2: Record<Lang, Bank> = {
  en: {
    neutral: [
      'my phone almost died lol',
      'that boss fight took forever',
      'we got pizza after the game',
      'is it snowing where you are',
      'i just finished my chores',
    ],
    age: ['r u like 12 or 13?', 'which grade r u in now', 'you seem young, how old exactly?'],
    flatter: ['honestly you are the most grown up person i talk to', 'you are not like the other kids', 'i think about our chats all day'],
    gift: ["i'll send you a steam gift if you want", 'i can buy you the battle pass'],
    secret: ['dont mention me to your family ok', 'nobody needs to know we talk', 'clear your chat history after this'],
    move: ['message me on telegram, this app spies', 'whats ur snap? i wanna talk more', 'we can video chat on whatsapp'],
    image: ['send a selfie so i know ur real', 'show me a pic of yourself rn', 'let me see you on cam'],
    meet: ['where do you go to school? i could come by', 'we could meet at the park alone', 'let me pick you up tonight'],
    threat: ['i will send the pics to your parents', 'your friends will all get the photos', 'i am going to post everything online'],
    pay: ['i need $150 by tonight', 'send me a google play card', 'pay with paypal or else'],
    clock: ['you have 20 minutes', 'hurry up or it goes out', 'ten minutes left'],
  },
  es: {
    neutral: ['se me acabo la bateria', 'comimos pizza despues del partido', 'ya termine la tarea'],
    age: ['tienes como 12 o 13?', 'en que curso vas ahora?'],
    flatter: ['eres la persona mas madura con la que hablo', 'no eres como los demas'],
    gift: ['te puedo comprar el pase de batalla', 'te mando un regalo en steam'],
    secret: ['no le hables de mi a tu familia', 'nadie tiene que saber que hablamos'],
    move: ['escribeme en telegram', 'cual es tu snap?'],
    image: ['manda una selfie para saber que eres real', 'dejame verte en la camara'],
    meet: ['en que escuela estudias? puedo pasar', 'te recojo esta noche'],
    threat: ['le mando las fotos a tus padres', 'voy a subir todo a internet'],
    pay: ['necesito 150 dolares esta noche', 'mandame una tarjeta de google play'],
    clock: ['tienes 20 minutos', 'quedan diez minutos'],
  },
  pt: {
    neutral: ['meu celular quase morreu', 'comemos pizza depois do jogo', 'terminei a tarefa'],
    age: ['vc tem uns 12 ou 13?', 'em que ano vc ta agora?'],
    flatter: ['vc e a pessoa mais madura com quem eu falo', 'vc nao e como os outros'],
    gift: ['posso te comprar o passe de batalha', 'te mando um presente na steam'],
    secret: ['nao fala de mim pra sua familia', 'ninguem precisa saber que a gente conversa'],
    move: ['me chama no telegram', 'qual e seu snap?'],
    image: ['manda uma selfie pra eu saber que vc e real', 'deixa eu te ver na camera'],
    meet: ['em que escola vc estuda? posso passar la', 'te busco hoje a noite'],
    threat: ['vou mandar as fotos pros seus pais', 'vou postar tudo na internet'],
    pay: ['preciso de 150 reais hoje', 'me manda um cartao google play'],
    clock: ['vc tem 20 minutos', 'faltam dez minutos'],
  },
  fr: {
    neutral: ['mon telephone est presque mort', 'on a mange une pizza apres le match', "j'ai fini mes devoirs"],
    age: ["t'as genre 12 ou 13 ans ?", 'tu es en quelle classe maintenant ?'],
    flatter: ['tu es la personne la plus mature a qui je parle', "t'es pas comme les autres"],
    gift: ['je peux t acheter le passe de combat', 'je t envoie un cadeau sur steam'],
    secret: ['ne parle pas de moi a ta famille', 'personne ne doit savoir qu on se parle'],
    move: ['ecris moi sur telegram', 'c est quoi ton snap ?'],
    image: ['envoie un selfie pour que je sache que t es vraie', 'laisse moi te voir a la camera'],
    meet: ['tu vas dans quelle ecole ? je peux passer', 'je viens te chercher ce soir'],
    threat: ['je vais envoyer les photos a tes parents', 'je vais tout publier en ligne'],
    pay: ["j'ai besoin de 150 euros ce soir", 'envoie moi une carte google play'],
    clock: ['tu as 20 minutes', 'il reste dix minutes'],
  },
};

/** Everyday lines of each benign family, new words again, some with cue-like phrases in their everyday sense. */
export const FRESH2_BENIGN: Record<string, string[]> = {
  coach: [
    'stretch before you run tomorrow',
    'the team photo day is friday, wear the home kit',
    'tell your parents the away game is in dayton',
    'nice hustle on defense',
    'how old is your brother? we have a u10 team too',
  ],
  teacher: [
    'your science project passed the first round',
    'bring a photo of a plant for monday',
    'remember the museum trip on tuesday',
    "don't tell the answers to the next class, it's a quiz",
    'good improvement on the spelling test',
  ],
  relative: [
    'we landed, see you tomorrow!',
    'your grandma loved the card',
    'send me a pic of your graduation outfit',
    'mom says you can stay over saturday',
    'what year are you in now? i lose track',
  ],
  gaming: [
    'push mid',
    'whos hosting tonight',
    'join our voice channel on discord',
    'gg, that last round was wild',
    'keep our base location secret from the other clan lol',
  ],
  tutor: [
    'lets go over the quadratic formula again',
    'send a photo of the page you are stuck on',
    'your dad said tuesday works',
    'great focus today',
    'we can switch to video if the audio is bad',
  ],
  parent: [
    'what time does practice end',
    'grandma wants a photo of your science fair poster',
    'i left money on the counter for lunch',
    'text me when you get to school',
    'i will pick you up at 4 by the library',
  ],
};

export const FRESH2_STRANGER = [
  'is your lemonade stand open today?',
  'good race today, you were fast',
  'sorry wrong chat',
  'do you know if the library is open sunday?',
  'thanks for the tip on that level',
  'your dog ran into my yard, he is safe',
];

export const FRESH2_PEER = [
  'ur funny, wanna hang at lunch?',
  'send the pic from the party',
  'dont tell anyone but i like jamie',
  'whats ur snap',
  'you look nice today',
];
