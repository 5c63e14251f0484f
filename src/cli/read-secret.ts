import type { Readable, Writable } from 'node:stream';

/** What readSecret needs of a terminal: process.stdin when it is a TTY. */
export type SecretInput = Readable & { isTTY?: boolean; setRawMode?(raw: boolean): unknown };

/**
 * A secret from standard input. Piped, it is the whole input less one final newline. On a
 * terminal it is prompted for on `prompt` (stderr, so stdout stays the command's output)
 * with echo off: raw mode, so the terminal never prints what is typed. Backspace edits;
 * Enter ends; Ctrl-C or Ctrl-D on an empty line aborts with undefined.
 */
export async function readSecret(input: SecretInput, prompt: Writable, question: string): Promise<string | undefined> {
  if (!input.isTTY || !input.setRawMode) {
    const chunks: Buffer[] = [];
    for await (const c of input) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
    return Buffer.concat(chunks)
      .toString('utf8')
      .replace(/\r?\n$/, '');
  }
  prompt.write(question);
  input.setRawMode(true);
  input.resume();
  let typed = '';
  try {
    return await new Promise<string | undefined>((resolve) => {
      const onData = (d: Buffer | string) => {
        for (const ch of typeof d === 'string' ? d : d.toString('utf8')) {
          if (ch === '\r' || ch === '\n') return done(typed);
          if (ch === '\u0003' || (ch === '\u0004' && typed === '')) return done(undefined);
          if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
          else if (ch >= ' ') typed += ch;
        }
      };
      const done = (v: string | undefined) => {
        input.off('data', onData);
        resolve(v);
      };
      input.on('data', onData);
    });
  } finally {
    input.setRawMode(false);
    input.pause();
    prompt.write('\n');
  }
}
