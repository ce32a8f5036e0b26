import { describe, expect, it } from 'vitest';
import { parseBsn } from './bsn';

/** Appends the last digit that makes the weighted sum (9..2, −1) a multiple of 11; null when that would be 10. */
function completeBsn(eightDigits: string): string | null {
  const sum = [...eightDigits].reduce((total, d, i) => total + Number(d) * (9 - i), 0);
  const last = sum % 11;
  return last === 10 ? null : `${eightDigits}${last}`;
}

describe('parseBsn', () => {
  it.each([
    ['123456782', '123456782'],
    ['1234.56.782', '123456782'],
    ['123 456 782', '123456782'],
    ['12345672', '012345672'], // 8 digits: an old number without its leading 0
  ])('%s is valid → %s', (input, normalized) => {
    expect(parseBsn(input)).toEqual({ normalized, valid: true });
  });

  it.each(['11122233', '98765432', '24681357'])('a number completed from the rule (%s…) is valid', (prefix) => {
    const bsn = completeBsn(prefix);
    if (bsn) expect(parseBsn(bsn)).toEqual({ normalized: bsn, valid: true });
  });

  it.each([
    ['123456781', /11-test/],
    ['123456783', /11-test/],
    ['12345671', /11-test/],
    ['000000000', /zeros/],
  ])('%s is invalid with a reason', (input, reason) => {
    const parsed = parseBsn(input);
    expect(parsed?.valid).toBe(false);
    expect(parsed?.reason).toMatch(reason);
  });

  it.each(['', '1234567', '1234567890', '12345678A', '93.05.18-223.61'])('returns null for %j', (input) => {
    expect(parseBsn(input)).toBeNull();
  });
});
