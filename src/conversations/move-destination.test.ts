import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { A, describeTwins, K, runConversationCase, type ConversationCase, type Line } from '../testing/conversation-cases.js';
import { createConversationTracker } from './conversation-tracker.js';
import { detectCues, sendersOwn, stageMask } from './detect-cues.js';
import { earlyWarningReady, saidToGroup } from './early-warning.js';
import { sharedDestination } from './speech-acts.js';

/*
 * Issue 16, ninth round: a move to another app read by where it goes and who is there. An adult
 * the child has no link with (a teammate after a match, a guild officer, a coach, a stream mod)
 * asks the child onto the team's server, voice channel or tournament channel, or says it to a
 * whole group chat: the move's stage is kept, but alone it raises nothing (`early-warning.ts`
 * waits for a second stage). Each benign conversation has a risky twin in the same setting: a
 * private destination ("just us", "my private discord", a DM), or the same shared move with a
 * secret, an age question, a gift or a photo request; every twin fires, and a bare move to a
 * private place fires at the move itself, as before this round.
 */
const DM = (name: string, lines: Line[]): ConversationCase => ({ name, lines });
/** A group chat: the adult writes to the child and three other children. */
const GROUP = (name: string, lines: Line[]): ConversationCase => ({ name, lines, group: 3 });

// After praise the message model reads as risky ("ur cracked at this game fr" 0.83), which lifts
// the conversation's risk before the move: the setting of held-out set 1's gaming false alarms.
const enMatch = [A('gg that was a crazy match'), K('ty lol'), A('ur cracked at this game fr'), K('thx')];
const esMatch = [A('gg, que partida'), K('jaja gracias'), A('juegas muy bien, de verdad'), K('gracias')];
const ptMatch = [A('gg, que partida'), K('valeu'), A('você joga muito bem'), K('valeu')];
const frMatch = [A('gg, quel match'), K('merci'), A('tu joues trop bien'), K('merci')];
const deMatch = [A('gg, krasses match'), K('danke'), A('du spielst richtig gut'), K('danke')];
const itMatch = [A('gg, che partita'), K('grazie'), A('giochi davvero bene'), K('grazie')];

describeTwins(
  'a move to another app that goes somewhere shared (issue 16, ninth round)',
  [
    DM('en: a teammate, "we all use it for voice"', [...enMatch, A('add me on discord, we all use it for voice')]),
    DM('en: a teammate, the squad in voice there', [
      A('gg ur cracked'),
      K('ty'),
      A('join our discord server, the whole squad hops in voice there'),
    ]),
    DM('en: a coach, teammates named as there', [
      A('nice game today, you played really well'),
      K('thanks coach'),
      A('hop on discord tonight for practice, jake and sam will be there too'),
    ]),
    DM('en: a stream mod, the mod channel', [
      A('hey thanks for modding the stream, ur doing great'),
      K('np'),
      A('add me on discord so i can get u into the mod chat with the other mods'),
    ]),
    GROUP('en: a guild officer to the guild group', [
      A('gg all, great raid tonight'),
      A('ur all cracked fr'),
      K('lol ty'),
      A('everyone add me on discord for raid night'),
    ]),
    DM('en: a raid leader, a handle for raid night', [
      A('gg, good pulls tonight'),
      K('ty'),
      A('my discord is raidlead_22, add me for raid night with the guild'),
    ]),
    DM('es: un compañero, "todos usamos el canal de voz"', [...esMatch, A('agrégame en discord, todos usamos el canal de voz del equipo')]),
    GROUP('es: el líder del clan al grupo', [
      A('buena raid, equipo'),
      A('sois unos cracks'),
      A('agregadme en discord para la raid del viernes'),
    ]),
    DM('pt: um colega, o canal de voz do time', [...ptMatch, A('me adiciona no discord, todo mundo do time usa o canal de voz')]),
    GROUP('pt: o capitão ao grupo do time', [A('bom treino, time'), A('me chamem no discord pro campeonato de sábado')]),
    DM('fr: un coéquipier, toute l’équipe en vocal', [...frMatch, A("ajoute-moi sur discord, toute l'equipe est sur le vocal")]),
    GROUP('fr: un officier de guilde au groupe', [A('beau raid ce soir'), A('ajoutez-moi sur discord pour le raid de vendredi')]),
    DM('de: ein Mitspieler, der Voice-Channel vom Team', [...deMatch, A('adde mich auf discord, wir sind alle im voice channel vom team')]),
    DM('de: ein Mitspieler, zum Raid mit der Gilde', [...deMatch, A('adde mich auf discord, fuer den raid am freitag mit der gilde')]),
    DM('de: ein Trainer, der Teamchat', [
      A('gutes training heute'),
      K('danke'),
      A('komm auf discord in den trainings-channel, jonas und lea sind auch dabei'),
    ]),
    DM('it: un compagno, il canale vocale della squadra', [...itMatch, A('aggiungimi su discord, tutta la squadra usa il canale vocale')]),
    GROUP('it: un allenatore al gruppo, Telegram perché gli SMS non arrivano', [
      A('allenamento spostato a domani'),
      A('scrivetemi tutti su telegram, gli sms non arrivano'),
    ]),
    GROUP('it: il capo clan al gruppo', [
      A('bel raid stasera'),
      A('siete fortissimi'),
      A('aggiungetemi su discord per il raid di venerdì'),
    ]),
  ],
  [
    DM('en: a private messenger after the match', [...enMatch, A('add me on snap')]),
    DM('en: "a server with only us"', [A('gg ur cracked'), K('ty'), A('add me on discord, a server with only us')]),
    DM('en: the squad server and an age question', [
      A('gg ur cracked'),
      K('ty'),
      A('join our discord server, the whole squad hops in voice there. how old r u?'),
    ]),
    DM('en: teammates named, then a secret', [
      A('nice game today, you played really well'),
      K('thanks coach'),
      A('hop on discord tonight for practice, jake and sam will be there too'),
      K('ok'),
      A("don't tell your parents we talk"),
    ]),
    GROUP('en: the guild group, and a secret', [
      A('gg all, great raid tonight'),
      A('ur all cracked fr'),
      K('lol ty'),
      A('add me on discord for raid night, dont tell ur parents'),
    ]),
    GROUP('en: the guild group, one child @-mentioned', [
      A('gg all, great raid tonight'),
      A('@kai ur cracked fr'),
      K('lol ty'),
      A('@kai move to discord, easier there'),
    ]),
    GROUP('en: the guild group, the child alone in a DM', [
      A('gg all, great raid tonight'),
      A('ur all cracked fr'),
      K('lol ty'),
      A('add me on snap, just you'),
    ]),
    DM('en: a raid leader, a handle and "just us"', [
      A('gg, good pulls tonight'),
      K('ty'),
      A('my discord is raidlead_22, add me, just us'),
    ]),
    GROUP('es: el grupo y "los mods leen esto"', [
      A('buena raid, equipo'),
      A('sois unos cracks'),
      A('escríbeme en snap, los mods leen esto'),
    ]),
    GROUP('it: al gruppo, "gli altri non devono saperlo"', [
      A('allenamento spostato a domani'),
      A('scrivimi su telegram, gli altri non devono saperlo'),
    ]),
    DM('es: "solo tú y yo"', [...esMatch, A('agrégame en snap, solo tú y yo')]),
    GROUP('es: el grupo del clan y una foto', [
      A('buena raid, equipo'),
      A('sois unos cracks'),
      A('agregadme en discord y mándame una foto tuya'),
    ]),
    DM('pt: "só nós dois"', [...ptMatch, A('me chama no whatsapp, só nós dois')]),
    DM('pt: o canal do time e um presente', [
      ...ptMatch,
      A('me adiciona no discord, todo mundo do time usa o canal de voz, te dou uma skin de presente'),
    ]),
    DM('fr: "juste toi et moi"', [...frMatch, A('ajoute-moi sur snap, juste toi et moi')]),
    DM('fr: le vocal de l’équipe et une photo', [
      ...frMatch,
      A("ajoute-moi sur discord, toute l'equipe est sur le vocal"),
      K('ok'),
      A('envoie-moi une photo de toi'),
    ]),
    DM('de: "nur wir zwei"', [...deMatch, A('schreib mir auf snap, nur wir zwei')]),
    DM('de: der Teamchat und ein Geschenk', [
      A('gutes training heute'),
      K('danke'),
      A('komm auf discord in den trainings-channel, ich schenke dir einen skin'),
    ]),
    DM('it: "solo noi due"', [...itMatch, A('scrivimi su whatsapp, solo noi due')]),
    GROUP('it: il gruppo del clan e l’età', [A('bel raid stasera'), A('siete fortissimi'), A('aggiungetemi su discord, quanti anni hai?')]),
  ],
);

describe('a bare move to a private place still warns at the move (issue 16, ninth round)', () => {
  const cases: [string, Line[], number][] = [
    ['en: first message', [A('hey add me on snap')], 0],
    ['en: after praise the model reads', [...enMatch, A('add me on snap')], 4],
    ['en: "text me on whatsapp, just me and you"', [A('nice game'), K('ty'), A('text me on whatsapp, just me and you')], 2],
    ['es: after praise', [...esMatch, A('agrégame en snap, solo tú y yo')], 4],
    ['fr: after praise', [...frMatch, A('ajoute-moi sur snap, juste toi et moi')], 4],
    ['it: after praise', [...itMatch, A('scrivimi su whatsapp, solo noi due')], 4],
  ];
  for (const [name, lines, at] of cases)
    it(name, async () => {
      const alerts = await runConversationCase({ name, lines });
      assert.ok(alerts.length > 0, 'fires');
      assert.ok(alerts[0]!.evidence.at(-1)!.endsWith(`_${at}`), `first alert at message ${at}: ${alerts[0]!.evidence.join(',')}`);
    });
});

describe('where a move goes (speech acts, six languages)', () => {
  const move = (text: string, toGroup = false) => {
    const m = sendersOwn(detectCues(text).cues).find((c) => c.code === 'platform_move');
    assert.ok(m, `a move: ${text}`);
    return sharedDestination(m, toGroup);
  };
  it('a place a group shares', () => {
    for (const t of [
      'add me on discord, we all use it for voice',
      'add me on discord, the tournament channel has the bracket',
      'agrégame en discord, entra al canal de voz del equipo',
      'me adiciona no discord, o canal de voz do time tem os horários',
      "ajoute-moi sur discord, le salon vocal de l'equipe a les horaires",
      'adde mich auf discord, komm in den gildenserver',
      'aggiungimi su discord, ci siamo tutti in vocale',
    ])
      assert.equal(move(t), true, t);
  });
  it('a private place, or none named', () => {
    for (const t of [
      'add me on snap',
      'add me on discord, the team server is boring, just us in dms',
      'agrégame en discord, un servidor privado para los dos',
      'me adiciona no discord, só nós dois',
      'ajoute-moi sur discord, en privé',
      'adde mich auf discord, nur du und ich',
      'aggiungimi su discord, in privato',
    ])
      assert.equal(move(t), false, t);
  });
  it('said to a group chat: shared unless it names a private place', () => {
    assert.equal(move('everyone add me on discord for raid night', true), true);
    assert.equal(move('add me on snap, just you', true), false);
    assert.equal(move('agrégame en snap, en privado', true), false);
    assert.equal(move('text me on kik, the mods read this', true), false);
    assert.equal(move('me chama no telegram, os mods leem isso aqui', true), false);
    assert.equal(move('schreib mir auf snap, nicht hier', true), false);
    assert.equal(move('écris-moi sur snap, les modos lisent tout', true), false);
  });
});

describe('earlyWarningReady on a move (issue 16, ninth round)', () => {
  /** The adult's messages as the tracker keeps them (each at model probability 0.9); whether the last may warn. */
  const ready = (texts: string[], toGroup = false) => {
    const tracker = createConversationTracker();
    let last = { eventId: '', cues: [] as ReturnType<typeof sendersOwn>, p: 0.9, toGroup };
    let st;
    for (const [i, text] of texts.entries()) {
      const cues = sendersOwn(detectCues(text, { identify: false }).cues);
      st = tracker.record('c', 'adult', { eventId: `e${i}`, tsMs: i, cues, p: 0.9, grams: ['w'] }, stageMask(cues));
      last = { eventId: `e${i}`, cues, p: 0.9, toGroup };
    }
    return earlyWarningReady(st!, last, false);
  };
  it('waits while every move goes somewhere shared', () => {
    assert.equal(ready(['add me on discord, we all use it for voice']), false);
    assert.equal(ready(['add me on discord, we all use it for voice', 'the tournament channel has the bracket, add me there too']), false);
    assert.equal(ready(['everyone add me on discord for tonight'], true), false);
  });
  it('warns at a second stage, or at a move to a private place', () => {
    assert.equal(ready(['add me on discord, we all use it for voice', 'how old r u btw']), true);
    assert.equal(ready(['add me on discord, we all use it for voice', 'add me on snap too, just us']), true);
    assert.equal(ready(['add me on snap']), true);
    assert.equal(ready(['add me on discord']), true);
    assert.equal(ready(['add me on snap, just you'], true), true);
  });
  it('a group message with an @-mention is said to that child', () => {
    assert.equal(saidToGroup('everyone add me on discord for raid night', 4), true);
    assert.equal(saidToGroup('@Kai move to discord, easier there', 4), false);
    assert.equal(saidToGroup('add me on discord', 1), false);
    assert.equal(saidToGroup('mail me at coach@club.org for the form', 4), true);
  });
});
