import { describe, expect, it } from 'vitest';
import { normalizePostcode } from './postcode';

describe('normalizePostcode', () => {
  it.each([
    ['1234 AB', '1234 AB', 'NL', true],
    ['1234ab', '1234 AB', 'NL', true],
    [' 3011  bd ', '3011 BD', 'NL', true],
    ['NL-6211 LH', '6211 LH', 'NL', true],
    ['0123 AB', '0123 AB', 'NL', false],
    ['1234 SS', '1234 SS', 'NL', false],
    ['1000', '1000', 'BE', true],
    ['2000', '2000', 'BE', true],
    ['B-3500', '3500', 'BE', true],
    ['BE 9000', '9000', 'BE', true],
    ['0999', '0999', 'BE', false],
  ] as const)('%j → %s %s valid=%s', (input, normalized, country, valid) => {
    expect(normalizePostcode(input)).toEqual({ normalized, country, valid });
  });

  it.each(['', '123', '12345', 'AB 1234', '1234 ABC', 'Antwerpen'])('returns null for %j', (input) => {
    expect(normalizePostcode(input)).toBeNull();
  });
});
