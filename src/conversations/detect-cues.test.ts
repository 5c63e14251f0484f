import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCues } from './detect-cues.js';

const codes = (t: string) =>
  detectCues(t)
    .cues.map((c) => c.code)
    .sort();

describe('detectCues', () => {
  it('finds each documented cue in English, Spanish, Portuguese and French', () => {
    const cases: [string, string][] = [
      ['how old are u?', 'age_question'],
      ['¿Cuántos años tienes?', 'age_question'],
      ['quantos anos vc tem', 'age_question'],
      ["t'as quel âge ?", 'age_question'],
      ['are your parents home right now', 'parents_present'],
      ['you are so mature for your age', 'compliment_maturity'],
      ["i'll buy you robux", 'gift_offer'],
      ["don't tell your mom we talk", 'secrecy_request'],
      ['no le digas a nadie', 'secrecy_request'],
      ['nosso segredo, ok?', 'secrecy_request'],
      ['ne dis rien à personne', 'secrecy_request'],
      ['add me on snapchat', 'platform_move'],
      ['me chama no zap', 'platform_move'],
      ['ajoute-moi sur snap', 'platform_move'],
      ['send me a pic', 'image_request'],
      ['show me a pic of your face', 'image_request'],
      ['can you send a new pic of yourself', 'image_request'],
      ['tell me your address', 'meeting_request'],
      ['i need $150 by tonight', 'payment_demand'],
      ['tick tock', 'deadline'],
      ['nobody needs to know we talk', 'secrecy_request'],
      // Added 2026-11-30 after fresh11 and fresh12 (new wordings, not their lines).
      ['so when were you born?', 'age_question'],
      ['cuando naciste?', 'age_question'],
      ['quando vc nasceu?', 'age_question'],
      ['en quelle annee tu es nee ?', 'age_question'],
      ['what class of high school are you in', 'age_question'],
      ["i'll give you ten minutes", 'deadline'],
      ['te doy cinco minutos', 'deadline'],
      ['i have never met somebody so grown up', 'compliment_maturity'],
      ['nunca conoci a nadie tan especial', 'compliment_maturity'],
      ['you are really beautiful', 'compliment_appearance'],
      ['i got you a little something', 'gift_offer'],
      ["i'm going to post it all, your entire school will know", 'exposure_threat'],
      ['vou espalhar tudo pros seus contatos', 'exposure_threat'],
      ['are you old enough to drive yet?', 'age_question'],
      ['mándame una foto', 'image_request'],
      ["it's totally normal", 'normalising'],
      ['prove you trust me', 'compliance_test'],
      ['where do you live', 'meeting_request'],
      ['on se voit en vrai ?', 'meeting_request'],
      ["i'll send your pics to all your followers", 'exposure_threat'],
      ['vou mandar suas fotos para sua familia', 'exposure_threat'],
      ['pay me $200 in a steam card', 'payment_demand'],
      ['you have 30 minutes', 'deadline'],
      ['my number is +1 555 010 9999', 'contact_details'],
      // Named apps in every language (these patterns once held the app list as literal text).
      ['hablemos por telegram', 'platform_move'],
      ['fala comigo no whatsapp', 'platform_move'],
      ['parlons sur snap', 'platform_move'],
      ["let's chat on discord", 'platform_move'],
      ['my snap is sk8r_kid', 'contact_details'],
      ['add my snapchat: sk8r_kid', 'contact_details'],
      ['my insta is @lil.dani', 'contact_details'],
      // Added 2026-11-30 after fresh14 (new wordings as classes, not its lines).
      ['how young are u really', 'age_question'],
      ['em que ano vc nasceu?', 'age_question'],
      ['you deserve somebody who really listens to you', 'compliment_maturity'],
      ['mas madura que los de tu edad', 'compliment_maturity'],
      ['personne te comprend comme moi', 'compliment_maturity'],
      ['i can get you a roblox card', 'gift_offer'],
      ['let me buy you the battle pass', 'gift_offer'],
      ['any selfies u could send?', 'image_request'],
      ['muestrame como te ves', 'image_request'],
      ['me mostra como vc ta hoje', 'image_request'],
      ['paso por ti mañana', 'meeting_request'],
      ['ne parle pas de moi a ta soeur', 'secrecy_request'],
      ['im counting down now', 'deadline'],
      ['everybody at your school is gonna see these pics', 'exposure_threat'],
      ['tu escuela entera va a ver estas fotos', 'exposure_threat'],
      ['a sua turma inteira vai ver essas fotos', 'exposure_threat'],
      ['ta classe va voir ces photos', 'exposure_threat'],
      // Added 2026-11-30 after fresh15.
      ['r u still in elementary?', 'age_question'],
      ['you sound about 13', 'age_question'],
      ['so smart for someone so young', 'compliment_maturity'],
      ['tan lista para alguien tan joven', 'compliment_maturity'],
      ["here's my cell, text me", 'platform_move'],
      ['made a private group on telegram', 'platform_move'],
      ['i can meet you outside the mall', 'meeting_request'],
      ['je pourrais te retrouver devant le cinema', 'meeting_request'],
      ['your classmates are about to see it all', 'exposure_threat'],
      ['send the money or i post it', 'payment_demand'],
      ['pagame o ya veras', 'payment_demand'],
      ['10 mins, starting now', 'deadline'],
      ['you have until 9pm', 'deadline'],
      ['o teu tempo ta acabando', 'deadline'],
      ['fais une photo maintenant et envoie-la', 'image_request'],
      // Added 2026-11-30 after fresh16.
      ['wut age r u', 'age_question'],
      ['r u even 14', 'age_question'],
      ['vc tem quantos anos?', 'age_question'],
      ["t'es en quelle classe", 'age_question'],
      ['ur so much more mature than ppl my age', 'compliment_maturity'],
      ["i'll get you the shoes you wanted", 'gift_offer'],
      ['ill give u $50', 'gift_offer'],
      ['quieres robux?', 'gift_offer'],
      ['je t offre la veste que tu voulais', 'gift_offer'],
      ['can i have a pic?', 'image_request'],
      ['tu m envoies une photo ?', 'image_request'],
      ["i'm going to spread your videos all over", 'exposure_threat'],
      ['tu clase entera lo va a ver', 'exposure_threat'],
      ['a turma inteira vai ver isso.', 'exposure_threat'],
      ['je vais balancer tes photos partout', 'exposure_threat'],
      ["time's nearly up", 'deadline'],
      ['tienes 10 mins', 'deadline'],
    ];
    for (const [text, code] of cases) assert.ok(codes(text).includes(code), `${text} -> ${codes(text).join(',')}`);
  });

  it('sees through disguises', () => {
    assert.ok(codes('d o n t  t e l l  anyone').includes('secrecy_request') || codes('d o n t tell anyone').includes('secrecy_request'));
    assert.ok(codes('add me on s n a p').includes('platform_move'));
    assert.ok(codes('k33p it s3cr3t').includes('secrecy_request'));
    assert.ok(codes('how\u200b old are you').includes('age_question'));
    assert.ok(codes('sеnd mе а рic').includes('image_request'), 'Cyrillic lookalikes');
    assert.ok(codes('ＳＥＮＤ ＭＥ Ａ ＰＩＣ').includes('image_request'), 'fullwidth');
    assert.ok(codes('🤫 ok?').includes('secrecy_request'), 'emoji as a word');
  });

  it('tells a surprise for someone else from a secret kept about the contact, and an offered gift card from a demanded one', () => {
    for (const t of [
      "don't tell your dad, we're planning a party for him",
      "keep it between us, it's mom's present",
      'no le digas a nadie, es una sorpresa',
      'ne dis rien a personne, on prepare une fete pour ta mere',
    ])
      assert.ok(!codes(t).includes('secrecy_request'), t);
    for (const t of [
      "let's keep the gift a secret from your brother",
      'keep the present a secret ok',
      "Don't tell your mum, but I'm bringing a cake on Sunday",
    ])
      assert.ok(!codes(t).includes('secrecy_request'), t);
    for (const t of ["your parents don't need to know about me", 'tus papas no tienen que saber de mi', 'ce sera notre petit secret'])
      assert.ok(codes(t).includes('secrecy_request'), t);
    for (const t of [
      "don't tell anyone about the gift i sent you",
      'this stays between me and you',
      'que quede entre tu y yo',
      'ca reste entre toi et moi',
    ])
      assert.ok(codes(t).includes('secrecy_request'), t);
    assert.ok(!codes("don't tell anyone the code for the private lobby").includes('secrecy_request'), 'a secret about a thing');
    assert.ok(!codes('dont tell anyone our base coords').includes('secrecy_request'), 'a secret about our thing');
    assert.ok(!codes("don't tell your dad about the present").includes('secrecy_request'), 'a present, not said to be from the sender');
    assert.ok(codes("don't tell your mom about the messages").includes('secrecy_request'), 'a secret about the contact');
    assert.deepEqual(codes('i could get you a gift card if you want'), ['gift_offer']);
    assert.deepEqual(codes('tu veux une carte cadeau ?'), ['gift_offer']);
    assert.ok(codes('je veux une carte cadeau').includes('payment_demand'), 'the same words, asked for');
    assert.ok(codes('i want a gift card').includes('payment_demand'));
    assert.ok(codes('buy me steam cards and send the codes').includes('payment_demand'));
    assert.ok(codes('pay $300 and i delete everything').includes('payment_demand'));
    // The other side of the classes added after fresh14.
    for (const t of [
      'i can get you a ride to practice',
      "we're counting down the days to summer",
      'me mostra como vc ta fazendo a conta',
      'everyone will get a medal',
      'you have until friday to hand it in',
      'send me a pic of page 42',
      'ya vuelvo, desde ya te digo',
      'can i get a pic of the trophy',
      'tu familia va a ver el partido',
      'a turma inteira vai ver o jogo amanha',
      'tu m envoies une photo du menu ?',
    ])
      assert.deepEqual(codes(t), [], t);
    for (const t of ["don't tell your dad, i got him the tickets he wanted", 'keep it secret from the other guild'])
      assert.ok(!codes(t).includes('secrecy_request'), t);
    assert.ok(!codes('keep our play a secret from the other team').includes('secrecy_request'), "a team's secret from the other side");
  });

  it('marks the age question as everyday from an adult the child is connected to, and only it', () => {
    const everyday = (t: string) =>
      detectCues(t)
        .cues.filter((c) => c.everydayWhenConnected)
        .map((c) => c.code);
    assert.deepEqual(everyday('how old are you now?'), ['age_question']);
    assert.deepEqual(everyday('are you home alone? keep this between us'), []);
  });

  it('stays quiet on everyday messages', () => {
    for (const t of [
      'join our whatsapp group for match times',
      "it's our secret, we're surprising dad on sunday",
      'send me a picture of where you are',
      'send me a pic of your graduation outfit',
      'send me a pic from your recital',
      'practice moved to 5pm, bring water',
      'did you finish the math homework?',
      'great game today team!',
      'happy birthday!! see you at grandma on sunday',
      'gg wp',
      // An app's name is a whole word: not the start of another word before a full stop.
      'deine mutter hat mir das programm installiert.',
      "c'est signalé.",
      '',
    ]) {
      assert.deepEqual(codes(t), [], t);
    }
  });
});
