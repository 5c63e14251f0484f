import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { z } from 'zod';
import { parseJsonLines } from './parse-json-lines.js';

const Row = z.strictObject({ id: z.string().min(1), n: z.number().int(), tags: z.array(z.string()).optional() });

describe('parseJsonLines', () => {
  it('keeps good lines and reports each bad one by line and field', () => {
    const text = [
      JSON.stringify({ id: 'a', n: 1 }),
      '',
      '{oops',
      JSON.stringify({ id: 'b', n: 1.5, tags: ['x', 2] }),
      JSON.stringify({ id: 'a', n: 2 }),
      JSON.stringify({ id: 'c', n: 3, extra: true }),
      '  ' + JSON.stringify({ id: 'd', n: 4 }) + '  ',
    ].join('\n');
    const { rows, errors } = parseJsonLines(text, Row, { keyOf: (r) => r.id, keyField: 'id' });
    assert.deepEqual(
      rows.map((r) => r.id),
      ['a', 'd'],
    );
    assert.deepEqual(
      errors.map((e) => [e.line, e.field]),
      [
        [3, '(line)'],
        [4, 'n'],
        [4, 'tags.1'],
        [5, 'id'],
        [6, '(line)'],
      ],
    );
    assert.match(errors[0]!.reason, /not JSON/);
    assert.match(errors[3]!.reason, /a appears twice/);
  });

  it('allows repeated keys when none is asked for', () => {
    const { rows, errors } = parseJsonLines('{"id":"a","n":1}\n{"id":"a","n":2}\n', Row);
    assert.equal(rows.length, 2);
    assert.equal(errors.length, 0);
  });
});
