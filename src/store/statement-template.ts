import type { CompiledQuery, Compilable } from 'kysely';
import type { Statement } from './write-set.js';

/** What a template keeps per database: the text and, per parameter, the field of the input it takes. */
interface Compiled {
  sql: string;
  /** Per parameter: the input's field, or undefined for a value `build` itself wrote (`status = 'pending'`). */
  fields: (string | undefined)[];
  /** Per parameter: that value, where `fields` has none. */
  constants: unknown[];
  /** The fields of the input the text was compiled for, in order: an input with others is built afresh. */
  keys: string[];
  /** This key order makes no template (a field in the text or changed): built as before, every time. */
  unusable?: true;
  query: CompiledQuery['query'];
  queryId: CompiledQuery['queryId'];
}

/** Key orders compiled per database; inputs in yet another order are built as before. */
const MAX_VARIANTS = 4;

/** Marks a field's place in the one compile a template makes; never reaches the database. */
const SENTINEL = '\u0000warden-template:';

/**
 * Kysely builds and compiles a query's operation tree on every call: 20-40 µs a statement,
 * most of a rule-runner round's main-thread time (a few statements per alert: history, link,
 * action). A template compiles once per database, with a marker in place of each value, and
 * then fills the parameters of that same text from each call's input, in the order the
 * compile placed them (values `build` writes itself stay as compiled). `build` must use every
 * field of its input as a plain value, never compute with one or branch on one; when a field
 * ends up in the text or changed, or when an input's fields differ from the first
 * one's (another key set or order, an undefined value, which Kysely leaves out of an insert, or an array or object), the
 * query is built as before. So the text and parameters are always exactly what `build` alone
 * gives (statement-template.test.ts checks both dialects).
 */
export function createTemplate<Db extends object, In extends object>(build: (db: Db, input: In) => Compilable) {
  const byDb = new WeakMap<Db, Compiled[]>();

  function compileFor(db: Db, input: In): Compiled {
    const keys = Object.keys(input);
    const marked: Record<string, unknown> = {};
    for (const k of keys) marked[k] = SENTINEL + k;
    const compiled = build(db, marked as In).compile();
    const unusable: Compiled = {
      sql: '',
      fields: [],
      constants: [],
      keys,
      unusable: true,
      query: compiled.query,
      queryId: compiled.queryId,
    };
    // A field that went into the text would be stale on the next call.
    if (compiled.sql.includes(SENTINEL)) return unusable;
    const fields: (string | undefined)[] = [];
    const constants: unknown[] = [];
    const used = new Set<string>();
    for (const p of compiled.parameters) {
      if (typeof p === 'string' && p.includes(SENTINEL)) {
        const field = p.slice(SENTINEL.length);
        // Anything but the marker itself (a field changed on its way in) cannot be refilled.
        if (!p.startsWith(SENTINEL) || !keys.includes(field)) return unusable;
        fields.push(field);
        constants.push(undefined);
        used.add(field);
      } else {
        fields.push(undefined);
        constants.push(p);
      }
    }
    if (used.size !== keys.length) return unusable;
    return { sql: compiled.sql, fields, constants, keys, query: compiled.query, queryId: compiled.queryId };
  }

  /** True when `input` has exactly the template's fields, in the same order (the order of the text's columns), none undefined. */
  function fits(t: Compiled, input: Record<string, unknown>): boolean {
    let i = 0;
    for (const k in input) if (t.keys[i++] !== k) return false;
    return i === t.keys.length;
  }

  function template(db: Db, input: In): Compiled | null {
    const row = input as Record<string, unknown>;
    // Only plain values (strings, numbers, null): Kysely spreads an array into a list of
    // parameters (`in (?, ?)`) and may treat other objects as expressions, so their text
    // depends on the value, and the marker (a string) would compile to something else.
    for (const k in row) {
      const v = row[k];
      if (v === undefined || (typeof v === 'object' && v !== null) || typeof v === 'function') return null;
    }
    let variants = byDb.get(db);
    if (!variants) byDb.set(db, (variants = []));
    for (const t of variants) if (fits(t, row)) return t.unusable ? null : t;
    // A few key orders at most (a row built in code, the same row read back from the store).
    if (variants.length >= MAX_VARIANTS) return null;
    const t = compileFor(db, input);
    variants.push(t);
    return t.unusable ? null : t;
  }

  function fill(t: Compiled, input: In): unknown[] {
    const parameters: unknown[] = [];
    for (let i = 0; i < t.fields.length; i++) {
      const f = t.fields[i];
      parameters.push(f === undefined ? t.constants[i] : (input as Record<string, unknown>)[f]);
    }
    return parameters;
  }

  return {
    /** The query as a write-set statement. */
    statement(db: Db, input: In): Statement {
      const t = template(db, input);
      if (!t) {
        const { sql, parameters } = build(db, input).compile();
        return { sql, parameters };
      }
      return { sql: t.sql, parameters: fill(t, input) };
    },
    /** The query compiled, for `db.executeQuery` (reads): the same text and parameters as `build(db, input).compile()`. */
    compiled(db: Db, input: In): CompiledQuery {
      const t = template(db, input);
      if (!t) return build(db, input).compile();
      const parameters = fill(t, input);
      // The first compile's node and id: the store's Kysely has no plugins that key on either.
      return { sql: t.sql, parameters, query: t.query, queryId: t.queryId };
    },
  };
}
