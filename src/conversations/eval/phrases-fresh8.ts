/*
 * A tenth split, `fresh8`, written on 2026-11-30 after fresh7's clean run had been looked
 * at and before the fix that run showed was made; run once after it. Longer, more
 * grammatical messages than fresh7. Synthetic and non-graphic. Never tune on it; write a new
 * one when it has been looked at.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH8: Record<Lang, Bank> = {
  en: {
    neutral: [
      'I just got back from the shops, it was packed',
      'Have you seen the new episode yet? No spoilers please',
      'My sister borrowed my headphones again',
      'The weather has been awful all week',
      'I think my team is going to lose tonight',
    ],
    age: [
      'Sorry if this is weird, but how old are you?',
      'You mentioned exams, what year are you in?',
      'Are you still in middle school or high school now?',
    ],
    flatter: [
      'Honestly you are more mature than most adults I know',
      'I have never clicked with anyone like this before',
      "You're really special to me, I hope you know that",
    ],
    gift: ['I could send you some money for the game if you like', 'If you want, I will buy you the new controller'],
    secret: [
      "It's probably best if your parents don't know we talk",
      "Let's keep our conversations private, just the two of us",
      'Please delete these messages when you are done',
    ],
    move: [
      "It's easier if we talk on WhatsApp, what's your number?",
      'Do you have Snapchat? Add me there',
      'Can we move this to Telegram?',
    ],
    image: [
      'Could you send me a picture of yourself?',
      'I would love to see a photo of you',
      'Can you turn your camera on so I can see you?',
    ],
    meet: [
      'Would you like to meet up sometime this week?',
      'I could come and pick you up from school',
      'Where do you live? Maybe I can visit',
    ],
    threat: [
      'If you ignore me I will send your photos to all your followers',
      'Your parents and your school are going to see everything',
      'I have saved your pictures and I will share them',
    ],
    pay: ['You need to pay me $200 or this goes public', 'Send me Steam gift cards worth $100', 'Transfer the money on PayPal right now'],
    clock: ['You have one hour', 'Time is running out', 'This is your last chance'],
  },
  es: {
    neutral: [
      'Acabo de volver de la tienda, habia mucha gente',
      'Has visto el nuevo episodio?',
      'Mi hermana me quito los audifonos otra vez',
    ],
    age: ['Perdona la pregunta, pero cuantos años tienes?', 'En que curso estas ahora?'],
    flatter: ['Eres mas madura que muchos adultos que conozco', 'Nunca habia conectado asi con nadie'],
    gift: ['Si quieres te mando dinero para el juego', 'Te compro el control nuevo si quieres'],
    secret: ['Mejor que tus padres no sepan que hablamos', 'Borra estos mensajes cuando termines'],
    move: ['Es mas facil por WhatsApp, cual es tu numero?', 'Tienes Snapchat? Agregame alli'],
    image: ['Me mandas una foto tuya?', 'Me encantaria ver una foto tuya'],
    meet: ['Te gustaria que nos vieramos esta semana?', 'Puedo pasar a recogerte a la escuela'],
    threat: ['Si me ignoras voy a mandar tus fotos a todos tus seguidores', 'Tus padres y tu escuela van a ver todo'],
    pay: ['Tienes que pagarme 200 dolares o esto se hace publico', 'Mandame tarjetas de regalo de Steam'],
    clock: ['Tienes una hora', 'Se te acaba el tiempo'],
  },
  pt: {
    neutral: ['Acabei de voltar do mercado, tava lotado', 'Ja viu o episodio novo?', 'Minha irma pegou meu fone de novo'],
    age: ['Desculpa a pergunta, mas quantos anos voce tem?', 'Em que ano voce esta agora?'],
    flatter: ['Voce e mais madura que muitos adultos que eu conheco', 'Nunca me conectei assim com ninguem'],
    gift: ['Se quiser eu te mando dinheiro pro jogo', 'Te compro o controle novo se quiser'],
    secret: ['Melhor seus pais nao saberem que a gente conversa', 'Apaga essas mensagens quando terminar'],
    move: ['E mais facil pelo WhatsApp, qual seu numero?', 'Voce tem Snapchat? Me adiciona la'],
    image: ['Me manda uma foto sua?', 'Eu adoraria ver uma foto sua'],
    meet: ['Quer se encontrar essa semana?', 'Posso te buscar na escola'],
    threat: ['Se me ignorar vou mandar suas fotos pra todos os seus seguidores', 'Seus pais e sua escola vao ver tudo'],
    pay: ['Voce tem que me pagar 200 reais ou isso vai ficar publico', 'Me manda cartoes presente da Steam'],
    clock: ['Voce tem uma hora', 'O tempo esta acabando'],
  },
  fr: {
    neutral: ['Je reviens du magasin, il y avait un monde fou', 'Tu as vu le nouvel episode ?', 'Ma soeur m a encore pris mon casque'],
    age: ['Desole pour la question, mais tu as quel age ?', 'Tu es en quelle classe maintenant ?'],
    flatter: ['Tu es plus mature que beaucoup d adultes que je connais', "Je n'ai jamais eu un tel lien avec quelqu'un"],
    gift: ["Si tu veux je t'envoie de l'argent pour le jeu", "Je peux t'acheter la nouvelle manette"],
    secret: ['Mieux vaut que tes parents ne sachent pas que on se parle', 'Efface ces messages quand tu as fini'],
    move: ['C est plus simple sur WhatsApp, c est quoi ton numero ?', 'Tu as Snapchat ? Ajoute-moi la-bas'],
    image: ['Tu peux m envoyer une photo de toi ?', "J'aimerais beaucoup voir une photo de toi"],
    meet: ['Tu voudrais qu on se voie cette semaine ?', 'Je peux venir te chercher a l ecole'],
    threat: ['Si tu m ignores j envoie tes photos a tous tes abonnes', 'Tes parents et ton ecole vont tout voir'],
    pay: ['Tu dois me payer 200 euros ou tout devient public', 'Envoie-moi des cartes cadeaux Steam'],
    clock: ['Tu as une heure', 'Le temps presse'],
  },
};

/** Everyday lines of each benign family, some with cue-like phrases in their everyday sense. */
export const FRESH8_BENIGN: Record<string, string[]> = {
  coach: [
    'Could you send me a picture of yourself for the team poster?',
    'Please keep the new drills to yourself until the season starts',
    'Training is cancelled tomorrow because of the rain',
    'The club needs your date of birth, how old are you?',
    'We are meeting at the stadium entrance at 10',
  ],
  teacher: [
    'Please send me a photo of your completed worksheet',
    'Which year are you in next term? I need it for the timetable',
    'Well done on your test',
    'Keep your answers to yourself during the exam',
    'The museum trip meets at the front gate',
  ],
  relative: [
    'Can you send me a photo of yourself in your school uniform? Grandma wants one',
    "Don't tell your mum, but I'm bringing a cake on Sunday",
    'How old is your friend who came to the party?',
    'We can meet you at the train station',
    'Love you lots',
  ],
  gaming: [
    'Join our WhatsApp group for match times',
    "Don't share our clan tactics with anyone",
    'Good game everyone',
    'Who wants to play ranked later?',
    'How old is this server anyway?',
  ],
  tutor: [
    'Send me a photo of the exercise you are stuck on',
    'What year are you in now? I will adjust the material',
    'Can we meet at the library on Saturday?',
    'Great progress this week',
    "Let's keep the mock exam results between us until your parents' meeting",
  ],
  parent: [
    'Send me a picture when you get to the cinema so I know you are safe',
    "Let's keep dad's birthday present a secret",
    'I will pick you up at 9',
    'Did you eat lunch?',
    'Text me when you are home',
  ],
};

export const FRESH8_STRANGER = [
  'Hello, is the desk you listed still available?',
  'I think you dropped your library card at the bus stop',
  'Congratulations on the chess tournament',
  'Is this the account for the school play tickets?',
  'Thank you for returning my umbrella',
  'Your stall at the craft fair looked great',
];

export const FRESH8_PEER = [
  'Do you want to go to the cinema on Friday?',
  'You looked really nice today',
  "Don't tell anyone, but I like Alex",
  'Send me the photo from the trip',
  'Add me on Snapchat',
];
