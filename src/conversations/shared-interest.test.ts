import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runConversationCase, type Line } from '../testing/conversation-cases.js';
import { detectCues, sendersOwn } from './detect-cues.js';

/*
 * Issue 16, seventh round: adults the child has no link with, in a shared-interest setting (a
 * guild, a tournament, a tutoring platform, a help desk). Their early warnings came from an age
 * or grade question asked for a stated purpose the lexicons did not read (an age rule in words,
 * "13 and over", "mayores de 13", "dai 13 anni in su"; a parent's consent the service needs; a
 * tutor choosing the exercises for the year), after a message the model scores high for its
 * words alone (the team's Discord server, "tienes talento"). Each benign conversation has a
 * risky twin in the same setting and language that adds a documented move (whether the parents
 * are home, secrecy, a photo of the child "just for me") and must still raise an alert.
 */
/** The adult writes every line, first, to one child they have no link with (the early warning's setting). */
const run = (lines: string[]) => runConversationCase({ name: '', lines: lines.map((t): Line => ['adult', t]) });

interface Pair {
  name: string;
  benign: string[];
  /** The same setting with a documented move added. */
  twin: string[];
}

const PAIRS: Pair[] = [
  {
    name: 'en guild officer: the team server, then the tournament age rule in words',
    benign: ['hey saw u in the raid, join the guild discord server so u get the raid times', 'the cup is 13 and over btw, how old r u?'],
    twin: ['hey saw u in the raid, join the guild discord server so u get the raid times', 'how old r u? r ur parents home rn?'],
  },
  {
    name: 'en tutor: praise, then the year to choose the worksheets',
    benign: ["great work today, you're a natural at algebra", 'what grade are you in again? so I can pick the right worksheets'],
    twin: ["great work today, you're a natural at algebra", "what grade are you in? you're so mature for your age"],
  },
  {
    name: "en help desk: the age a parent's consent depends on",
    benign: [
      'thanks for contacting support! please continue in the official help center chat',
      'how old are you? parental consent is needed under 13',
    ],
    twin: ['thanks for contacting support!', "how old are you? don't tell your parents we talk"],
  },
  {
    name: 'es: el servidor del equipo y la edad del torneo',
    benign: ['unete al servidor de discord del equipo para los horarios', 'el torneo es para mayores de 13, cuantos años tienes?'],
    twin: ['unete al servidor de discord del equipo para los horarios', 'cuantos años tienes? no le digas a nadie que hablamos'],
  },
  {
    name: 'es: una tutora elogia y pregunta el curso para los ejercicios',
    benign: ['lo haces muy bien, tienes talento', 'en qué curso estás? así te preparo los ejercicios'],
    twin: ['lo haces muy bien, tienes talento', 'en qué curso estás? mándame una foto tuya, solo para mí'],
  },
  {
    name: 'pt: o servidor do time e a idade do campeonato',
    benign: ['entra no servidor do time no discord pra ver os horários', 'o campeonato é pra maiores de 13, quantos anos você tem?'],
    twin: ['entra no servidor do time no discord pra ver os horários', 'quantos anos você tem? não conta pra ninguém que a gente conversa'],
  },
  {
    name: "fr : le serveur de l'équipe et l'âge du tournoi",
    benign: ["rejoins le serveur discord de l'équipe pour les horaires", "le tournoi c'est 13 ans et plus, tu as quel âge ?"],
    twin: ["rejoins le serveur discord de l'équipe pour les horaires", "tu as quel âge ? ne dis à personne qu'on se parle"],
  },
  {
    name: 'de: der Gilden-Discord und das Turnieralter',
    benign: ['komm auf unseren gilden discord fuer die raidzeiten', 'das turnier ist ab 13, wie alt bist du?'],
    twin: ['komm auf unseren gilden discord fuer die raidzeiten', 'wie alt bist du? sag deinen eltern nichts davon'],
  },
  {
    name: 'it: il server della squadra e l’età del torneo',
    benign: ['entra nel server discord della squadra per gli orari', 'il torneo è dai 13 anni in su, quanti anni hai?'],
    twin: ['entra nel server discord della squadra per gli orari', 'quanti anni hai? i tuoi genitori controllano il telefono?'],
  },
  {
    name: 'it: un tutor loda e chiede la classe per gli esercizi',
    benign: ['sei davvero bravo, hai talento', 'che classe fai? così preparo gli esercizi giusti'],
    twin: ['sei davvero bravo, hai talento', 'che classe fai? non dirlo ai tuoi genitori'],
  },
];

describe('adults in shared-interest settings and their risky twins (issue 16, seventh round)', () => {
  for (const p of PAIRS) {
    it(`benign: ${p.name}`, async () => {
      const alerts = await run(p.benign);
      assert.deepEqual(
        alerts.map((a) => `${a.category}/${a.severity}`),
        [],
      );
    });
    it(`risky twin: ${p.name}`, async () => {
      assert.ok((await run(p.twin)).length > 0, 'fires');
    });
  }
});

describe('an age asked for a stated purpose', () => {
  const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);
  it('is no age question when the rule, the consent or the material is named, in every language', () => {
    for (const t of [
      'the cup is 13 and over, how old r u',
      'how old are you? parental consent is needed under 13',
      'what grade are you in again? so I can pick the right worksheets',
      'el torneo es para mayores de 13, cuantos años tienes?',
      'en qué curso estás? así te preparo los ejercicios',
      'o campeonato é pra maiores de 13, quantos anos você tem?',
      "le tournoi c'est 13 ans et plus, tu as quel âge ?",
      'das turnier ist ab 13, wie alt bist du?',
      'il torneo è dai 13 anni in su, quanti anni hai?',
      'che classe fai? così preparo gli esercizi giusti',
    ])
      assert.ok(!own(t).includes('age_question'), t);
  });
  it('is an age question without one, or with a time rather than an age', () => {
    for (const t of [
      'how old r u?',
      'what grade are you in?',
      "how old are you? you don't need your parents' permission for this",
      'cuantos años tienes?',
      'quantos anos você tem?',
      'tu as quel âge ?',
      'wie alt bist du? ich bin ab 16 uhr online',
      'quanti anni hai?',
    ])
      assert.ok(own(t).includes('age_question'), t);
  });
  it("reads the guild's own Discord in German as no move to another app, a private one as one", () => {
    assert.ok(!own('komm auf unseren gilden discord fuer die raidzeiten').includes('platform_move'));
    assert.ok(!own('komm auf den discord server vom team für die zeiten').includes('platform_move'));
    assert.ok(own('komm in den privaten sprachkanal').includes('platform_move'));
  });
});

describe('a prize the child won in a named event', () => {
  const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);
  it("is the event's prize, not a gift to the child", () => {
    for (const t of [
      'congrats! ur the tournament winner, ill send u the prize skin',
      'ganaste el sorteo, te mando la skin',
      'voce ganhou o sorteio, vou te mandar a skin',
      "t'as gagne le giveaway, je t'envoie le skin",
      'du hast das gewinnspiel gewonnen, ich schick dir den skin',
      'hai vinto il giveaway, ti mando la skin',
    ])
      assert.ok(!own(t).includes('gift_offer'), t);
  });
  it('is a gift when no event is named, or when it is only for the child', () => {
    assert.ok(own('ill send u a skin, only for u').includes('gift_offer'));
    assert.ok(own('ill send u the skin code, only for u').includes('gift_offer'));
  });
  it('raises no early warning for the winner, and does for a gift with a question about the parents', async () => {
    assert.deepEqual(await run(['congrats! ur the tournament winner, ill send u the prize skin, whats ur epic id']), []);
    assert.ok((await run(['ill send u the skin code, only for u', 'how old r u? r ur parents home?'])).length > 0);
  });
});

describe("a handle asked for the team's server or its matches", () => {
  const own = (t: string) => sendersOwn(detectCues(t, { identify: false }).cues).map((c) => c.code);
  it('is no move to another app when the destination is the team, clan or guild, in five languages', () => {
    for (const t of [
      'dm me ur discord, we use it for scrims',
      "what's ur discord? need it for the tournament bracket",
      'pásame tu discord para meterte al servidor del equipo',
      'me passa seu discord pra eu te colocar no servidor do time',
      "donne-moi ton discord pour t'ajouter au serveur de la guilde",
      'dammi il tuo discord che ti aggiungo al server del clan',
    ])
      assert.ok(!own(t).includes('platform_move'), t);
  });
  it('is one when it is just the two of them or kept from the parents', () => {
    for (const t of [
      'dm me ur discord, we use it for scrims, just us',
      "add me on discord, don't tell your parents",
      'pásame tu discord, solo tu y yo',
      'dammi il tuo discord, solo noi due',
    ])
      assert.ok(own(t).includes('platform_move'), t);
  });
});
