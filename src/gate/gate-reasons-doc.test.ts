import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { REASONS } from './gate.js';

/** Platforms branch on reason codes (gate.ts: "Stable"), so the documented list is the contract: it must name every one. */
describe('documented gate reasons', () => {
  it('lists every reason code the gate can give, and no other', () => {
    const doc = readFileSync(new URL('../../docs/protocol-extensions.md', import.meta.url), 'utf8');
    const section = /`reasons\[\]\.code` is one of ([^.]+)\./.exec(doc)?.[1];
    assert.ok(section, 'the Decisions section names the reason codes');
    const documented = [...section.matchAll(/`([a-z0-9_]+)`/g)].map((m) => m[1]).sort();
    assert.deepEqual(documented, REASONS.map(([code]) => code).sort());
  });
});
