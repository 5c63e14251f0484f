/*
 * Synthetic, non-graphic phrases for the evaluation corpus, written for this project. Two
 * banks per language: `tune` (what the cue lexicon was checked against while writing it)
 * and `heldout` (different wording, never used for tuning). Each risky step is one of the
 * documented moves; nothing describes acts or bodies.
 */
import type { FreshSplitName } from './fresh-splits.js';

export type Lang = 'en' | 'es' | 'pt' | 'fr';
export type Split = 'tune' | 'heldout' | FreshSplitName;
export type Step = 'age' | 'flatter' | 'gift' | 'secret' | 'move' | 'image' | 'meet' | 'threat' | 'pay' | 'clock';

export type Bank = Record<Step, string[]> & { neutral: string[] };

export const PHRASES: Record<'tune' | 'heldout', Record<Lang, Bank>> = {
  tune: {
    en: {
      neutral: ['hey, nice drawing you posted', 'what games do you play?', 'lol that level is hard', 'did you watch the match yesterday', 'cool, i like that song too', 'how was your day'],
      age: ['how old are you btw?', 'what grade are you in?'],
      flatter: ["you're so mature for your age", 'nobody understands you like i do'],
      gift: ["i'll buy you robux if you want", 'i can send you a gift card'],
      secret: ["don't tell your parents we talk", 'keep this between us ok?'],
      move: ['add me on snap', "what's your whatsapp"],
      image: ['send me a pic', 'turn on your camera'],
      meet: ["let's meet in person", 'where do you live?'],
      threat: ['i have your pics', "i'll send them to all your followers"],
      pay: ['pay me $100 in a gift card', 'send money on cash app'],
      clock: ['you have 30 minutes', 'last chance'],
    },
    es: {
      neutral: ['hola, que buen dibujo', 'a que juegas?', 'jaja ese nivel es dificil', 'viste el partido ayer?'],
      age: ['cuantos años tienes?', 'en que grado estas?'],
      flatter: ['eres muy madura para tu edad', 'nadie te entiende como yo'],
      gift: ['te regalo robux', 'te mando una tarjeta'],
      secret: ['no le digas a nadie', 'es nuestro secreto'],
      move: ['agregame en snap', 'pasame tu whatsapp'],
      image: ['mandame una foto', 'prende la camara'],
      meet: ['nos vemos en persona?', 'donde vives?'],
      threat: ['tengo tus fotos', 'voy a mandar tus fotos a tu familia'],
      pay: ['pagame 100 dolares', 'quiero una tarjeta de regalo'],
      clock: ['tienes 30 minutos', 'ultima oportunidad'],
    },
    pt: {
      neutral: ['oi, que desenho legal', 'que jogo voce joga?', 'kkk essa fase e dificil', 'viu o jogo ontem?'],
      age: ['quantos anos vc tem?', 'qual a sua idade?'],
      flatter: ['vc e muito madura pra sua idade', 'ninguem te entende como eu'],
      gift: ['te dou robux', 'vou te dar um presente'],
      secret: ['nao conta pra ninguem', 'e nosso segredo'],
      move: ['me chama no zap', 'me passa seu numero'],
      image: ['me manda uma foto', 'liga a camera'],
      meet: ['vamos nos encontrar?', 'onde vc mora?'],
      threat: ['tenho suas fotos', 'vou mandar suas fotos pra sua familia'],
      pay: ['me paga 100 reais', 'manda o pix'],
      clock: ['vc tem 30 minutos', 'ultima chance'],
    },
    fr: {
      neutral: ['salut, joli dessin', 'tu joues a quoi ?', 'mdr ce niveau est dur', 'tu as vu le match hier'],
      age: ['tu as quel age ?', 'tu es en quelle classe ?'],
      flatter: ['tu es tres mature pour ton age', 'personne ne te comprend comme moi'],
      gift: ["je t'offre des robux", 'je te donne un cadeau'],
      secret: ['ne dis rien a personne', "c'est notre secret"],
      move: ['ajoute-moi sur snap', 'donne-moi ton numero'],
      image: ['envoie-moi une photo', 'allume ta camera'],
      meet: ['on se voit en vrai ?', 'tu habites ou ?'],
      threat: ["j'ai tes photos", 'je vais envoyer tes photos a ta famille'],
      pay: ["paie-moi 100 euros", 'je veux une carte cadeau'],
      clock: ['tu as 30 minutes', 'derniere chance'],
    },
  },
  heldout: {
    en: {
      neutral: ['that build looks sick', 'u play ranked?', 'haha same', 'my cat just knocked over my water', 'ok gtg dinner soon'],
      age: ['wait how old r u', 'so are you in high school or middle school?'],
      flatter: ["honestly ur so different from other girls", "you're really special you know that"],
      gift: ['want some free vbucks? i can get you some', "i'll get u skins"],
      secret: ['dont tell anyone about me ok', "let's keep it to ourselves", 'delete our chat after'],
      move: ['do u have telegram? easier there', 'text me on discord instead', 'my snap is @cool.guy99'],
      image: ['can i see a photo of you', 'send another selfie'],
      meet: ['i could pick you up after school', 'come over to my place this weekend'],
      threat: ['everyone at your school will see', 'gonna share your pictures with your friends'],
      pay: ['how much money can you send', 'i want $200 in steam cards'],
      clock: ['clock is ticking', 'u got 10 mins'],
    },
    es: {
      neutral: ['que buena partida', 'jajaja', 'ya cene', 'mañana hay clase?'],
      age: ['y que edad tienes?'],
      flatter: ['eres especial, en serio'],
      gift: ['te compro skins si quieres'],
      secret: ['borra el chat despues', 'esto queda entre nosotros'],
      move: ['escribeme por telegram', 'tienes discord?'],
      image: ['enviame una selfie', 'manda fotos'],
      meet: ['te recojo despues de clase', 'ven a mi casa'],
      threat: ['le voy a enseñar esto a tus padres'],
      pay: ['dame 50 dolares', 'cuanto dinero tienes'],
      clock: ['se te acaba el tiempo'],
    },
    pt: {
      neutral: ['boa partida', 'kkkk', 'ja jantei', 'amanha tem aula?'],
      age: ['em que serie vc ta?'],
      flatter: ['vc e muito especial'],
      gift: ['te mando skins'],
      secret: ['apaga a conversa depois', 'fica entre nos'],
      move: ['vc tem telegram?', 'me add no insta'],
      image: ['envia uma selfie', 'me manda fotos'],
      meet: ['te busco depois da aula', 'vem pra minha casa'],
      threat: ['vou mostrar isso para seus pais'],
      pay: ['me da 50 reais', 'quanto dinheiro vc tem'],
      clock: ['o tempo ta acabando'],
    },
    fr: {
      neutral: ['bien joue', 'mdr', "j'ai mange", "demain il y a cours ?"],
      age: ["t'as quel age ?"],
      flatter: ['tu es speciale tu sais'],
      gift: ["je t'achete des skins"],
      secret: ['efface la conversation apres', 'ca reste entre nous'],
      move: ['as-tu discord ?', 'ecris-moi sur telegram'],
      image: ['montre-moi une photo', 'envoie des photos'],
      meet: ['je passe te chercher apres les cours', 'viens chez moi'],
      threat: ['je vais montrer ca a tes parents'],
      pay: ["donne-moi 50 euros", "combien d'argent tu as"],
      clock: ['le temps presse'],
    },
  },
};

/** Everyday messages of the benign families an adult exchanges with a child, in English (the hard negatives). */
/** Split by position: even lines for the tune split, odd lines held out. */
export const BENIGN: Record<string, string[]> = {
  coach: ['practice moved to 5pm, bring water', 'great hustle today', 'remember your shin guards saturday', 'team photo is after the game, tell your parents', 'who needs a ride to the tournament? ask your mom to text me', 'nice pass in the second half', 'send me a photo of the team sheet', 'bus leaves at 8 sharp', "it's a surprise for coach dana, don't tell her", 'the team group chat is on whatsapp, ask your parents to join', 'what year are you in? tryout groups go by year', 'photos from the game are on the club page'],
  teacher: ['homework is due friday', 'nice work on the essay', 'the field trip form needs a parent signature', 'ask your parents to email me about the project', 'quiz moved to thursday', 'send me a picture of your project poster', 'great question in class today', 'bring your lab goggles', 'keep your password secret, even from friends', 'how old do you have to be for the science fair? 13, so you can enter', 'the class is moving to the school app, your parents got the link', 'well done, you should be proud'],
  relative: ['happy birthday sweetie!', 'grandma says hi', 'are you coming for dinner sunday?', 'send me a pic of the cake!', 'how old are you now, 14? time flies', 'send me a photo of your new room!', 'uncle joe says congrats on the game', 'we miss you, call your aunt', "don't tell your brother about his present!", 'send me your new number so i can text you', 'we can meet at the mall after your practice, mom knows', "you're growing up so fast"],
  gaming: ['gg wp', 'need one more for the squad', 'that was a clutch play', 'add me on discord for the tournament lobby', 'lol lag again', 'u on tonight?', 'nice clutch', 'queue up in 5', 'whats your age bracket for the tournament? u16 or open', 'join the discord, the link is in the clan page', 'dont tell the other team our strat lol', 'meet at the fountain spawn point'],
  tutor: ['see you tuesday for algebra', 'try problems 4 to 10', 'great progress this week', 'tell your dad the session moved to 4', 'send me a photo of your homework so i can check it', 'we will review fractions next time', 'good job on the test', 'practice the vocabulary list', 'how old are you again, for the exam registration form?', 'we can do the session on zoom, your mom has the link', 'keep practising, you are doing great', 'show me the worksheet on camera during the call'],
  parent: ['dinner is ready', 'did you finish your homework?', 'love you, have a good day at school', 'where are you? text me when you get there', 'send me a photo of the permission slip', 'can you pick up milk on the way home', 'are you home yet?', 'call me when practice ends', "it's our secret, we're surprising dad on sunday", 'text me on whatsapp when the bus leaves', 'send me a picture of where you are', 'i will meet you at the school gate at 3'],
};

/** Adults with no connection to the child, writing for everyday reasons (even lines tune, odd held out). */
export const STRANGER = [
  'hi, is the bike you listed still for sale?',
  'gg that was a close match',
  'found a phone at the park with your profile on the lock screen, where should i leave it?',
  'is this the right page for the robotics club signup?',
  'how old is the console you are selling?',
  'your team left a jacket at the field, its at the front desk',
  'nice goal in the final, well played',
  'the bake sale link on your post is broken',
  'can you ask your parents if the lawn mowing offer is still on?',
  'good luck at the regional finals',
  'is the puppy in your post available? my family wants to adopt',
  'thanks for returning my dog yesterday',
];

/** Flirting between peers, which the detector must leave alone. */
export const PEER_FLIRT = ["you're cute lol", 'wanna hang out at the mall saturday?', 'i like your new haircut', "don't tell anyone but i like you", 'send me a selfie', 'add me on snap', 'u going to the party?', 'ur funny'];
