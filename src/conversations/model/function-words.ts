import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { AppError } from '../../core/app-error.js';

/** Shipped beside the model (package.json `files`): function words and chat fillers, per language. */
export const FUNCTION_WORDS_PATH = fileURLToPath(new URL('../../../data/function-words.json', import.meta.url));

const FileSchema = z
  .object({ about: z.string() })
  .catchall(z.array(z.string().regex(/^[a-z0-9'$]+$/, 'lower case, as normalizeText writes')));

/**
 * The words the message model takes no n-grams from, all languages together (a word that is
 * a function word in one is rarely a risk word in another). Checked at load: a bad file names
 * the language and the entry.
 */
export function loadFunctionWords(path = FUNCTION_WORDS_PATH): ReadonlySet<string> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new AppError('config_invalid', `cannot read the function words ${path}: ${(e as Error).message}`, { cause: e });
  }
  const r = FileSchema.safeParse(raw);
  if (!r.success)
    throw new AppError('config_invalid', `function words ${path} are not valid`, {
      issues: r.error.issues.map((i) => ({ field: i.path.join('.') || '(file)', reason: i.message })),
    });
  const { about: _about, ...langs } = r.data;
  return new Set(Object.values(langs).flat());
}

export const FUNCTION_WORDS = loadFunctionWords();
