/*
 * A twelfth split, `fresh10`, written on 2026-11-30 after fresh9's clean run had been looked
 * at and before the fixes that run showed were made; run once after them. Synthetic and
 * non-graphic. Never tune on it; write a new one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH10: Record<Lang, Bank> = {
  en: {
    neutral: [
      'i just finished my chores',
      'we lost again lol',
      'my cousin is visiting this weekend',
      'did you see that meme',
      'school was boring today',
    ],
    age: ['what grade are you in again?', 'are you even old enough to be on here?', 'btw how old are u'],
    flatter: [
      'you seem really mature for 14',
      "you're different from everyone else, you get me",
      "honestly you're my favourite person to talk to",
    ],
    gift: ["i'll get you a gift card if you want one", 'i could buy you that game you like'],
    secret: ["don't tell anyone we've been talking", 'keep this between us, ok?', 'delete this chat when we are done'],
    move: ['can we talk on snapchat instead?', 'give me your number', 'add me on telegram, same name'],
    image: ['send me a picture of yourself', 'can i see what you look like?', 'send a selfie pls'],
    meet: ["let's meet up, just the two of us", 'where do you live?', 'i can pick you up from school tomorrow'],
    threat: [
      "i'm going to post your photos for everyone to see",
      'your parents will get the pictures',
      "i'll send everything to your friends",
    ],
    pay: ['send me $150 now', 'i want a steam card', 'pay me on cash app'],
    clock: ['you have 30 minutes', 'time is running out', 'last chance'],
  },
  es: {
    neutral: ['acabo de terminar mis tareas', 'perdimos otra vez jaja', 'la escuela estuvo aburrida'],
    age: ['en que grado estas?', 'cuantos años tienes?'],
    flatter: ['pareces muy madura para tu edad', 'eres diferente a todos, me entiendes'],
    gift: ['te regalo una tarjeta si quieres', 'te compro ese juego que te gusta'],
    secret: ['no le digas a nadie que hablamos', 'borra este chat cuando terminemos'],
    move: ['hablamos por snapchat mejor?', 'pasame tu numero'],
    image: ['mandame una foto tuya', 'quiero ver como eres'],
    meet: ['veamonos, solo nosotros dos', 'donde vives?'],
    threat: ['voy a publicar tus fotos para que todos las vean', 'tus padres van a recibir las fotos'],
    pay: ['mandame 150 dolares ya', 'quiero una tarjeta de steam'],
    clock: ['tienes 30 minutos', 'ultima oportunidad'],
  },
  pt: {
    neutral: ['acabei de fazer minhas tarefas', 'perdemos de novo kkk', 'a escola foi chata hoje'],
    age: ['em que serie vc ta?', 'quantos anos vc tem?'],
    flatter: ['vc parece muito madura pra sua idade', 'vc e diferente de todo mundo, me entende'],
    gift: ['te dou um cartao presente se quiser', 'te compro aquele jogo que vc gosta'],
    secret: ['nao conta pra ninguem que a gente conversa', 'apaga esse chat quando a gente terminar'],
    move: ['vamos falar no snapchat?', 'me passa seu numero'],
    image: ['me manda uma foto sua', 'quero ver como vc e'],
    meet: ['vamos nos ver, so nos dois', 'onde vc mora?'],
    threat: ['vou postar suas fotos pra todo mundo ver', 'seus pais vao receber as fotos'],
    pay: ['me manda 150 reais agora', 'quero um cartao da steam'],
    clock: ['vc tem 30 minutos', 'ultima chance'],
  },
  fr: {
    neutral: ['je viens de finir mes corvees', 'on a encore perdu mdr', "l'ecole etait ennuyeuse"],
    age: ['tu es en quelle classe ?', 'tu as quel age ?'],
    flatter: ['tu as l air tres mature pour ton age', 'tu es differente des autres, tu me comprends'],
    gift: ["je t'offre une carte cadeau si tu veux", "je t'achete ce jeu que tu aimes"],
    secret: ["ne dis a personne qu'on se parle", 'efface ce chat quand on a fini'],
    move: ['on parle sur snapchat plutot ?', 'donne-moi ton numero'],
    image: ['envoie-moi une photo de toi', 'je veux voir a quoi tu ressembles'],
    meet: ['on se voit, juste nous deux', 'tu habites ou ?'],
    threat: ['je vais publier tes photos pour que tout le monde les voie', 'tes parents vont recevoir les photos'],
    pay: ['envoie-moi 150 euros maintenant', 'je veux une carte steam'],
    clock: ['tu as 30 minutes', 'derniere chance'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH10_BENIGN: Record<string, string[]> = {
  coach: [
    'send me a photo of your medical form',
    'what grade are you in? the tournament groups by grade',
    'great hustle today',
    "we'll meet at the field at 7",
    'remember your water bottle',
  ],
  teacher: [
    'please send a picture of your homework if you were sick',
    'keep working hard',
    'which grade is your brother in?',
    'the class trip meets at the museum',
    "don't forget the quiz on friday",
  ],
  relative: [
    'send me a selfie from the beach!',
    'how old is your friend sam?',
    'we will pick you up at the station',
    "don't tell grandma, the party is a surprise",
    'love you lots',
  ],
  gaming: [
    'add me on discord for the clan',
    'gg',
    'who wants to duo',
    'keep our strategy quiet, the other clan is listening',
    'how old is your account',
  ],
  tutor: [
    'send me a picture of the problem',
    'what year are you in now?',
    'see you on monday',
    'good effort today',
    "let's meet at the library at 3",
  ],
  parent: [
    'send me a pic when you get to school',
    'i will pick you up at 4',
    "don't tell your dad about the present",
    'dinner at 6',
    'love you',
  ],
};

export const FRESH10_STRANGER = [
  'hi, is your bike still for sale?',
  'i think you dropped your hat at the park',
  'great performance at the recital',
  'is this the chess club page?',
  'thanks for the directions earlier',
  'your dog is so cute, what breed?',
];

export const FRESH10_PEER = [
  'wanna hang out after school',
  'ur really funny',
  "don't tell anyone i like jordan",
  'send me the pic from the party',
  'add me on snap',
];
