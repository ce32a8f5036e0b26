import { describe, expect, it } from 'vitest';
import { normalizePhone, normalizePlate, parseBelgianNationalNumber, parseBsn, parseImei } from '../identifiers';
import { bsnChecksumOk, makeBelgianMobile, makeBelgianPlate, makeBsn, makeDutchMobile, makeDutchPlate, makeImei, makeNationalNumber, writePhone } from './identity-numbers';
import { DemoRandom } from './random';
import { corruptCheckDigit, styleFamilyName, swapDayAndMonth } from './record-variation';

const random = new DemoRandom(1, 0);

describe('generated identifiers', () => {
  it('makes BSNs that pass the 11-proef, and broken ones that do not', () => {
    expect(bsnChecksumOk('123456782')).toBe(true);
    for (let i = 0; i < 200; i++) {
      const bsn = makeBsn(random);
      expect(parseBsn(bsn)?.valid).toBe(true);
      expect(parseBsn(corruptCheckDigit(bsn))?.valid).toBe(false);
      expect(bsnChecksumOk(makeBsn(random, false))).toBe(false);
    }
  });

  it('makes Belgian national numbers with the right birth date, gender parity and mod-97 check', () => {
    for (const [date, gender] of [['1991-03-12', 'M'], ['2003-11-30', 'F'], ['1965-01-01', 'F']] as const) {
      const number = makeNationalNumber(random, date, gender);
      const parsed = parseBelgianNationalNumber(number);
      expect(parsed?.valid).toBe(true);
      expect(parsed?.dateOfBirth).toBe(date);
      expect(Number(number.slice(6, 9)) % 2 === 1).toBe(gender === 'M');
      expect(parseBelgianNationalNumber(makeNationalNumber(random, date, gender, false))?.valid).toBe(false);
    }
  });

  it('writes phone numbers in Dutch and Belgian styles that all normalise to the same E.164', () => {
    for (let i = 0; i < 100; i++) {
      for (const number of [makeDutchMobile(random), makeBelgianMobile(random)]) {
        for (const country of ['NL', 'BE'] as const) {
          const written = writePhone(random, number, country);
          const normalized = normalizePhone(written);
          expect(normalized?.e164, written).toBe(number.e164);
          expect(normalized?.valid).toBe(true);
        }
      }
    }
  });

  it('makes valid plates and IMEIs', () => {
    for (let i = 0; i < 100; i++) {
      expect(normalizePlate(makeDutchPlate(random))).toMatchObject({ country: 'NL', valid: true });
      expect(normalizePlate(makeBelgianPlate(random))).toMatchObject({ country: 'BE', valid: true });
      expect(parseImei(makeImei(random))?.valid).toBe(true);
      expect(parseImei(makeImei(random, false))?.valid).toBe(false);
    }
  });
});

describe('record variation', () => {
  it('writes particles the Dutch way in Dutch records and capitalised or joined in Belgian ones', () => {
    expect(styleFamilyName(random, 'Van der Berg', 'NL')).toBe('van der Berg');
    const belgian = new Set(Array.from({ length: 50 }, () => styleFamilyName(random, 'van der Berg', 'BE')));
    expect(belgian).toContain('Van Der Berg');
    expect([...belgian].some((v) => /^vanderberg$/i.test(v))).toBe(true);
    expect(styleFamilyName(random, 'Jansen', 'BE')).toBe('Jansen');
  });

  it('swaps day and month only when the result is still a date', () => {
    expect(swapDayAndMonth('1991-03-12')).toBe('1991-12-03');
    expect(swapDayAndMonth('1991-03-25')).toBe('1991-03-25');
  });
});
