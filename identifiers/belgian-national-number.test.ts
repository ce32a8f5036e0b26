import { describe, expect, it } from 'vitest';
import { formatBelgianNationalNumber, parseBelgianNationalNumber } from './belgian-national-number';

/** Builds a number from the rule itself: check = 97 − (9 digits mod 97), with '2' prefixed for births from 2000. */
function makeNationalNumber(yymmdd: string, counter: number, bornFrom2000: boolean): string {
  const base = `${yymmdd}${String(counter).padStart(3, '0')}`;
  const check = 97 - (Number(`${bornFrom2000 ? '2' : ''}${base}`) % 97);
  return `${base}${String(check).padStart(2, '0')}`;
}

describe('parseBelgianNationalNumber', () => {
  it.each(['93.05.18-223.61', '930518 223 61', '93051822361', ' 930518-223-61 '])('hand-checked %s is valid', (input) => {
    expect(parseBelgianNationalNumber(input)).toEqual({
      normalized: '93051822361',
      valid: true,
      dateOfBirth: '1993-05-18',
      birthYear: 1993,
      gender: 'M',
    });
  });

  it.each([
    ['850703', 124, false, '1985-07-03', 'F'],
    ['000101', 1, true, '2000-01-01', 'M'],
    ['120229', 42, true, '2012-02-29', 'F'],
    ['991231', 997, false, '1999-12-31', 'M'],
  ] as const)('computed %s-%s (from 2000: %s) → %s %s', (yymmdd, counter, from2000, dateOfBirth, gender) => {
    const number = makeNationalNumber(yymmdd, counter, from2000);
    expect(parseBelgianNationalNumber(number)).toMatchObject({ normalized: number, valid: true, dateOfBirth, gender });
  });

  it('takes the century from the check that passes, not from the two-digit year', () => {
    const born1905 = makeNationalNumber('050607', 11, false);
    const born2005 = makeNationalNumber('050607', 11, true);
    expect(parseBelgianNationalNumber(born1905)?.dateOfBirth).toBe('1905-06-07');
    expect(parseBelgianNationalNumber(born2005)?.dateOfBirth).toBe('2005-06-07');
  });

  it('accepts month and day 00 (date unknown) and still gives the year and gender', () => {
    const number = makeNationalNumber('700000', 33, false);
    const parsed = parseBelgianNationalNumber(number);
    expect(parsed).toMatchObject({ valid: true, birthYear: 1970, gender: 'M' });
    expect(parsed?.dateOfBirth).toBeUndefined();
  });

  it('reads BIS numbers (month + 20: gender unknown, month + 40: gender known)', () => {
    expect(parseBelgianNationalNumber(makeNationalNumber('852503', 12, false))).toEqual(
      expect.objectContaining({ valid: true, bis: true, dateOfBirth: '1985-05-03' }),
    );
    expect(parseBelgianNationalNumber(makeNationalNumber('852503', 12, false))?.gender).toBeUndefined();
    expect(parseBelgianNationalNumber(makeNationalNumber('854503', 12, false))).toMatchObject({ bis: true, gender: 'F', dateOfBirth: '1985-05-03' });
  });

  it.each([
    ['93.05.18-223.62', /check digits 62/],
    ['93051822461', /check digits/],
    ['00000000000', /check digits/],
  ])('flags %s as invalid with a reason', (input, reason) => {
    const parsed = parseBelgianNationalNumber(input);
    expect(parsed?.valid).toBe(false);
    expect(parsed?.reason).toMatch(reason);
    expect(parsed?.dateOfBirth).toBeUndefined();
  });

  it('flags an impossible date even when the check digits match', () => {
    const parsed = parseBelgianNationalNumber(makeNationalNumber('930231', 5, false));
    expect(parsed).toMatchObject({ valid: false, reason: expect.stringMatching(/impossible date/) });
  });

  it.each(['', '9305182236', '930518223611', 'AB051822361', '123456782', '93-05-18 x 223.61'])('returns null for %j', (input) => {
    expect(parseBelgianNationalNumber(input)).toBeNull();
  });

  it('formats for display', () => {
    expect(formatBelgianNationalNumber('93051822361')).toBe('93.05.18-223.61');
  });
});
