import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeTwins, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * Issue 16, tenth round, parity: every cue of the secrecy, move, meeting, normalising and
 * pressure group read alike in en, es, pt, fr, de and it. The phrasings below were written
 * before reading the lexicon (8-10 per cue and language, natural in each language, not word
 * for word); each one is read now. Classes a language lacked, now read in all six:
 * - pressure to prove trust (compliance_test): "would you do anything for me", "if you really
 *   cared you'd", "do it if you love me", "show me you're not a baby", "you said you'd do
 *   whatever i want", "i thought we were friends", "after everything i did for you" (German and
 *   Italian had most of these, English, Spanish, Portuguese and French had two patterns each);
 * - normalising: "everybody your age does it", "it's natural", "age is just a number", "girls
 *   your age date older guys";
 * - secrecy: the parents "don't need to know", "nobody can find out", "make sure your mom
 *   doesn't see this", a diminutive secret ("secretito", "segredinho"), "don't show anyone these
 *   messages", the French ask without "ne" ("dis pas à ton père"), the Italian "tuo papà";
 * - a move to "my other account", "download kik", "come to discord", a vanishing-message app in
 *   Spanish, an adverb before the app in German ("schreib mir lieber auf insta");
 * - a meeting: a pickup asked ("can i pick you up after school?"), waiting outside the school
 *   ("i'll wait" was missed for its contraction), sneaking out, a drive to the child's town.
 * Left as they were (benign far more often than not from an adult a child knows, or read by the
 * speech layer as a report or a warning): "are you brave enough?", "do you always do what
 * you're told?", "people do it all the time", "it's not that serious" outside English and
 * German, a meeting at a named place or on a day ("meet me at the park at 5", "on se voit ce
 * week-end"), "if anyone asks, you don't know me" in fr/de/it (read as reported speech) and
 * "pass auf, dass…" in German (read as a warning).
 * Synthetic, non-graphic lines in the documented cues only.
 */
const A = (t: string): Line => ['adult', t];
const K = (t: string): Line => ['kid', t];
const C = (name: string, lines: Line[]): ConversationCase => ({ name, lines });

const cue = (text: string) => sendersOwn(detectCues(text).cues).map((c) => c.code);

/** cue -> language -> phrasings that must carry the cue as the sender's own move. */
const PARITY: Record<string, Record<string, string[]>> = {
  secrecy_request: {
    en: [
      "don't tell your mom about us",
      'keep this between us ok',
      'this stays our little secret',
      'delete our chat after you read it',
      "your parents don't need to know",
      "don't show anyone these messages",
      "if anyone asks, you don't know me",
      'dont tell ur dad we talk',
      'nobody can find out about this',
      "make sure your mom doesn't see this",
    ],
    es: [
      'no le digas a tu madre lo nuestro',
      'que quede entre nosotros vale',
      'esto es nuestro secretito',
      'borra el chat después de leerlo',
      'tus padres no tienen por qué saberlo',
      'no le enseñes estos mensajes a nadie',
      'si alguien pregunta, no me conoces',
      'no le cuentes a tu papá que hablamos',
      'nadie se puede enterar de esto',
      'que tu mamá no vea esto',
    ],
    pt: [
      'não conta pra sua mãe sobre a gente',
      'fica só entre nós tá',
      'isso é nosso segredinho',
      'apaga a conversa depois de ler',
      'seus pais não precisam saber',
      'não mostra essas mensagens pra ninguém',
      'se alguém perguntar, você não me conhece',
      'não fala pro seu pai que a gente conversa',
      'ninguém pode descobrir isso',
      'cuidado pra sua mãe não ver isso',
    ],
    fr: [
      'ne dis rien à ta mère sur nous',
      'ça reste entre nous ok',
      "c'est notre petit secret",
      "efface la conversation après l'avoir lue",
      "tes parents n'ont pas besoin de savoir",
      'ne montre ces messages à personne',
      "dis pas à ton père qu'on se parle",
      'personne doit le savoir',
      'fais gaffe que ta mère voie pas ça',
    ],
    de: [
      'sag deiner mama nichts von uns',
      'das bleibt unter uns ok',
      'das ist unser kleines geheimnis',
      'lösch den chat nachdem du ihn gelesen hast',
      'deine eltern müssen das nicht wissen',
      'zeig die nachrichten niemandem',
      'erzähl deinem papa nicht dass wir schreiben',
      'niemand darf davon erfahren',
    ],
    it: [
      'non dirlo a tua mamma di noi',
      'resta tra noi ok',
      'è il nostro piccolo segreto',
      'cancella la chat dopo averla letta',
      'i tuoi genitori non devono saperlo',
      'non far vedere questi messaggi a nessuno',
      'non dire a tuo papà che ci sentiamo',
      'nessuno deve scoprirlo',
      'stai attenta che tua mamma non lo veda',
    ],
  },
  platform_move: {
    en: [
      'add me on snap',
      "let's move to telegram",
      'do you have whatsapp? give me your number',
      'text me on my other account',
      'download kik so we can talk',
      'dm me on insta instead',
      'this app is boring, come to discord',
      "what's your snapchat?",
      "message me on signal, it's safer",
      'lets continue on an app where messages disappear',
    ],
    es: [
      'agrégame al snap',
      'pasémonos a telegram',
      '¿tienes whatsapp? pásame tu número',
      'escríbeme a mi otra cuenta',
      'descárgate kik para hablar',
      'mejor háblame por insta',
      'esta app es aburrida, vente a discord',
      '¿cuál es tu snapchat?',
      'escríbeme por signal que es más seguro',
      'sigamos en una app donde los mensajes se borran',
    ],
    pt: [
      'me adiciona no snap',
      'bora pro telegram',
      'tem zap? me passa teu número',
      'me chama na minha outra conta',
      'baixa o kik pra gente conversar',
      'me chama no insta',
      'esse app é chato, vem pro discord',
      'qual é o seu snapchat?',
      'me manda mensagem no signal, é mais seguro',
      'vamos continuar num app onde as mensagens somem',
    ],
    fr: [
      'ajoute-moi sur snap',
      'on passe sur telegram',
      "t'as whatsapp ? donne-moi ton numéro",
      'écris-moi sur mon autre compte',
      "télécharge kik pour qu'on parle",
      'viens en dm sur insta plutôt',
      'cette appli est nulle, viens sur discord',
      "c'est quoi ton snapchat ?",
      "écris-moi sur signal, c'est plus sûr",
      'on continue sur une appli où les messages disparaissent',
    ],
    de: [
      'adde mich auf snap',
      'lass uns auf telegram wechseln',
      'hast du whatsapp? gib mir deine nummer',
      'schreib mir auf meinem anderen account',
      'lad dir kik runter damit wir reden können',
      'schreib mir lieber auf insta',
      'die app ist langweilig, komm auf discord',
      'wie ist dein snapchat?',
      'schreib mir auf signal, das ist sicherer',
      'lass uns in einer app weiterschreiben wo nachrichten verschwinden',
    ],
    it: [
      'aggiungimi su snap',
      'passiamo su telegram',
      'hai whatsapp? dammi il tuo numero',
      "scrivimi sull'altro account",
      'scarica kik così parliamo',
      'scrivimi su insta piuttosto',
      'questa app è noiosa, vieni su discord',
      'qual è il tuo snapchat?',
      'scrivimi su signal, è più sicuro',
      "continuiamo su un'app dove i messaggi spariscono",
    ],
  },
  meeting_request: {
    en: [
      "let's meet up this weekend",
      'can i pick you up after school?',
      'come over to my place saturday',
      'wanna hang out irl sometime',
      'i could drive to your town',
      "where do you live? i'll come see you",
      'we should meet in person',
      'sneak out tonight and meet me',
      "i'll wait for you outside your school",
    ],
    es: [
      '¿te recojo a la salida del cole?',
      'vente a mi casa el sábado',
      '¿quieres que nos veamos en persona?',
      'puedo ir en coche a tu pueblo',
      '¿dónde vives? voy a verte',
      'deberíamos conocernos en persona',
      'escápate esta noche y nos vemos',
      'te espero fuera de tu colegio',
    ],
    pt: [
      'bora se encontrar no fim de semana',
      'posso te buscar na saída da escola?',
      'vem aqui em casa sábado',
      'quer se ver pessoalmente?',
      'posso ir de carro até sua cidade',
      'onde você mora? vou te ver',
      'a gente devia se conhecer pessoalmente',
      'foge hoje à noite e vem me ver',
      'vou te esperar na frente da escola',
    ],
    fr: [
      "je peux venir te chercher après l'école ?",
      'viens chez moi samedi',
      "tu veux qu'on se voie en vrai ?",
      'je pourrais venir en voiture dans ta ville',
      'tu habites où ? je viens te voir',
      'on devrait se rencontrer en vrai',
      'fais le mur ce soir et rejoins-moi',
      "je t'attendrai devant ton collège",
    ],
    de: [
      'lass uns am wochenende treffen',
      'kann ich dich nach der schule abholen?',
      'komm samstag zu mir',
      'willst du dich mal in echt treffen?',
      'ich könnte zu dir in die stadt fahren',
      'wo wohnst du? ich komm dich besuchen',
      'wir sollten uns mal persönlich kennenlernen',
      'schleich dich heute nacht raus und triff mich',
      'ich warte vor deiner schule auf dich',
    ],
    it: [
      'posso venirti a prendere dopo scuola?',
      'ti va di vederci dal vivo?',
      'potrei venire in macchina nella tua città',
      'incontriamoci al parco alle 5',
      'dove abiti? vengo a trovarti',
      'dovremmo conoscerci di persona',
      'esci di nascosto stasera e vediamoci',
      'ti aspetto fuori da scuola',
    ],
  },
  normalising: {
    en: [
      "it's totally normal",
      'everyone your age does this',
      "there's nothing wrong with it",
      "don't worry, it's natural",
      'lots of girls your age have older boyfriends',
      "it's not a big deal",
    ],
    es: [
      'es totalmente normal',
      'todos los de tu edad lo hacen',
      'no tiene nada de malo',
      'tranqui, es natural',
      'muchas chicas de tu edad tienen novios mayores',
    ],
    pt: [
      'é super normal',
      'todo mundo da sua idade faz isso',
      'não tem nada de errado nisso',
      'relaxa, é natural',
      'muitas meninas da sua idade namoram caras mais velhos',
    ],
    fr: [
      "c'est complètement normal",
      'tout le monde à ton âge fait ça',
      "il n'y a rien de mal à ça",
      "t'inquiète, c'est naturel",
      'plein de filles de ton âge ont des copains plus âgés',
    ],
    de: [
      'das ist total normal',
      'alle in deinem alter machen das',
      'da ist nichts schlimmes dabei',
      'keine sorge, das ist natürlich',
      'viele mädchen in deinem alter haben ältere freunde',
      'ist doch keine große sache',
    ],
    it: [
      'è normalissimo',
      'tutti alla tua età lo fanno',
      "non c'è niente di male",
      'tranquilla, è naturale',
      'tante ragazze della tua età hanno fidanzati più grandi',
      'non è niente di che',
    ],
  },
  compliance_test: {
    en: [
      'would you do anything for me?',
      'prove that you trust me',
      "if you really cared you'd do it",
      "show me you're not a baby",
      "you said you'd do whatever i want",
      'do it if you love me',
    ],
    es: [
      '¿harías cualquier cosa por mí?',
      'demuéstrame que confías en mí',
      'si de verdad te importara lo harías',
      'demuéstrame que no eres una niña pequeña',
      'dijiste que harías lo que yo quisiera',
      'hazlo si me quieres',
    ],
    pt: [
      'você faria qualquer coisa por mim?',
      'prova que confia em mim',
      'se você se importasse de verdade faria',
      'mostra que você não é mais criança',
      'você disse que faria o que eu quisesse',
      'faz se você me ama',
    ],
    fr: [
      "tu ferais n'importe quoi pour moi ?",
      'prouve-moi que tu me fais confiance',
      'si je comptais vraiment pour toi tu le ferais',
      "montre-moi que t'es plus un bébé",
      "t'as dit que tu ferais ce que je veux",
      "fais-le si tu m'aimes",
    ],
    de: [
      'würdest du alles für mich tun?',
      'beweis mir dass du mir vertraust',
      'wenn ich dir wirklich wichtig wäre würdest du es machen',
      'zeig mir dass du kein baby mehr bist',
      'du hast gesagt du machst was ich will',
      'mach es wenn du mich liebst',
    ],
    it: [
      'faresti qualsiasi cosa per me?',
      'dimostrami che ti fidi di me',
      'se ci tenessi davvero lo faresti',
      'fammi vedere che non sei più una bambina',
      'hai detto che avresti fatto quello che voglio',
      'fallo se mi vuoi bene',
    ],
  },
};

describe('secrecy, moves, meetings, normalising and pressure read in every language (issue 16, tenth round)', () => {
  for (const [code, byLanguage] of Object.entries(PARITY))
    for (const [language, phrasings] of Object.entries(byLanguage))
      it(`${code} in ${language}: ${phrasings.length} phrasings`, () => {
        const missed = phrasings.filter((t) => !cue(t).includes(code));
        assert.deepEqual(missed, []);
      });

  it('every cue of the group has the same number of phrasings read in all six languages, within two', () => {
    for (const [code, byLanguage] of Object.entries(PARITY)) {
      const counts = Object.values(byLanguage).map((p) => p.length);
      assert.equal(Object.keys(byLanguage).length, 6, code);
      assert.ok(Math.max(...counts) - Math.min(...counts) <= 2, `${code}: ${counts.join(',')}`);
    }
  });
});

describeTwins(
  'parity: the new readings stay quiet on parents, relatives, coaches and shops, and fire on the scripts (issue 16, tenth round)',
  [
    C('en: a cake hidden from dad', [
      A("make sure your dad doesn't see the cake, it's a surprise for sunday"),
      K('ok where is it'),
      A('top shelf in the garage'),
    ]),
    C('en: a coach before the final', [
      A("it's natural to feel nervous before the final"),
      A('everybody your age does the fitness test in may anyway'),
      K('ok coach'),
    ]),
    C('en: a maths teacher', [A('prove that the two triangles are the same, due friday'), K('ok')]),
    C('en: a grandparent collecting', [A('grandpa will pick you up from school at 3:30, your mum knows'), K('ok thanks')]),
    C('es: a present hidden from dad', [A('que tu papá no vea el regalo hasta el domingo, es sorpresa'), K('vale mamá')]),
    C('es: the club app', [A('descarga la app del club para ver los horarios'), A('ven al entrenamiento el sábado a las 10'), K('ok')]),
    C('pt: a present hidden from mum', [A('cuidado pra sua mãe não ver o presente antes de domingo'), K('pode deixar')]),
    C('pt: the school app', [A('baixa o app da escola pra ver as notas'), K('ok professora')]),
    C('fr: a present hidden from mum', [A('fais gaffe que ta mère voie pas le cadeau avant dimanche'), K('oui papa')]),
    C('fr: a coach after the match', [A("c'est naturel d'être fatigué après le match"), A('repose-toi bien'), K('merci')]),
    C('de: a choice of course', [A('das ist natürlich deine entscheidung, welchen kurs du wählst'), K('ok danke')]),
    C('it: a present hidden from mum', [
      A('stai attenta che tua mamma non veda il regalo prima di domenica, è una sorpresa'),
      K('ok papà'),
    ]),
    C('it: homework checked', [A('fammi vedere che hai finito i compiti'), K('ecco')]),
    C('es: an older cousin and a pizza', [A('harías cualquier cosa por una pizza ahora mismo? jaja'), K('siii')]),
  ],
  [
    C('en: pressure, then secrecy', [
      A('you seem so mature for your age'),
      K('lol thx'),
      A('would you do anything for me?'),
      A("your parents don't need to know"),
    ]),
    C('es: a secret and a download', [
      A('esto es nuestro secretito'),
      A('tus padres no tienen por qué saberlo'),
      A('descárgate kik para hablar'),
    ]),
    C('pt: another account and nobody finds out', [A('me chama na minha outra conta'), A('ninguém pode descobrir isso')]),
    C('fr: no "ne" and another account', [A("dis pas à ton père qu'on se parle"), A('écris-moi sur mon autre compte')]),
    C('de: anything for me, then another account', [A('würdest du alles für mich tun?'), A('schreib mir auf meinem anderen account')]),
    C('it: a secret, then waiting at the school', [A('non dire a tuo papà che ci sentiamo'), A('ti aspetto fuori da scuola')]),
  ],
);
