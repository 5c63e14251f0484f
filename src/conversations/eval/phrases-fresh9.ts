/*
 * An eleventh split, `fresh9`, written on 2026-11-30 after fresh8's clean run had been looked
 * at and before the fixes that run showed were made; run once after them. Synthetic and
 * non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH9: Record<Lang, Bank> = {
  en: {
    neutral: [
      'we got pizza after the game',
      'my phone is at 2 percent',
      'that movie was way too long',
      'i have so much homework',
      'my dog learned a new trick',
    ],
    age: ['how old did you say you were?', 'so what grade are you in', 'are you in high school?'],
    flatter: ["you're so much smarter than people your age", 'i think we really connect', 'i never talk to anyone like i talk to you'],
    gift: ['i can buy you a new phone if you want', 'want me to send you some v-bucks?'],
    secret: ["don't tell your mom about me", 'you can keep a secret right? this is just us', 'make sure to delete our texts'],
    move: ['whats your snap? i barely use this app', 'add me on discord', 'message me on signal'],
    image: ['can you send me a picture of you?', 'send me a selfie, i wanna see you', 'show me what you look like'],
    meet: ['want to meet somewhere? just us', 'i can pick you up after practice', 'where do you live? i could drive over'],
    threat: ["i'll show your pics to your whole school", 'your family will see these photos', 'i will post everything online'],
    pay: ['i need 300 dollars', 'send me a google play card', 'give me money or i post'],
    clock: ['you have 1 hour', 'hurry up, time is almost up', 'last chance before everyone sees'],
  },
  es: {
    neutral: ['comimos pizza despues del partido', 'mi celular esta al 2 por ciento', 'tengo mucha tarea'],
    age: ['cuantos años dijiste que tenias?', 'en que grado estas?'],
    flatter: ['eres mucho mas lista que la gente de tu edad', 'creo que conectamos de verdad'],
    gift: ['te puedo comprar un celular nuevo', 'quieres que te mande robux?'],
    secret: ['no le digas a tu mama de mi', 'asegurate de borrar los mensajes'],
    move: ['cual es tu snap?', 'escribeme por signal'],
    image: ['me mandas una foto tuya?', 'mandame una selfie, quiero verte'],
    meet: ['quieres que nos veamos? solo nosotros', 'te puedo recoger despues del entrenamiento'],
    threat: ['le voy a ensenar tus fotos a toda tu escuela', 'tu familia va a ver estas fotos'],
    pay: ['necesito 300 dolares', 'mandame una tarjeta de google play'],
    clock: ['tienes 1 hora', 'apurate, se acaba el tiempo'],
  },
  pt: {
    neutral: ['comemos pizza depois do jogo', 'meu celular ta com 2 por cento', 'tenho muita licao'],
    age: ['quantos anos vc disse que tinha?', 'em que serie vc ta?'],
    flatter: ['vc e muito mais esperta que o pessoal da sua idade', 'acho que a gente se conecta de verdade'],
    gift: ['posso te comprar um celular novo', 'quer que eu te mande robux?'],
    secret: ['nao fala de mim pra sua mae', 'nao esquece de apagar as mensagens'],
    move: ['qual seu snap?', 'me chama no signal'],
    image: ['me manda uma foto sua?', 'manda uma selfie, quero te ver'],
    meet: ['quer se encontrar? so nos dois', 'posso te buscar depois do treino'],
    threat: ['vou mostrar suas fotos pra escola toda', 'sua familia vai ver essas fotos'],
    pay: ['preciso de 300 reais', 'me manda um cartao google play'],
    clock: ['vc tem 1 hora', 'anda logo, o tempo ta acabando'],
  },
  fr: {
    neutral: ['on a mange une pizza apres le match', 'mon telephone est a 2 pour cent', "j'ai trop de devoirs"],
    age: ['tu as dit que tu avais quel age ?', 'tu es en quelle classe ?'],
    flatter: ['tu es bien plus intelligente que les gens de ton age', 'je crois qu on se comprend vraiment'],
    gift: ["je peux t'acheter un nouveau telephone", 'tu veux que je t envoie des robux ?'],
    secret: ['ne parle pas de moi a ta mere', "n'oublie pas d'effacer nos messages"],
    move: ['c est quoi ton snap ?', 'ecris-moi sur signal'],
    image: ['tu peux m envoyer une photo de toi ?', 'envoie-moi un selfie, je veux te voir'],
    meet: ['on se voit ? juste nous deux', "je peux venir te chercher apres l'entrainement"],
    threat: ['je vais montrer tes photos a tout ton college', 'ta famille va voir ces photos'],
    pay: ["j'ai besoin de 300 euros", 'envoie-moi une carte google play'],
    clock: ['tu as 1 heure', 'depeche-toi, le temps est presque fini'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH9_BENIGN: Record<string, string[]> = {
  coach: [
    'send me a pic of you holding the trophy for the newsletter',
    "don't tell your parents yet, we're announcing the awards at the banquet",
    'stretch before the game',
    'how old is your sister? she might fit the junior team',
    'meet at the gym at 8',
  ],
  teacher: [
    'send me a photo of you with your poster for the school site',
    'which grade is your cousin in',
    'excellent essay',
    'do not tell anyone the answers to the take-home quiz',
    'we meet in the lab tomorrow',
  ],
  relative: [
    'send us a pic of you blowing out the candles',
    "don't tell your dad, we're taking him to dinner for his birthday",
    'how old is your best friend now?',
    'we will pick you up from the airport',
    'miss you',
  ],
  gaming: [
    'join the discord, link is in the bio',
    'keep the strat between us till the match',
    'gg ez',
    'anyone up for a late game?',
    'how old is this map lol',
  ],
  tutor: [
    'send me a photo of your notes',
    'how old were you when you learned to read?',
    'we can meet at the cafe by the park',
    'good job',
    'see you next week',
  ],
  parent: [
    'send me a selfie at the concert!',
    "don't tell your brother, we're getting him a bike",
    'i can pick you up at 5',
    'dinner is in the fridge',
    'love you',
  ],
};

export const FRESH9_STRANGER = [
  'hi, do you still have the textbooks for sale?',
  'your kite landed in my yard, want it back?',
  'great solo at the concert',
  'is this where i sign up for the car wash?',
  'thanks for holding the door earlier',
  'you dropped a glove at the rink',
];

export const FRESH9_PEER = [
  'wanna come over after school',
  'ur kinda cute',
  "don't tell anyone i'm scared of spiders",
  'send me the selfie we took',
  'add me on snap',
];
