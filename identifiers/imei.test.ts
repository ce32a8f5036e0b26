import { describe, expect, it } from 'vitest';
import { parseImei, passesLuhn } from './imei';

/** Appends the Luhn check digit to a 14-digit body. */
function withLuhnDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) if (passesLuhn(`${body}${digit}`)) return `${body}${digit}`;
  throw new Error('unreachable');
}

describe('parseImei', () => {
  it.each([
    ['490154203237518', '490154203237518'],
    ['49-015420-323751-8', '490154203237518'],
    ['35 209900 176148 1', '352099001761481'],
  ])('%s is valid', (input, normalized) => {
    expect(parseImei(input)).toEqual({ normalized, valid: true });
  });

  it.each(['35693803564380', '01234567890123', '86000000000000'])('a computed check digit on %s validates', (body) => {
    expect(parseImei(withLuhnDigit(body))?.valid).toBe(true);
  });

  it.each([
    ['490154203237517', /Luhn/],
    ['490154203237581', /Luhn/],
    ['49015420323751', /14/],
    ['4901542032375100', /IMEISV/],
  ])('%s is invalid with a reason', (input, reason) => {
    const parsed = parseImei(input);
    expect(parsed?.valid).toBe(false);
    expect(parsed?.reason).toMatch(reason);
  });

  it.each(['', '1234567890123', '49015420323751800', '49015420323751A'])('returns null for %j', (input) => {
    expect(parseImei(input)).toBeNull();
  });
});
