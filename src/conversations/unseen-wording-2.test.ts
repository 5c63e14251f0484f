import { A, C, DAY_MINUTES, K, describeTwins } from '../testing/conversation-cases.js';
import { describeParityTable } from '../testing/parity-table.js';

/*
 * Issue 16, eleventh round: wordings the tenth round's parity probes found read in no language.
 * Each row of the table (data/parity/unseen-2.json) is one phrasing written before the lexicon
 * was read, with how a native would say it in es, pt, fr, de and it: an age gap made light of
 * ("age doesn't matter", "who cares about the age difference"), "talking to you is like talking
 * to an adult"; the parents' schedule ("is your dad still at work?", "is your mom out
 * tonight?"); telling the parents as leverage ("i'll tell your mom everything"); exposure by
 * its outcome ("this is going viral", "your whole class will have it"); a debt as the demand
 * ("you owe me 200", "pay what you owe"); a countdown without a number ("in an hour it's over",
 * "do it before midnight", "tonight or never"); a bare "if yes, send me a photo" whose object is only
 * in the adult's message before (the neighbour's cat, or the child in their room). The benign side: the same words from a
 * grandparent, a neighbour, a coach, a sibling, a friend, a teacher and a safety notice.
 * Synthetic, non-graphic lines in the documented cues only.
 */

describeParityTable(
  'unseen wordings, second set: every phrasing carries its cue in all six languages (issue 16, eleventh round)',
  new URL('../../data/parity/unseen-2.json', import.meta.url),
);

/** A relative, a neighbour, a coach or a friend the child has been connected to for a year. */
const KNOWN: [string, number] = ['friend', -400 * DAY_MINUTES];

describeTwins(
  'unseen wordings, second set: the same words from family, neighbours, friends and notices stay quiet; the scripts fire (issue 16, eleventh round)',
  [
    C(
      'en: grandma learning to skate',
      [A('guess what, i started skating lessons!'), A("age is just a number, i'm 71 and i love it"), K('go grandma!!')],
      KNOWN,
    ),
    C(
      'es: el abuelo y la bici',
      [A('hola cariño, soy el abuelo'), A('la edad no importa, a mis 70 me compré una bici nueva'), K('jaja qué crack')],
      KNOWN,
    ),
    C('pt: a vovó na natação', [A('oi querida, é a vovó'), A('idade é só um número, comecei natação aos 72'), K('que orgulho vó')], KNOWN),
    C(
      'fr: papy au marathon',
      [A("coucou c'est papy"), A("l'âge c'est qu'un chiffre, je cours le semi dimanche"), K('trop fort papy')],
      KNOWN,
    ),
    C(
      'de: opa im kletterkurs',
      [A('hallo, hier ist opa'), A('alter spielt keine rolle, ich mach jetzt einen kletterkurs'), K('cool opa')],
      KNOWN,
    ),
    C(
      'it: la nonna in palestra',
      [A('ciao tesoro sono la nonna'), A("l'età non conta, vado in palestra tre volte a settimana"), K('grande nonna')],
      KNOWN,
    ),
    C(
      'en: a neighbour returning a drill',
      [A('hi its tom from next door'), A('is your dad still at work? i need to return his drill'), K('yeah till 6')],
      KNOWN,
    ),
    C(
      'es: el entrenador y la autorización',
      [A('hola, soy el entrenador'), A('¿a qué hora llega tu mamá? tiene que firmar la autorización del torneo'), K('a las 7')],
      KNOWN,
    ),
    C(
      'de: die nachbarin mit dem paket',
      [A('hallo, hier ist frau berg von nebenan'), A('ist dein vater noch auf der arbeit? ich hab ein paket für ihn'), K('ja bis 6')],
      KNOWN,
    ),
    C(
      'it: il vicino e il trapano',
      [A('ciao sono marco il vicino'), A('tuo padre è ancora al lavoro? devo ridargli il trapano'), K('torna alle 6')],
      KNOWN,
    ),
    C('en: a brother and the cake', [A("i'm telling mom you ate the cake lol"), K('noo dont')], KNOWN),
    C('pt: a irmã e o bolo', [A('vou contar tudo pra mãe, você comeu o bolo kkk'), K('nãooo')], KNOWN),
    C('fr: la sœur et le gâteau', [A("je vais tout dire à maman, t'as mangé le gâteau mdr"), K('nonnn')], KNOWN),
    C('en: an aunt and a viral dance', [A('your dance video is going viral haha, so proud'), K('omg thx')], KNOWN),
    C('es: la tía y el video viral', [A('tu video de baile se está haciendo viral jaja, qué orgullo'), K('graciasss')], KNOWN),
    C('de: der onkel und das virale video', [A('dein tanzvideo geht viral haha, bin so stolz'), K('danke')], KNOWN),
    C('en: a friend and the pizza', [A('you owe me 5 for the pizza lol'), K('ok ill pay u tmrw')], KNOWN),
    C('es: la madre y el bonobús', [A('me debes 10 del bonobús, cariño'), K('vale mamá')], KNOWN),
    C('it: il fratello e il cinema', [A('mi devi 8 euro del cinema'), K('sì domani')], KNOWN),
    C('en: a teacher and the trip', [A('hello class'), A('last chance to sign up for the trip, the form closes in an hour'), K('ok')]),
    C('en: a sale that ends', [A('in an hour its over, the sale i mean, want those shoes?'), K('yes pls')], KNOWN),
    // Linked: unlinked, the deadline with the model's words raised a low alert before this round too.
    C('fr: une prof et le devoir', [A('bonjour à tous'), A('rendez le devoir avant minuit, dernière chance'), K('merci madame')], KNOWN),
    C('de: mama und die anmeldung', [A('letzte chance für die anmeldung zum zeltlager, mach es vor mitternacht'), K('ok mama')], KNOWN),
    // The object only in the adult's message before: the neighbour's cat or parcel.
    C('en: a neighbour and her cat, in two messages', [
      A('hi its anna from no. 5'),
      A('is my cat in your garden again?'),
      K('ill look'),
      A('if yes, send me a photo pls'),
    ]),
    C('es: un vecino y su paquete', [
      A('hola, soy luis, el vecino del 3'),
      A('¿ha llegado mi paquete a tu casa?'),
      K('miro'),
      A('si es así, mándame una foto'),
    ]),
    C('pt: a vizinha e o gato', [
      A('oi, é a dona rita do 12'),
      A('meu gato tá no seu quintal de novo?'),
      K('vou ver'),
      A('se sim, me manda uma foto'),
    ]),
    C('fr: une voisine et son chat', [
      A("bonjour, c'est mme petit d'à côté"),
      A('mon chat est encore dans votre jardin ?'),
      K('je regarde'),
      A('si oui, envoie-moi une photo'),
    ]),
    C('de: die nachbarin und die katze', [
      A('hallo, hier ist frau berg von nebenan'),
      A('ist meine katze wieder in eurem garten?'),
      K('ich schau'),
      A('wenn ja, schick mir ein foto'),
    ]),
    C('it: il vicino e il gatto', [
      A('ciao sono marco il vicino'),
      A('il mio gatto è nel vostro giardino?'),
      K('guardo'),
      A('se sì, mandami una foto'),
    ]),
    C('en: a notice quoting the threat', [
      A('school safety notice'),
      A(
        "if someone online says 'pay or i'll tell your parents everything' or 'this is going viral', tell a trusted adult, it is never your fault",
      ),
      K('ok'),
    ]),
  ],
  [
    C('en: an age gap made light of, then a secret', [
      A('age is just a number'),
      A("who cares about the age difference, don't tell your mom we talk"),
      K('ok'),
    ]),
    C('es: the age gap, then the parents', [
      A('la edad no importa'),
      K('jaja'),
      A('¿tu papá sigue en el trabajo?'),
      K('sí'),
      A('mándame una foto tuya'),
    ]),
    C('pt: parents out tonight, then a photo', [A('sua mãe vai sair hoje à noite?'), K('vai'), A('me manda uma foto sua')]),
    C('fr: tell the parents as leverage', [A("j'ai nos messages"), A("paie ou tes parents sauront tout, t'as jusqu'à ce soir")]),
    C('de: going viral', [A('ich hab deine fotos'), A('zahl 100 oder das geht viral')]),
    C('it: a debt and a countdown', [A('ho le tue foto'), A('mi devi 200'), A("tra un'ora è finita")]),
    C('en: the whole class, a debt', [
      A('i have your pics'),
      A("you owe me 200, your whole class will have it by tomorrow if you don't answer"),
    ]),
    C('en: the object is the child, in the message before', [A('are you in your room?'), K('yes'), A('if yes, send me a photo')]),
    C('de: das objekt ist das kind, in der nachricht davor', [A('bist du in deinem zimmer?'), K('ja'), A('wenn ja, schick mir ein foto')]),
    C('es: tell your mom everything', [A('tengo tus fotos'), A('paga lo que me debes o le voy a contar todo a tu mamá')]),
  ],
);
