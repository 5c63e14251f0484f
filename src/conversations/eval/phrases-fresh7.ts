/*
 * A ninth split, `fresh7`, written on 2026-11-30 after fresh6's clean run had been looked
 * at and before the fixes that run showed were made; run once after them. Written in a
 * looser chat style than the others (run-ons, abbreviations, no punctuation). Synthetic and
 * non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH7: Record<Lang, Bank> = {
  en: {
    neutral: [
      'omg this song is stuck in my head',
      'nah i was at my cousins',
      'did u finish ur essay',
      'i got a new phone case',
      'the lag is insane today',
    ],
    age: ['wait hold up how old are you', 'ur in like 8th grade right', 'what age are u'],
    flatter: ['ur honestly so mature i forget ur young', 'i feel like ur the only one who gets me', "you're special to me u know"],
    gift: ['i can buy u robux if u want', "i'll send u a giftcard for the game"],
    secret: ['dont tell ur parents bout me ok', 'this is just between u and me', 'delete our chat after pls'],
    move: ['add me on snap its easier', 'u got telegram?', 'text me on whatsapp instead'],
    image: ['send me a pic of u', 'can u send a selfie', 'lemme see u'],
    meet: ['we should meet up sometime', 'where do u live', 'i can come pick u up'],
    threat: ['im gonna send ur pics to all ur followers', 'ur family is gonna see everything', 'i have ur pics and ill post them'],
    pay: ['send me 100 on cashapp', 'i want a 50 dollar gift card', 'pay up or else'],
    clock: ['u have 10 mins', 'times running out', 'tick tock'],
  },
  es: {
    neutral: ['jaja que risa', 'estaba con mi prima', 'ya hiciste la tarea'],
    age: ['espera cuantos años tienes', 'tu edad?'],
    flatter: ['eres muy madura para tu edad', 'eres la unica que me entiende'],
    gift: ['te regalo robux si quieres', 'te mando una tarjeta para el juego'],
    secret: ['no le digas a tus papas de mi', 'borra el chat despues porfa'],
    move: ['agregame en snap', 'tienes telegram?'],
    image: ['mandame una foto tuya', 'manda una selfie'],
    meet: ['deberiamos vernos', 'donde vives'],
    threat: ['voy a mandar tus fotos a todos tus seguidores', 'tu familia va a ver todo'],
    pay: ['mandame 100 por paypal', 'quiero una tarjeta de regalo de 50'],
    clock: ['tienes 10 minutos', 'se te acaba el tiempo'],
  },
  pt: {
    neutral: ['kkkk que engracado', 'tava na casa da minha prima', 'ja fez a licao'],
    age: ['pera quantos anos vc tem', 'sua idade?'],
    flatter: ['vc e muito madura pra sua idade', 'vc e a unica que me entende'],
    gift: ['te dou robux se quiser', 'te mando um cartao pro jogo'],
    secret: ['nao conta pros seus pais de mim', 'apaga a conversa depois pfv'],
    move: ['me add no snap', 'vc tem telegram?'],
    image: ['me manda uma foto sua', 'manda uma selfie'],
    meet: ['a gente devia se ver', 'onde vc mora'],
    threat: ['vou mandar suas fotos pra todos os seus seguidores', 'sua familia vai ver tudo'],
    pay: ['me manda 100 no pix', 'quero um cartao presente de 50'],
    clock: ['vc tem 10 minutos', 'o tempo ta acabando'],
  },
  fr: {
    neutral: ['mdr trop drole', "j'etais chez ma cousine", "t'as fait les devoirs"],
    age: ['attends t as quel age', 'ton age ?'],
    flatter: ["t'es tres mature pour ton age", "t'es la seule qui me comprend"],
    gift: ["je t'achete des robux si tu veux", "je t'envoie une carte pour le jeu"],
    secret: ['dis rien a tes parents sur moi', 'efface la conversation apres stp'],
    move: ['ajoute-moi sur snap', "t'as telegram ?"],
    image: ['envoie-moi une photo de toi', 'envoie un selfie'],
    meet: ['on devrait se voir', 'tu habites ou'],
    threat: ['je vais envoyer tes photos a tous tes abonnes', 'ta famille va tout voir'],
    pay: ['envoie-moi 100 sur paypal', 'je veux une carte cadeau de 50'],
    clock: ['tu as 10 minutes', 'le temps presse'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH7_BENIGN: Record<string, string[]> = {
  coach: [
    'pls send a pic of u in ur uniform for the yearbook',
    'dont tell the other teams our new formation',
    'bus leaves 7 sharp',
    'how old r u turning, need it for the tournament form',
    'good game',
  ],
  teacher: [
    'send a photo of ur science notebook pls',
    'keep the quiz questions to yourself, the other class has it tomorrow',
    'great presentation',
    'what grade is ur little brother in',
    'remember the trip form',
  ],
  relative: [
    'send me a pic of u with the new haircut',
    'shh dont tell mom about the party',
    'love u kiddo',
    'how old is ur teacher lol',
    'we will pick u up at 6',
  ],
  gaming: [
    'add me on discord for the raid',
    'dont tell anyone our base coords',
    'gg',
    'need one more for squad',
    'how old is that skin lol',
  ],
  tutor: [
    'send a pic of ur answers for q3',
    'what grade r u in this year',
    'see u thursday',
    'good work today',
    'can we meet at the library instead',
  ],
  parent: [
    'send me a pic when u get to the party',
    'dont tell ur sister what we got her',
    'where r u i will pick u up',
    'dinner in 10',
    'love u',
  ],
};

export const FRESH7_STRANGER = [
  'hey is the bike still for sale',
  'u dropped ur scarf at the bus stop',
  'nice job at the meet',
  'is this the drama club page',
  'thx for finding my dog',
  'cool drawing at the fair',
];

export const FRESH7_PEER = ['wanna go to the mall', 'ur cute', 'dont tell anyone pls', 'send the pic from the trip', 'add me on snap'];
