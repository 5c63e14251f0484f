import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { BAND, ageInYears, bandAtDate, packDate, packedUtcDate } from './age-band.js';

describe('age bands from birth dates', () => {
  it('turns 13, 16 and 18 on the birthday, not a day before', () => {
    const birth = packDate(2010, 6, 15);
    assert.equal(bandAtDate(birth, packDate(2023, 6, 14)), BAND.under13);
    assert.equal(bandAtDate(birth, packDate(2023, 6, 15)), BAND['13-15']);
    assert.equal(bandAtDate(birth, packDate(2026, 6, 14)), BAND['13-15']);
    assert.equal(bandAtDate(birth, packDate(2026, 6, 15)), BAND['16-17']);
    assert.equal(bandAtDate(birth, packDate(2028, 6, 14)), BAND['16-17']);
    assert.equal(bandAtDate(birth, packDate(2028, 6, 15)), BAND.adult);
  });

  it('counts a 29 February birthday as reached on 1 March in common years', () => {
    const birth = packDate(2008, 2, 29);
    assert.equal(ageInYears(birth, packDate(2026, 2, 28)), 17);
    assert.equal(ageInYears(birth, packDate(2026, 3, 1)), 18);
    assert.equal(ageInYears(birth, packDate(2028, 2, 29)), 20);
  });

  it('uses the UTC calendar date of an instant', () => {
    assert.equal(packedUtcDate(Date.parse('2026-06-14T23:30:00-02:00')), packDate(2026, 6, 15));
  });

  it('agrees with a calendar computation for any dates (property)', () => {
    const day = fc.date({ min: new Date('1905-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(day, day, (b, a) => {
        fc.pre(b.getTime() <= a.getTime());
        const by = b.getUTCFullYear(),
          bm = b.getUTCMonth() + 1,
          bd = b.getUTCDate();
        const ay = a.getUTCFullYear(),
          am = a.getUTCMonth() + 1,
          ad = a.getUTCDate();
        let expected = ay - by;
        if (am < bm || (am === bm && ad < bd)) expected--;
        assert.equal(ageInYears(packDate(by, bm, bd), packDate(ay, am, ad)), expected);
      }),
      { numRuns: 2000 },
    );
  });
});
