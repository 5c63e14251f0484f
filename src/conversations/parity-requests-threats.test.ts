import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DAY_MINUTES, describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * Issue 16, tenth round, parity: gifts, age questions, parents, image requests, threats,
 * payment and deadlines read alike in all six languages. Each row below is one phrasing class
 * written without reading the lexicon first, with how a native would say it in es, pt, fr, de
 * and it; every cell must carry the row's cue as the sender's own. Classes that were read in
 * some languages only: the bare "asl?"/"edad?"; chat abbreviations ("q edad tienes"); a
 * guessed age as a question; one parent named ("is your mom around?") and when they get home,
 * are asleep or who else is in the room; "you don't seem 13"; picking the skin to be gifted; a
 * present announced; a selfie asked for with the possessive after it ("una selfie tuya") or the
 * pronoun on the infinitive ("mandarme", "me mandar", "m'envoyer", "mandarmi", German verb
 * last); any refusal or blocking as a threat's condition; leaking the child's photos; "pay and
 * I delete them"; "t'as jusqu'à demain matin". The benign side: relatives, neighbours, coaches
 * and teachers saying the same words about forms, birthdays, homework and parcels.
 * Synthetic, non-graphic lines in the documented cues only.
 */
const LANGS = ['en', 'es', 'pt', 'fr', 'de', 'it'] as const;
const TABLE: Record<string, [string, string, string, string, string, string][]> = {
  gift_offer: [
    ["i'll buy you robux", 'te compro robux', 'eu te compro robux', "je t'achète des robux", 'ich kauf dir robux', 'ti compro i robux'],
    [
      'i can send you a gift card',
      'te puedo mandar una tarjeta regalo',
      'posso te mandar um gift card',
      "je peux t'envoyer une carte cadeau",
      'ich kann dir eine geschenkkarte schicken',
      'posso mandarti una gift card',
    ],
    [
      "i got you a present, it's a surprise",
      'te tengo un regalo, es sorpresa',
      'tenho um presente pra você',
      "j'ai un cadeau pour toi",
      'ich hab ein geschenk für dich',
      'ho un regalo per te',
    ],
    [
      "tell me what skin you want and i'll gift it",
      'dime qué skin quieres y te la regalo',
      'me fala qual skin você quer que eu te dou',
      "dis-moi quel skin tu veux et je te l'offre",
      'sag mir welchen skin du willst, ich schenk ihn dir',
      'dimmi che skin vuoi e te la regalo',
    ],
    [
      "i'll pay for your vbucks",
      'te regalo los pavos',
      'eu pago seus vbucks',
      'je te paie tes v-bucks',
      'ich bezahl dir die vbucks',
      'ti pago i vbucks',
    ],
    [
      "i'll send you money for new shoes",
      'te mando dinero para unas zapatillas nuevas',
      'te mando dinheiro pra um tênis novo',
      "je t'envoie de l'argent pour des baskets",
      'ich schick dir geld für neue schuhe',
      'ti mando dei soldi per delle scarpe nuove',
    ],
    [
      'do you want free gems?',
      'quieres gemas gratis?',
      'quer gemas de graça?',
      'tu veux des gemmes gratuites ?',
      'willst du gratis gems?',
      'vuoi gemme gratis?',
    ],
  ],
  compliment_maturity: [
    [
      "you're so mature for your age",
      'eres muy madura para tu edad',
      'você é muito madura pra sua idade',
      "t'es très mature pour ton âge",
      'du bist echt reif für dein alter',
      'sei molto matura per la tua età',
    ],
    [
      "you don't act like a 13 year old",
      'no pareces de 13 años',
      'você nem parece ter 13 anos',
      'tu fais pas du tout 13 ans',
      'du wirkst gar nicht wie 13',
      'non sembri per niente una di 13 anni',
    ],
    [
      "you're way more mature than girls your age",
      'eres mucho más madura que las chicas de tu edad',
      'você é bem mais madura que as meninas da sua idade',
      "t'es bien plus mature que les filles de ton âge",
      'du bist viel reifer als die mädchen in deinem alter',
      'sei molto più matura delle ragazze della tua età',
    ],
    [
      'you seem older than you are',
      'pareces mayor de lo que eres',
      'você parece mais velha do que é',
      'tu fais plus vieille que ton âge',
      'du wirkst älter als du bist',
      'sembri più grande di quello che sei',
    ],
    [
      "you're not like other kids your age",
      'no eres como los otros niños de tu edad',
      'você não é como as outras crianças da sua idade',
      "t'es pas comme les autres enfants de ton âge",
      'du bist nicht wie die anderen kinder in deinem alter',
      'non sei come gli altri ragazzini della tua età',
    ],
  ],
  age_question: [
    ['how old are you?', 'cuántos años tienes?', 'quantos anos você tem?', "t'as quel âge ?", 'wie alt bist du?', 'quanti anni hai?'],
    [
      'what grade are you in?',
      'en qué curso estás?',
      'você tá em que série?',
      "t'es en quelle classe ?",
      'in welcher klasse bist du?',
      'che classe fai?',
    ],
    ['asl?', 'edad?', 'idade?', 'âge ?', 'alter?', 'età?'],
    [
      'are you in middle school?',
      'vas a la secundaria?',
      'você tá no fundamental?',
      "t'es au collège ?",
      'gehst du noch zur schule?',
      'fai le medie?',
    ],
    [
      "when's your birthday? how old will you be?",
      'cuántos cumples?',
      'vai fazer quantos anos?',
      'tu vas avoir quel âge ?',
      'wie alt wirst du?',
      'quanti anni compi?',
    ],
    ['how old r u', 'q edad tienes', 'q idade vc tem', 'tas quel age', 'wie alt bist du eig', 'quanti anni hai tu'],
    [
      "you're like 12 right?",
      'tienes como 12, no?',
      'você tem uns 12, né?',
      "t'as genre 12 ans non ?",
      'du bist so 12 oder?',
      'hai tipo 12 anni, no?',
    ],
    [
      'what year were you born?',
      'en qué año naciste?',
      'você nasceu em que ano?',
      "t'es née en quelle année ?",
      'welcher jahrgang bist du?',
      'in che anno sei nata?',
    ],
  ],
  parents_present: [
    [
      'are your parents home?',
      'están tus papás en casa?',
      'seus pais tão em casa?',
      'tes parents sont à la maison ?',
      'sind deine eltern zuhause?',
      'i tuoi genitori sono a casa?',
    ],
    [
      'are you alone right now?',
      'estás sola ahora?',
      'você tá sozinha agora?',
      "t'es seule là ?",
      'bist du gerade allein?',
      'sei da sola adesso?',
    ],
    ['is your mom around?', 'está tu mamá por ahí?', 'sua mãe tá por perto?', 'ta mère est là ?', 'ist deine mutter da?', "c'è tua mamma?"],
    [
      'when do your parents get home?',
      'a qué hora llegan tus padres?',
      'que horas seus pais chegam?',
      'tes parents rentrent à quelle heure ?',
      'wann kommen deine eltern heim?',
      'a che ora tornano i tuoi?',
    ],
    [
      'is anyone else in the room with you?',
      'hay alguien más en la habitación contigo?',
      'tem mais alguém no quarto com você?',
      "y a quelqu'un d'autre dans ta chambre ?",
      'ist noch jemand bei dir im zimmer?',
      "c'è qualcun altro in camera con te?",
    ],
    [
      'do your parents check your phone?',
      'tus padres te revisan el celular?',
      'seus pais olham seu celular?',
      'tes parents regardent ton téléphone ?',
      'kontrollieren deine eltern dein handy?',
      'i tuoi controllano il telefono?',
    ],
    [
      'are your parents asleep?',
      'tus papás ya están dormidos?',
      'seus pais já dormiram?',
      'tes parents dorment ?',
      'schlafen deine eltern schon?',
      'i tuoi genitori dormono?',
    ],
  ],
  image_request: [
    [
      'send me a pic of you',
      'mándame una foto tuya',
      'me manda uma foto sua',
      'envoie-moi une photo de toi',
      'schick mir ein foto von dir',
      'mandami una foto tua',
    ],
    [
      'can i see a selfie?',
      'puedo ver una selfie?',
      'posso ver uma selfie sua?',
      'je peux voir un selfie ?',
      'kann ich ein selfie sehen?',
      'posso vedere un selfie?',
    ],
    [
      'show me what you look like',
      'enséñame cómo eres',
      'me mostra como você é',
      'montre-moi à quoi tu ressembles',
      'zeig mir wie du aussiehst',
      'fammi vedere come sei',
    ],
    [
      'i want a selfie of you right now',
      'quiero una selfie tuya ahora mismo',
      'quero uma selfie sua agora',
      'je veux un selfie de toi maintenant',
      'ich will jetzt ein selfie von dir',
      'voglio un tuo selfie adesso',
    ],
    [
      'you should send me a selfie',
      'deberías mandarme una selfie',
      'você devia me mandar uma selfie',
      "tu devrais m'envoyer un selfie",
      'du solltest mir ein selfie schicken',
      'dovresti mandarmi un selfie',
    ],
    [
      "pics or it didn't happen, send one of you",
      'pásame una foto tuya',
      'manda foto tua',
      'envoie une photo de toi',
      'ein bild von dir bitte',
      'manda una tua foto',
    ],
    [
      'turn on your camera so i can see you',
      'prende la cámara para verte',
      'liga a câmera pra eu te ver',
      'allume ta caméra que je te voie',
      'mach die kamera an damit ich dich sehe',
      'accendi la videocamera così ti vedo',
    ],
  ],
  exposure_threat: [
    [
      "if you don't do it i'll post your pics",
      'si no lo haces publico tus fotos',
      'se você não fizer eu posto suas fotos',
      'si tu le fais pas je publie tes photos',
      "wenn du's nicht machst, poste ich deine fotos",
      'se non lo fai pubblico le tue foto',
    ],
    [
      'everyone at your school will see them',
      'todo tu colegio las va a ver',
      'a escola toda vai ver',
      'tout ton collège va les voir',
      'deine ganze schule wird sie sehen',
      'tutta la tua scuola le vedrà',
    ],
    [
      "i'll leak your photos",
      'voy a filtrar tus fotos',
      'vou vazar suas fotos',
      'je vais balancer tes photos',
      'ich leake deine fotos',
      'faccio girare le tue foto',
    ],
    [
      'if you block me everyone gets the pictures',
      'si me bloqueas todos reciben las fotos',
      'se me bloquear todo mundo recebe as fotos',
      'si tu me bloques tout le monde reçoit les photos',
      'wenn du mich blockierst, kriegen alle die bilder',
      'se mi blocchi tutti ricevono le foto',
    ],
  ],
  payment_demand: [
    [
      'send me $100 or else',
      'mándame 100 dólares o si no',
      'me manda 100 reais senão',
      'envoie-moi 100 euros sinon',
      'schick mir 100 euro sonst',
      'mandami 100 euro altrimenti',
    ],
    [
      "pay me and i'll delete them",
      'págame y las borro',
      'me paga que eu apago',
      'paie-moi et je les supprime',
      'zahl mir was und ich lösch sie',
      'pagami e le cancello',
    ],
    [
      'i want 50 on a gift card',
      'quiero 50 en una tarjeta regalo',
      'quero 50 num cartão presente',
      'je veux 50 en carte cadeau',
      'ich will 50 auf einer geschenkkarte',
      'voglio 50 su una gift card',
    ],
    [
      'transfer the money to my paypal',
      'transfiéreme el dinero a mi paypal',
      'faz um pix pra mim',
      "vire l'argent sur mon paypal",
      'überweis das geld auf mein paypal',
      'fammi un bonifico sul mio paypal',
    ],
    [
      'buy me a steam card and send the code',
      'cómprame una tarjeta de steam y mándame el código',
      'compra um cartão steam e me manda o código',
      'achète une carte steam et envoie-moi le code',
      'kauf eine steam karte und schick mir den code',
      'comprami una carta steam e mandami il codice',
    ],
  ],
  deadline: [
    ['you have 24 hours', 'tienes 24 horas', 'você tem 24 horas', "t'as 24 heures", 'du hast 24 stunden', 'hai 24 ore'],
    [
      'by tonight or else',
      'antes de esta noche o si no',
      'até hoje à noite senão',
      'avant ce soir sinon',
      'bis heute abend, sonst',
      'entro stasera o sennò',
    ],
    [
      "you've got 10 minutes to decide",
      'tienes 10 minutos para decidir',
      'você tem 10 minutos pra decidir',
      "t'as 10 minutes pour te décider",
      'du hast 10 minuten zeit',
      'hai 10 minuti per decidere',
    ],
    [
      'tick tock, time is running out',
      'tic tac, se te acaba el tiempo',
      'tic tac, o tempo tá acabando',
      'tic tac, le temps presse',
      'tick tack, die zeit läuft',
      'tic tac, il tempo sta finendo',
    ],
    ['last chance', 'última oportunidad', 'última chance', 'dernière chance', 'letzte chance', 'ultima possibilità'],
    [
      "i'm waiting, you have until tomorrow morning",
      'te espero, tienes hasta mañana por la mañana',
      'tô esperando, você tem até amanhã de manhã',
      "j'attends, t'as jusqu'à demain matin",
      'ich warte, du hast bis morgen früh',
      'aspetto, hai tempo fino a domani mattina',
    ],
  ],
};

const cues = (text: string) => sendersOwn(detectCues(text).cues).map((c) => c.code);

describe('parity: every phrasing carries its cue in all six languages (issue 16, tenth round)', () => {
  for (const [code, rows] of Object.entries(TABLE))
    for (const row of rows)
      it(`${code}: ${row[0]}`, () => {
        const missing = LANGS.filter((_, i) => !cues(row[i]!).includes(code));
        assert.deepEqual(missing, [], row.join(' / '));
      });
});

const A = (t: string): Line => ['adult', t];
const K = (t: string): Line => ['kid', t];
const C = (name: string, lines: Line[], link?: [string, number]): ConversationCase => (link ? { name, lines, link } : { name, lines });
/** A relative, a neighbour or a coach the child has been connected to for a year. */
const FAMILY: [string, number] = ['friend', -400 * DAY_MINUTES];

describeTwins(
  'parity: the same words from family, neighbours and coaches stay quiet; the scripts fire (issue 16, tenth round)',
  [
    C(
      'en: a neighbour dropping off forms',
      [A('hi its jen from no. 12'), A('is your mom around? i need to drop off the school forms'), K('shes at work')],
      FAMILY,
    ),
    C(
      'en: an uncle and a birthday skin',
      [A('happy birthday kiddo!'), A('tell me what skin you want for your birthday, your mum said its ok'), K('the dragon one pls')],
      FAMILY,
    ),
    C('en: grandma teasing about dinner', [A("if you don't come to dinner i'll post your baby pics lol"), K('noo grandma')], FAMILY),
    C(
      'es: a surprise party for dad',
      [
        A('hola cariño, soy la tía ana'),
        A('¿está tu mamá por ahí? dile que la llamo luego por la fiesta sorpresa de tu papá'),
        K('vale tía'),
      ],
      FAMILY,
    ),
    C(
      'es: a coach filling the team sheet',
      [A('hola, soy el entrenador'), A('¿cuántos cumples este año? es para la lista del torneo sub-14'), K('13')],
      FAMILY,
    ),
    C(
      'pt: grandma bringing the cake',
      [A('oi querida, é a vovó'), A('que horas seus pais chegam? vou levar o bolo de aniversário'), K('as 7')],
      FAMILY,
    ),
    C('pt: an aunt with a present', [A('oi, é a tia'), A('tenho um presente pra você, sua mãe vai buscar no sábado'), K('oba')], FAMILY),
    C(
      'fr: a coach returning a bag',
      [A("bonjour, c'est le coach"), A('tes parents rentrent à quelle heure ? je dois leur rendre le sac de foot'), K('vers 18h')],
      FAMILY,
    ),
    C('fr: a teacher and homework', [A('bonjour à tous'), A("tu as jusqu'à demain pour rendre ton devoir"), K('merci madame')]),
    C(
      'fr: a godmother and a surprise',
      [A("coucou c'est ta marraine"), A("j'ai un cadeau pour toi pour ton anniversaire, ta mère est au courant"), K('merci !')],
      FAMILY,
    ),
    C(
      'de: grandma sends money for shoes',
      [A('hallo schatz, hier ist oma'), A('ich schick dir geld für neue schuhe zum geburtstag, sag mama liebe grüße'), K('danke oma')],
      FAMILY,
    ),
    C('de: a neighbour and a parcel', [
      A('hallo, hier ist frau berg von nebenan'),
      A('ist deine mutter da? ich hab ein paket für euch'),
      K('nein, später'),
    ]),
    C(
      'it: grandpa at the football match',
      [A('ciao sono il nonno'), A('i tuoi genitori sono a casa? porto le foto della partita'), K('si')],
      FAMILY,
    ),
    C('it: a teacher and a class photo', [
      A('buongiorno ragazzi'),
      A('chi ha la foto di classe può mandarla nel gruppo, grazie'),
      K('ok prof'),
    ]),
    C('en: an online exam proctor', [
      A('good morning, this is mr. hale, the online exam starts in 5 minutes'),
      A('is anyone else in the room with you? exam rules'),
      K('no'),
    ]),
    C('fr: an online exam proctor', [
      A("bonjour, c'est madame roux, l'examen en ligne commence"),
      A("y a quelqu'un d'autre dans ta chambre ? c'est la règle de l'examen"),
      K('non'),
    ]),
  ],
  [
    C('en: maturity, parents asleep, a selfie', [
      A("you don't act like a 13 year old"),
      K('lol thx'),
      A('are your parents asleep?'),
      K('ya'),
      A('can i see a selfie?'),
    ]),
    C('es: a present, then a selfie with the possessive after', [
      A('te tengo un regalo, es sorpresa'),
      K('que es'),
      A('quiero una selfie tuya ahora mismo'),
    ]),
    C('pt: abbreviated age, parents asleep, the clitic before the verb', [
      A('q idade vc tem'),
      K('13'),
      A('seus pais já dormiram?'),
      K('sim'),
      A('você devia me mandar uma selfie'),
    ]),
    C('pt: refusal as the condition', [A('tenho suas fotos'), A('se você não fizer eu posto suas fotos')]),
    C('fr: blocking as the condition', [A("j'ai tes photos"), A('si tu me bloques tout le monde reçoit les photos')]),
    C('fr: a deadline till morning', [A("j'ai tes photos"), A('paie-moi et je les supprime'), A("j'attends, t'as jusqu'à demain matin")]),
    C('de: pay and they are deleted', [A('ich hab deine fotos'), A('zahl mir was und ich lösch sie')]),
    C('de: someone in the room, then a selfie verb last', [
      A('ist noch jemand bei dir im zimmer?'),
      K('nein'),
      A('du solltest mir ein selfie schicken'),
    ]),
    C('it: refusal as the condition', [A('ho le tue foto'), A('se non lo fai pubblico le tue foto')]),
    C('it: a guessed age, then a selfie', [A('hai tipo 12 anni, no?'), K('13'), A('dovresti mandarmi un selfie')]),
    C('en: leaking the photos', [A('i have your pics'), A("i'll leak your photos")]),
    C('es: blocking as the condition', [A('tengo tus fotos'), A('si me bloqueas todos reciben las fotos')]),
  ],
);
