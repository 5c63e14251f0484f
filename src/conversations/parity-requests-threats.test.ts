import { A, C, DAY_MINUTES, K, describeTwins } from '../testing/conversation-cases.js';
import { describeParityTable } from '../testing/parity-table.js';

/*
 * Issue 16, tenth round, parity: gifts, age questions, parents, image requests, threats,
 * payment and deadlines read alike in all six languages. Each row of the table (a data file) is one phrasing class
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
/** The parity table as data (data/parity/requests-threats.json): cue -> rows of one phrasing in en, es, pt, fr, de and it. */

describeParityTable(
  'parity: every phrasing carries its cue in all six languages (issue 16, tenth round)',
  new URL('../../data/parity/requests-threats.json', import.meta.url),
);

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
