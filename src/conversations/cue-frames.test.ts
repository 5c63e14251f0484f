import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectCues } from './detect-cues.js';

const codes = (t: string) => detectCues(t).cues.map((c) => c.code);

// Synthetic lines written for these tests: each frame's parts in an order and with words
// between them that no phrase in the lexicon spells out, and everyday lines with some of the
// same parts that must stay quiet.
describe('cue frames', () => {
  it('recognise a threat from its audience, exposure and coercion in any order and language', () => {
    for (const t of [
      'unless you pay, the whole class and your teachers get every screenshot',
      "i saved your contact list. if you don't answer, they all receive it",
      'si no me contestas, todos tus amigos van a saber',
      'se vc nao me pagar, seus colegas vao receber',
      'si tu ne me paies pas, tes amis verront tout',
    ])
      assert.ok(codes(t).includes('exposure_threat'), t);
  });

  it('does not read a parent or a relative talking about photos or consequences as a threat', () => {
    for (const t of [
      "if you don't hurry your mom will get mad",
      "if you don't finish your homework your dad will find out",
      "i'll send the photos from the wedding to your mom",
      'your cousin will see the photos at the reunion',
      'si no haces la tarea tu mama se va a enterar',
    ])
      assert.ok(!codes(t).includes('exposure_threat'), t);
  });

  it('recognise a payment demand from money and a demand on the sender’s behalf', () => {
    for (const t of ['wire 80 dollars to me tonight', 'deposita 50 euros a mi cuenta', 'quero 100 reais no pix', 'il me faut 60 euros'])
      assert.ok(codes(t).includes('payment_demand'), t);
    for (const t of ["i'll send you $20 for your birthday", 'te mando 20 dolares para tu cumple'])
      assert.ok(!codes(t).includes('payment_demand'), t);
  });

  it('recognise a countdown with what happens after it, and not a homework deadline', () => {
    for (const t of [
      'twenty minutes, or everything goes online',
      'cinco minutos o lo comparto',
      'dez minutos ou eu vazo',
      'tu as jusqu a ce soir',
    ])
      assert.ok(codes(t).includes('deadline'), t);
    for (const t of [
      'you have until tomorrow to hand in the essay',
      "tu as jusqu'a demain pour rendre le devoir",
      'tienes hasta manana para entregar la tarea',
    ])
      assert.ok(!codes(t).includes('deadline'), t);
  });

  it('recognise a move to another app wherever the app is named', () => {
    for (const t of [
      'this place is full of mods, switch over to telegram',
      'pasemonos, tengo whatsapp',
      'bora pro telegram, aqui e chato',
      'on continue sur snap ?',
    ])
      assert.ok(codes(t).includes('platform_move'), t);
  });

  it('recognise a request for the child’s photo, and not one for a thing', () => {
    for (const t of [
      'could i have a couple of new selfies, only for me?',
      'quisiera ver unas fotos tuyas',
      'adoraria ver umas fotos de vc',
      "j'aimerais voir des photos de toi",
    ])
      assert.ok(codes(t).includes('image_request'), t);
    for (const t of ['can i see the photos of the science project?', 'quisiera ver las fotos del viaje'])
      assert.ok(!codes(t).includes('image_request'), t);
  });

  it('recognise secrecy about the contact itself, and not about a thing or a surprise with a date', () => {
    for (const t of [
      "you mustn't mention our chats to anybody",
      'si tu mama pregunta, no me conoces',
      'se alguem perguntar, a gente nao se fala... nao conta de mim',
      'tu ne dois pas parler de nous',
    ])
      assert.ok(codes(t).includes('secrecy_request'), t);
    for (const t of [
      'nobody needs to know your grades',
      'keep it quiet, the team is not picked yet',
      'shh, the new bike is a secret until sunday',
      'es un secreto hasta el sabado',
      'c’est un secret jusqu’a noel',
    ])
      assert.ok(!codes(t).includes('secrecy_request'), t);
  });

  it('recognise a meeting asked in private, and not an everyday pick-up', () => {
    for (const t of [
      'we could hang out at my apartment, nobody will know',
      'podemos salir a escondidas el viernes',
      'da pra sair escondida amanha?',
      'on pourrait se voir en cachette',
    ])
      assert.ok(codes(t).includes('meeting_request'), t);
    for (const t of ['we will pick you up after school', 'see you at practice on monday', 'nos vemos en la clase de manana'])
      assert.ok(!codes(t).includes('meeting_request'), t);
  });
});
