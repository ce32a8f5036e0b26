import { describe, expect, it } from 'vitest';
import { formatPlate, normalizePlate } from './plate';

describe('normalizePlate', () => {
  it.each([
    // Dutch sidecodes
    ['AB-12-34', 'AB1234', 'NL', 'NL sidecode 1 (XX-99-99)'],
    ['12-34-AB', '1234AB', 'NL', 'NL sidecode 2 (99-99-XX)'],
    ['12-ab-34', '12AB34', 'NL', 'NL sidecode 3 (99-XX-99)'],
    ['AB-12-CD', 'AB12CD', 'NL', 'NL sidecode 4 (XX-99-XX)'],
    ['AB-CD-12', 'ABCD12', 'NL', 'NL sidecode 5 (XX-XX-99)'],
    ['12-BC-DF', '12BCDF', 'NL', 'NL sidecode 6 (99-XX-XX)'],
    ['12-BCD-3', '12BCD3', 'NL', 'NL sidecode 7 (99-XXX-9)'],
    ['1-BCD-23', '1BCD23', 'NL', 'NL sidecode 8 (9-XXX-99)'],
    ['BC-123-D', 'BC123D', 'NL', 'NL sidecode 9 (XX-999-X)'],
    ['B-123-CD', 'B123CD', 'NL', 'NL sidecode 10 (X-999-XX)'],
    ['BCD-12-F', 'BCD12F', 'NL', 'NL sidecode 11 (XXX-99-X)'],
    ['gz 123 k', 'GZ123K', 'NL', 'NL sidecode 9 (XX-999-X)'],
    // Belgian formats
    ['1-ABC-123', '1ABC123', 'BE', 'BE 1-XXX-999 (2010)'],
    ['2 xyz 987', '2XYZ987', 'BE', 'BE 1-XXX-999 (2010)'],
    ['ABC-123', 'ABC123', 'BE', 'BE XXX-999 (1973)'],
    ['123-ABC', '123ABC', 'BE', 'BE 999-XXX (2008)'],
  ] as const)('%s → %s (%s)', (input, normalized, country, format) => {
    expect(normalizePlate(input)).toEqual({ normalized, country, format, valid: true });
  });

  it.each([
    ['A1-B2-C3', 'A1B2C3'],
    ['1-AB-1234', '1AB1234'],
    ['AB-1234-C', 'AB1234C'],
  ])('%s matches no known format: normalised but invalid', (input, normalized) => {
    expect(normalizePlate(input)).toEqual({ normalized, valid: false });
  });

  it.each(['', 'ABCDEF', '123456', 'AB1', 'AB-12-34-56-78-9', 'AB_12_34', 'Jan'])('returns null for %j', (input) => {
    expect(normalizePlate(input)).toBeNull();
  });
});

describe('formatPlate', () => {
  it.each([
    ['12AB34', '12-AB-34'],
    ['bc123d', 'BC-123-D'],
    ['1ABC123', '1-ABC-123'],
    ['ABC123', 'ABC-123'],
    ['A1B2C3', 'A1B2C3'],
  ])('%s → %s', (normalized, printed) => {
    expect(formatPlate(normalized)).toBe(printed);
  });
});
