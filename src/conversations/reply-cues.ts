import { normalizeText } from './normalize-text.js';

/*
 * What a child's reply to an adult says about the contact: a refusal ("leave me alone",
 * "who is this", "I'll tell my mom") or their age ("I'm 13"). Written against `normalizeText`
 * output, in the four languages of the cue lexicon. An adult who goes on after a refusal, or
 * after being told the child's age, is doing so knowingly.
 */
const REFUSAL = new RegExp(
  `(?:^|[^a-z])(?:${[
    // en
    '(?:stop|quit) (?:messaging|texting|talking to|writing to) me',
    'leave me alone',
    "who(?:'?s| is) this",
    'who are (?:you|u)',
    "i (?:don'?t|dont|do not) (?:want to|wanna) (?:talk|do (?:that|this)|send)",
    'no thanks',
    "(?:i'?m|im) (?:going to|gonna) (?:tell|block|report)",
    "i'?ll (?:tell|block|report)",
    "(?:don'?t|dont) (?:message|text|talk to) me",
    // es
    'dejame en paz',
    'no me (?:escribas|hables) mas',
    'quien eres',
    'no quiero',
    'le voy a decir a mi (?:mama|papa|madre|padre)',
    'te voy a (?:bloquear|reportar)',
    // pt
    'me deixa em paz',
    'para de me (?:mandar mensagem|escrever)',
    'quem e (?:voce|vc)',
    'nao quero',
    'vou contar (?:pra|para) (?:minha mae|meu pai)',
    'vou te (?:bloquear|denunciar)',
    // fr
    'laisse[- ]moi tranquille',
    "arrete de m'?ecrire",
    "t'?es qui",
    'qui es[- ]tu',
    'je (?:ne )?veux pas',
    'je vais le dire a (?:ma mere|mon pere)',
    'je vais te bloquer',
  ].join('|')})(?![a-z])`,
);

/** An age from 5 to 17 given by the child, in a form that is about them ("i'm 13", "tengo 13 años"). */
const AGE =
  /(?:^|[^a-z])(?:(?:i'?m|im|i am) (?:only |just )?(1[0-7]|[5-9])(?: years? old| yo| yrs|(?= ?(?:$|[.!?,]| lol| haha| tho| btw| and| why)))|tengo (1[0-7]|[5-9]) anos|tenho (1[0-7]|[5-9]) anos|j'?ai (1[0-7]|[5-9]) ans)/;

export interface ReplyCues {
  refusal: boolean;
  age?: number | undefined;
}

export function detectReplyCues(text: string): ReplyCues {
  const t = normalizeText(text);
  const m = AGE.exec(t);
  const age = m ? Number(m[1] ?? m[2] ?? m[3] ?? m[4]) : undefined;
  return { refusal: REFUSAL.test(t), age };
}
