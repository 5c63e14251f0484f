import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mapFingerprint } from './fingerprint-types.js';
import { child, parseXml, xmlEscape } from './xml-tree.js';

describe('parseXml (NCMEC answers)', () => {
  it('reads elements, attributes, entities and strips namespace prefixes', () => {
    const root = parseXml(
      '<?xml version="1.0"?><ns:queryResult xmlns:ns="x"><ns:images count="1"><image><id>a&amp;b</id><!-- c --></image></ns:images><paging><next>/v2/entries?a=1&amp;b=2</next></paging></ns:queryResult>',
    );
    assert.equal(root.tag, 'queryResult');
    assert.equal(child(root, 'images')?.attrs.count, '1');
    assert.equal(child(child(child(root, 'images'), 'image'), 'id')?.text, 'a&b');
    assert.equal(child(child(root, 'paging'), 'next')?.text, '/v2/entries?a=1&b=2');
  });

  it('refuses a DOCTYPE (no entity expansion) and malformed documents', () => {
    assert.throws(() => parseXml('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'), /DOCTYPE/);
    assert.throws(() => parseXml('<a><b></a>'), /closing tag/);
    assert.throws(() => parseXml('<a>'), /never closed/);
    assert.throws(() => parseXml('<a/><b/>'), /one root/);
  });

  it('gives back any text it was given escaped, and only ever throws Error on garbage (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        assert.equal(parseXml(`<r>${xmlEscape(text)}</r>`).text, text);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (junk) => {
        try {
          parseXml(junk);
        } catch (e) {
          assert.ok(e instanceof Error);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('mapFingerprint', () => {
  it('stores a value only when it is what its type must be (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('MD5', 'SHA1', 'PDQ', 'md5', 'pdq'), fc.string({ maxLength: 80 }), (type, value) => {
        const m = mapFingerprint('ncmec', type, value);
        if (m.kind === 'stored') assert.match(m.value, /^[0-9a-f]+$/);
        else assert.equal(m.kind, 'invalid');
      }),
      { numRuns: 300 },
    );
    assert.equal(mapFingerprint('ncmec', 'NETCLEAN', 'x').kind, 'unsupported');
    assert.deepEqual(mapFingerprint('stopncii', 'ImagePDQ', 'AB'.repeat(32)), { kind: 'stored', type: 'pdq', value: 'ab'.repeat(32) });
  });
});
