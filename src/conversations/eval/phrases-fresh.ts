/*
 * A third split, `fresh`, written on 2026-11-30 after the learned component was designed and
 * before it was ever run: wording, benign lines and strangers' messages that neither the cue
 * lexicon, the model's training data nor any design choice has seen. Synthetic and
 * non-graphic, like the others. Run it (npm run eval) and report what it says; never tune on it.
 */
import type { Bank, Lang } from './phrases.js';

export const FRESH: Record<Lang, Bank> = {
  en: {
    neutral: [
      'did you finish that puzzle level',
      'my little brother keeps stealing my controller',
      'rain all week here',
      'which team are you rooting for',
      'that song is stuck in my head',
    ],
    age: ['are you old enough to drive yet?', 'how old did you turn this year', 'u still in school right? what year'],
    flatter: ["you're way smarter than kids your age", 'i feel like we really connect', 'no one gets me like you do'],
    gift: ['i could send you a new headset', 'want me to top up your game account?'],
    secret: ['this stays just between you and me, promise?', "your mom wouldn't understand us, don't mention me", 'hide our messages ok'],
    move: ['lets talk on kik instead', 'give me your number, this app is glitchy', 'hit me up on signal'],
    image: ['show me what you look like', 'can you send a new pic of yourself', 'put your camera on for me'],
    meet: [
      "we should meet up, i'll drive to your town",
      'tell me your address and i can bring the gift',
      'lets hang out this weekend just us two',
    ],
    threat: [
      "i'll post your photos for your whole school",
      'your family is going to see everything',
      'i will leak the pictures to your followers',
    ],
    pay: ['send $300 or else', 'buy me amazon gift cards', 'transfer the money on venmo now'],
    clock: ['you have one hour', 'time is running out', 'tick tock'],
  },
  es: {
    neutral: ['que tal el examen', 'llueve mucho aqui', 'mi hermano no me deja jugar'],
    age: ['cuantos años cumpliste?', 'vas en secundaria?'],
    flatter: ['eres mas madura que las de tu edad', 'contigo me siento comprendido'],
    gift: ['te regalo unos audifonos', 'te recargo el juego'],
    secret: ['no le cuentes a tu mama de mi', 'que nadie se entere de lo nuestro'],
    move: ['hablemos por kik', 'dame tu numero'],
    image: ['enseñame como eres', 'manda una foto tuya'],
    meet: ['quedemos este finde solos', 'dime tu direccion'],
    threat: ['voy a publicar tus fotos en tu escuela', 'tu familia lo va a ver todo'],
    pay: ['mandame 300 dolares', 'compra tarjetas de regalo'],
    clock: ['tienes una hora', 'se acaba el tiempo'],
  },
  pt: {
    neutral: ['como foi a prova', 'ta chovendo muito', 'meu irmao pegou meu controle'],
    age: ['quantos anos vc fez?', 'vc ta no ensino medio?'],
    flatter: ['vc e mais madura que as meninas da sua idade', 'a gente se entende muito'],
    gift: ['te dou um fone novo', 'posso recarregar seu jogo'],
    secret: ['nao fala de mim pra sua mae', 'ninguem pode saber da gente'],
    move: ['fala comigo no kik', 'me passa seu telefone'],
    image: ['me mostra como vc e', 'manda uma foto sua'],
    meet: ['vamos sair so nos dois no fim de semana', 'me fala seu endereco'],
    threat: ['vou postar suas fotos pra sua escola', 'sua familia vai ver tudo'],
    pay: ['me manda 300 reais', 'compra cartao presente'],
    clock: ['vc tem uma hora', 'o tempo ta acabando'],
  },
  fr: {
    neutral: ["c'etait comment le controle", 'il pleut beaucoup ici', 'mon frere a pris ma manette'],
    age: ["t'as eu quel age cette annee ?", 'tu es au college ?'],
    flatter: ['tu es plus mature que les filles de ton age', 'on se comprend vraiment'],
    gift: ['je peux te payer un casque', 'je recharge ton compte de jeu'],
    secret: ['ne parle pas de moi a ta mere', 'personne ne doit savoir pour nous'],
    move: ['parlons sur kik', 'donne-moi ton numero'],
    image: ['montre-moi a quoi tu ressembles', 'envoie une photo de toi'],
    meet: ['on se voit ce week-end juste nous deux', 'donne-moi ton adresse'],
    threat: ['je vais publier tes photos a ton ecole', 'ta famille va tout voir'],
    pay: ['envoie 300 euros', 'achete des cartes cadeaux'],
    clock: ['tu as une heure', 'le temps presse'],
  },
};

/** Everyday lines of each benign family, in new words, some with cue-like phrases in their everyday sense. */
export const FRESH_BENIGN: Record<string, string[]> = {
  coach: [
    'warm up starts at 4:30',
    'keep the new play secret from the other teams',
    'ask your mom if you can carpool saturday',
    'how old is everyone on the roster? the league needs birth years',
    'great effort today',
  ],
  teacher: [
    'the reading log is due monday',
    'please remind your parents about conferences',
    'your presentation was clear and well organised',
    'send a photo of the signed permission form to the class app',
    'office hours are after lunch',
  ],
  relative: [
    'happy first day of school!',
    'your cousin wants to facetime later',
    'we will pick you up at the airport',
    "it's a secret until the party, ok?",
    'how old is your friend? we are booking the cinema',
  ],
  gaming: ['anyone up for a raid', 'the patch broke my build lol', 'our team discord has the schedule', 'nice carry', 'what rank are you'],
  tutor: [
    'next session we do the essay outline',
    'well done on the practice test',
    'can you share your screen so i can see the problem',
    'your mom asked to move us to wednesday',
    'read chapter 3 before we meet',
  ],
  parent: [
    'did you eat lunch',
    'grandpa is visiting tonight',
    'send me a picture when you arrive at the museum',
    "don't tell your sister, we got her a puppy",
    'meet me outside the library at 5',
  ],
};

export const FRESH_STRANGER = [
  'hi, do you still have the skateboard for sale?',
  'good game, rematch?',
  'your club flyer has the wrong date',
  'is this the page for the lost cat?',
  'congrats on winning the spelling bee',
  'the school play was great, well done',
];

export const FRESH_PEER = [
  'ur kinda cute ngl',
  'wanna go skating saturday?',
  'keep it secret but i like ur friend',
  'send a selfie from the trip',
  'add me on insta',
];
