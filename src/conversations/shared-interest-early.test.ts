import { describeTwins, type ConversationCase } from '../testing/conversation-cases.js';

/*
 * Issue 16, eighth round: the early warning on an adult the child has no link with, in a
 * shared-interest setting (a match, a guild, a tutoring session), after praise the model reads
 * as risky ("ur cracked", "tienes talento", "du hast echt talent") and a bare age or grade
 * question. Such a question waits for the adult's next move (early-warning.ts): everyday
 * logistics after it raise nothing; each risky twin, the same setting with a documented move
 * after the question (a gift, secrecy, another app, a photo of the child, "so mature for your
 * age", or a follow-back the adult asked for), still fires.
 */
const DM = (lines: ConversationCase['lines'], name: string, link?: ConversationCase['link']): ConversationCase => ({
  name,
  lines,
  ...(link ? { link } : {}),
});
const GUILD = (lines: ConversationCase['lines'], name: string): ConversationCase => ({ name, lines, group: 3 });

const enMatch: ConversationCase['lines'] = [
  ['adult', 'gg that was a crazy match'],
  ['kid', 'ty lol'],
  ['adult', 'ur cracked at this game fr'],
  ['kid', 'thx'],
  ['adult', 'wanna duo tmrw? how old r u btw'],
  ['kid', '14'],
];
const deMatch: ConversationCase['lines'] = [
  ['adult', 'gg'],
  ['kid', 'danke'],
  ['adult', 'du spielst richtig gut, du hast echt talent'],
  ['kid', 'danke'],
  ['adult', 'wie alt bist du eigentlich?'],
  ['kid', '13'],
];
const enGuild: ConversationCase['lines'] = [
  ['adult', 'gg all, great raid tonight'],
  ['adult', 'ur all cracked fr, best guild on the server'],
  ['kid', 'lol ty'],
  ['adult', 'how old r u btw'],
  ['kid', '14'],
];
const esGuild: ConversationCase['lines'] = [
  ['adult', 'buena raid, equipo'],
  ['adult', 'tienes talento curando, de verdad'],
  ['kid', 'jaja gracias'],
  ['adult', 'cuantos años tienes?'],
  ['kid', '13'],
];
const deGuild: ConversationCase['lines'] = [
  ['adult', 'guter raid heute'],
  ['adult', 'du hast echt talent als heiler'],
  ['kid', 'danke'],
  ['adult', 'wie alt bist du eigentlich?'],
  ['kid', '13'],
];
const tutor = (praise: string, grade: string, answer: string): ConversationCase['lines'] => [
  ['adult', praise],
  ['kid', 'ok'],
  ['adult', grade],
  ['kid', answer],
];
const esTutor = tutor('lo haces muy bien, tienes talento', 'en qué curso estás?', 'en primero de eso');
const deTutor = tutor('super gemacht, du hast echt talent', 'in welche klasse gehst du?', '7');
const itTutor = tutor('sei davvero bravo, hai talento', 'che classe fai?', 'seconda media');
const ptTutor = tutor('muito bem, você tem talento', 'em que ano você está?', '7º');

describeTwins(
  'early warnings after praise and a bare age question (issue 16, eighth round)',
  [
    DM([...enMatch, ['adult', 'ok cool, i play after 6 most days']], 'en: a teammate after a match'),
    DM([...deMatch, ['adult', 'ok, ich spiele meistens abends nach 6']], 'de: ein Mitspieler nach dem Match'),
    GUILD([...enGuild, ['adult', 'raid again friday 7pm, be on time']], 'en: a guild officer in the guild group'),
    GUILD([...esGuild, ['adult', 'el viernes a las 7 otra vez']], 'es: el líder del clan en el grupo'),
    GUILD([...deGuild, ['adult', 'freitag um 7 wieder, bitte puenktlich']], 'de: der Gildenleiter in der Gildengruppe'),
    DM([...esTutor, ['adult', 'vale, el jueves seguimos con las fracciones']], 'es: una tutora pregunta el curso'),
    DM([...deTutor, ['adult', 'gut, naechste woche machen wir brueche']], 'de: ein Nachhilfelehrer fragt die Klasse'),
    DM([...itTutor, ['adult', 'giovedì continuiamo con le frazioni']], 'it: un tutor chiede la classe'),
    DM([...ptTutor, ['adult', 'certo, na quinta a gente continua com frações']], 'pt: um tutor pergunta o ano'),
  ],
  [
    DM([...enMatch, ['adult', 'u deserve a treat, ill order u food tonight']], 'en: a treat after the age (the model reads it)'),
    DM(
      [
        ['adult', 'gg that was a crazy match'],
        ['kid', 'ty lol'],
        ['adult', 'ur cracked at this game fr, follow me back'],
        ['kid', 'ok done'],
        ['adult', 'wanna duo tmrw? how old r u btw'],
      ],
      'en: a follow-back asked for, then the age',
      ['follow', 7],
    ),
    DM([...deMatch, ['adult', 'schick mir mal ein foto von dir']], 'de: ein Foto des Kindes'),
    GUILD([...enGuild, ['adult', 'add me on snap, dont tell ur parents']], 'en: another app and secrecy'),
    GUILD([...esGuild, ['adult', 'agrégame en snap y no le digas a tus padres']], 'es: otra app y secreto'),
    GUILD([...deGuild, ['adult', 'schreib mir auf snap, sag deinen eltern nichts']], 'de: andere App und Geheimnis'),
    DM([...esTutor, ['adult', 'eres muy madura para tu edad']], 'es: "muy madura para tu edad"'),
    DM([...deTutor, ['adult', 'du bist so reif fuer dein alter']], 'de: "so reif fuer dein alter"'),
    DM([...itTutor, ['adult', 'non dirlo ai tuoi genitori che parliamo']], 'it: segreto con i genitori'),
    DM([...ptTutor, ['adult', 'não conta pros seus pais que a gente conversa']], 'pt: segredo com os pais'),
  ],
);
