import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE_MS, adult, at, connect, minor } from '../testing/events.js';
import { createRulesIngest, say } from '../testing/conversation-cases.js';
import { hiddenImageRequest } from './assess-risk.js';
import { STAGE_BIT } from './cue-lexicon.js';

/*
 * A known adult's hidden request for the child's own image (tenth round): secrecy or
 * exclusivity beside a request for a picture of the child counts from any link, family links
 * included; surprises, gifts, a parent's safety check-in, homework, a coach's drill video, a
 * relative's occasion photo and "just between us" praise stay quiet. Synthetic, non-graphic
 * lines in the documented cues only.
 */
const long = at(-60 * 24 * 400);
const KINDS = ['contact', 'friend', 'family'] as const;

const RISKY: Record<string, string[][]> = {
  en: [
    ['send me a selfie, just for me', "don't show your parents ok?"],
    ['send me a pic of you when you are alone in your room'],
    ['send a photo of you, just between us'],
    ['send me a picture of you, only for my eyes'],
    ['can you send me a photo of yourself? dont tell your mom'],
  ],
  es: [['mandame una selfie, solo para mi', 'no se la ensenes a tus padres ok?'], ['mandame una foto tuya cuando estes sola en tu cuarto']],
  pt: [['manda uma selfie, so pra mim', 'nao mostre para seus pais ok?'], ['me manda uma foto sua quando estiver sozinha no seu quarto']],
  fr: [
    ['envoie-moi un selfie, juste pour moi', 'ne la montre à personne'],
    ['envoie-moi une photo de toi quand tu es seule dans ta chambre'],
  ],
  de: [
    ['schick mir ein Selfie, nur für mich', 'zeig es nicht deinen Eltern ok?'],
    ['schick mir ein Foto von dir, wenn du allein in deinem Zimmer bist'],
  ],
  it: [['mandami un selfie, solo per me', 'non farla vedere a nessuno'], ['mandami una foto tua quando sei sola in camera tua']],
};

const BENIGN: Record<string, string[][]> = {
  en: [
    ["we're planning a surprise party for your mum, don't tell her!", "send me a pic of you with the balloons when they're up"],
    ["don't show your brother the present, it's for his birthday", 'send me a pic of you when you give it to him'],
    ["send me a pic when you get there so I know you're safe"],
    ["send me a photo of your homework, only for my eyes, I'll check the maths"],
    ['send me a video of the drill, just for me to check your form'],
    ['happy birthday! send me a pic of you with your cake, grandma wants to see'],
    ["just between us, I think you'll win on Saturday"],
    // A secret about a treat, before a photo or messages away from it, is not about the photo.
    [
      "I've put a little something in your account for your birthday. Don't tell your mum I gave you extra!",
      'can you send me a photo in the new kit?',
    ],
    ["our secret: I'm taking you all to the theme park", 'send me the photo of you with the trophy, I want to frame it'],
    [
      'send me the photo of you with the trophy, I want to frame it',
      'I got you the jersey you wanted',
      "our secret: I'm taking you all to the theme park",
    ],
  ],
  es: [
    ['estamos preparando una fiesta sorpresa para tu mama, no se lo digas!', 'mandame una foto tuya con los globos'],
    ['mandame una foto cuando llegues para saber que estas bien'],
    ['mandame un video del ejercicio, solo para mi, para revisar tu tecnica'],
  ],
  pt: [
    ['estamos fazendo uma festa surpresa pra sua mae, nao conta pra ela!', 'me manda uma foto sua com os baloes'],
    ['me manda uma foto quando chegar pra eu saber que ta tudo bem'],
    ['me manda um video do treino, so pra mim, pra ver sua postura'],
  ],
  fr: [
    ['on prépare une fête surprise pour ta mère, ne lui dis rien !', 'envoie-moi une photo de toi avec les ballons'],
    ['envoie-moi une photo quand tu arrives pour que je sache que tout va bien'],
    ["envoie-moi une vidéo de l'exercice, juste pour moi pour corriger ta posture"],
  ],
  de: [
    ['wir planen eine Überraschungsparty für deine Mama, sag ihr nichts!', 'schick mir ein Foto von dir mit den Ballons'],
    ['schick mir ein Foto, wenn du angekommen bist, damit ich weiß, dass alles gut ist'],
    ['schick mir ein Video von der Übung, nur für mich, um deine Haltung zu prüfen'],
  ],
  it: [
    ['stiamo organizzando una festa a sorpresa per la mamma, non dirle niente!', 'mandami una foto tua con i palloncini'],
    ['mandami una foto quando arrivi così so che stai bene'],
    ["mandami un video dell'esercizio, solo per me, per controllare la tua postura"],
  ],
};

let n = 0;
async function run(kind: string, lines: string[]) {
  const ingest = await createRulesIngest(BASE_MS + 3600_000 * 24 * 400);
  const i = ++n;
  await ingest(adult(`a${i}`, long), minor(`c${i}`, '13-15', long), connect(`c${i}`, `a${i}`, kind, long));
  return ingest(...lines.map((l, j) => say(`k${i}`, `a${i}`, `c${i}`, l, 5 + j)));
}

describe('a known adult hidden request for the child image', () => {
  it('needs a secret paired with a request for the child image', () => {
    const { exclusivity_secrecy: secret, image_request: image } = STAGE_BIT;
    assert.equal(hiddenImageRequest(secret | image, true)?.category, 'solicitation');
    assert.equal(hiddenImageRequest(secret | image, true)?.severity, 'high');
    assert.equal(hiddenImageRequest(secret | image, false), undefined, 'a secret about something else');
    assert.equal(hiddenImageRequest(image, true), undefined);
    assert.equal(hiddenImageRequest(secret | STAGE_BIT.meeting_request, true), undefined);
  });

  for (const [lang, convs] of Object.entries(RISKY))
    for (const lines of convs)
      for (const kind of KINDS)
        it(`fires over a ${kind} link (${lang}): ${lines.join(' / ')}`, async () => {
          const out = await run(kind, lines);
          const a = out.find((x) => x.category === 'solicitation');
          assert.ok(a, JSON.stringify(out.map((x) => x.category)));
          assert.equal(a.severity, 'high');
          const codes = a.reasons.map((r) => r.code);
          for (const c of ['secrecy_request', 'image_request', 'hidden_image_request'])
            assert.ok(codes.includes(c), `${c} in ${codes.join(',')}`);
        });

  it('counts a secret in the adult next message after the request, not one two messages on', async () => {
    const next = await run('family', ['send me a pic of you', 'dont tell your mom ok?']);
    assert.ok(next.some((a) => a.category === 'solicitation' && a.severity === 'high'));
    const later = await run('family', ['send me a pic of you', 'how was school?', 'dont tell your mom ok?']);
    assert.equal(
      later.some((a) => a.reasons.some((r) => r.code === 'hidden_image_request')),
      false,
    );
  });

  for (const [lang, convs] of Object.entries(BENIGN))
    for (const lines of convs)
      for (const kind of KINDS)
        it(`stays quiet over a ${kind} link (${lang}): ${lines.join(' / ')}`, async () => {
          const out = await run(kind, lines);
          assert.deepEqual(
            out.map((x) => `${x.category}:${x.reasons.map((r) => r.code).join(',')}`),
            [],
          );
        });
});
