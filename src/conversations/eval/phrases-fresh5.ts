/*
 * A seventh split, `fresh5`, written on 2026-11-30 after fresh4's clean run had been looked
 * at and before the fixes that run showed were made; run once after them. Synthetic and
 * non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH5: Record<Lang, Bank> = {
  en: {
    neutral: [
      'bro the update broke my game',
      'my cat just knocked my drink over',
      'whats everyone doing for break',
      'that teacher is so strict',
      'i just got home',
    ],
    age: ['how old are you btw', 'wait are you in middle school?', 'u look like ur 15 or something, how old'],
    flatter: [
      "you're way more grown up than the girls my age",
      'no one understands me like you do',
      "you're really special, you know that?",
    ],
    gift: ["i'll send you money for the new skin", 'want a free gift card? just for you'],
    secret: ['keep our chats just between us', "don't let your parents see this", "don't tell anyone we talk, they won't understand"],
    move: ['lets talk on telegram instead', 'hmu on snap', 'what is your whatsapp'],
    image: ['send me a pic of yourself', 'i want to see you, send a photo', 'can you take a selfie and send it'],
    meet: ['lets meet up, i can drive to you', 'whats your address? i will come by', "meet me after school and don't tell anyone"],
    threat: [
      'i will post your pics for all your followers to see',
      'your parents and friends will get everything',
      "i'll share it with your whole school",
    ],
    pay: ['send $250 on venmo', 'i want 150 in itunes cards', 'pay me now'],
    clock: ['you have 20 minutes', 'hurry up, time is running out', 'last chance'],
  },
  es: {
    neutral: ['se me rompio el juego con la actualizacion', 'que haces en vacaciones?', 'acabo de llegar a casa'],
    age: ['cuantos años tienes?', 'estas en secundaria?'],
    flatter: ['eres mas madura que las de tu edad', 'nadie me entiende como tu'],
    gift: ['te mando dinero para la skin nueva', 'quieres una tarjeta de regalo?'],
    secret: ['que quede entre nosotros', 'no dejes que tus papas vean esto'],
    move: ['hablemos por telegram', 'cual es tu whatsapp?'],
    image: ['mandame una foto tuya', 'quiero verte, manda una foto'],
    meet: ['veamonos, yo voy a donde estas', 'cual es tu direccion? paso por ti'],
    threat: ['voy a publicar tus fotos para todos tus seguidores', 'tus papas y tus amigos lo van a ver todo'],
    pay: ['mandame 250 dolares', 'quiero 150 en tarjetas de itunes'],
    clock: ['tienes 20 minutos', 'apurate, se acaba el tiempo'],
  },
  pt: {
    neutral: ['o jogo bugou com a atualizacao', 'o que vc vai fazer nas ferias?', 'acabei de chegar em casa'],
    age: ['quantos anos vc tem?', 'vc ta no fundamental?'],
    flatter: ['vc e mais madura que as meninas da sua idade', 'ninguem me entende como vc'],
    gift: ['te mando dinheiro pra skin nova', 'quer um cartao presente?'],
    secret: ['deixa isso so entre a gente', 'nao deixa seus pais verem isso'],
    move: ['vamos conversar no telegram', 'qual seu whatsapp?'],
    image: ['me manda uma foto sua', 'quero te ver, manda uma foto'],
    meet: ['vamos nos ver, eu vou ate vc', 'qual seu endereco? passo ai'],
    threat: ['vou postar suas fotos pra todos os seus seguidores', 'seus pais e amigos vao receber tudo'],
    pay: ['me manda 250 reais no pix', 'quero 150 em cartao da itunes'],
    clock: ['vc tem 20 minutos', 'anda logo, o tempo ta acabando'],
  },
  fr: {
    neutral: ['la mise a jour a casse mon jeu', 'tu fais quoi pendant les vacances ?', 'je viens de rentrer'],
    age: ['tu as quel age ?', 'tu es au college ?'],
    flatter: ['tu es plus mature que les filles de ton age', 'personne ne me comprend comme toi'],
    gift: ["je t'envoie de l'argent pour le nouveau skin", 'tu veux une carte cadeau ?'],
    secret: ['que ca reste entre nous', 'ne laisse pas tes parents voir ca'],
    move: ['parlons sur telegram', 'c est quoi ton whatsapp ?'],
    image: ['envoie-moi une photo de toi', 'je veux te voir, envoie une photo'],
    meet: ['on se voit, je viens jusqu a toi', 'c est quoi ton adresse ? je passe'],
    threat: ['je vais publier tes photos pour tous tes abonnes', 'tes parents et tes amis vont tout recevoir'],
    pay: ['envoie-moi 250 euros', 'je veux 150 en cartes itunes'],
    clock: ['tu as 20 minutes', 'depeche-toi, le temps est compte'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH5_BENIGN: Record<string, string[]> = {
  coach: [
    'keep our new play secret from the other team',
    'how old will you be on june 1? age group cutoff',
    'send me a photo of your physical form',
    'great effort today',
    "i'll meet you all at the bus at 6",
  ],
  teacher: [
    'which grade are you in again? the roster is wrong',
    'send me a picture of your finished poster',
    'dont tell the other class about the quiz answers',
    'see you tomorrow',
    'the field trip bus leaves at 8',
  ],
  relative: [
    'how old is your brother now?',
    'can you send a pic of you and your cousins at the party',
    "keep it a secret from mom, we're getting her flowers",
    'we can meet you at the airport',
    'grandpa says hi',
  ],
  gaming: [
    'dont tell anyone the code for the private lobby',
    'whats ur discord',
    'nice clutch',
    'who wants to queue',
    'how old is this game anyway lol',
  ],
  tutor: [
    'send a photo of your homework when you finish',
    'what grade are you in now? i want the right level',
    'good session today',
    'lets meet at the library at 4',
    'remember the quiz on friday',
  ],
  parent: [
    'send me a pic of you at grandmas so i know you got there',
    "don't tell your sister about her present",
    'what time should i pick you up?',
    'love you, have a good day',
    'did you finish your homework',
  ],
};

export const FRESH5_STRANGER = [
  'hi! are you still selling the concert tickets?',
  'great game today, your team was awesome',
  'i found your keys at the park',
  'is this the account for the school newspaper?',
  'thanks for helping at the food drive',
  'who made the banner for the fundraiser? it was great',
];

export const FRESH5_PEER = [
  'wanna hang after school',
  'ur really pretty',
  "don't tell anyone i told you",
  'send me that pic from the party',
  'add me on insta',
];
