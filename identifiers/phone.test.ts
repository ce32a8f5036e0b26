import { describe, expect, it } from 'vitest';
import { normalizePhone, phoneNumbersInCell, phoneVariants } from './phone';

describe('normalizePhone', () => {
  it.each([
    // Dutch
    ['06-12345678', undefined, '+31612345678', 'NL', 'mobile'],
    ['+31 6 1234 5678', undefined, '+31612345678', 'NL', 'mobile'],
    ['0031612345678', undefined, '+31612345678', 'NL', 'mobile'],
    ['0031 (0)6 12345678', undefined, '+31612345678', 'NL', 'mobile'],
    ['020-1234567', 'NL', '+31201234567', 'NL', 'landline'],
    // Belgian
    ['+32 (0)475 12 34 56', undefined, '+32475123456', 'BE', 'mobile'],
    ['0475/12.34.56', undefined, '+32475123456', 'BE', 'mobile'],
    ['0475/12.34.56', 'BE', '+32475123456', 'BE', 'mobile'],
    ['0032 475 123456', undefined, '+32475123456', 'BE', 'mobile'],
    ['0032 475 123456', 'NL', '+32475123456', 'BE', 'mobile'],
    ['02 512 34 56', 'BE', '+3225123456', 'BE', 'landline'],
  ] as const)('%s (default %s) → %s', (input, country, e164, expectedCountry, type) => {
    expect(normalizePhone(input, country)).toEqual({ e164, country: expectedCountry, valid: true, type });
  });

  it('reads 0475… as a Dutch Roermond landline only when told the number is Dutch', () => {
    expect(normalizePhone('0475-123456', 'NL')).toMatchObject({ e164: '+31475123456', country: 'NL', valid: true, type: 'landline' });
  });

  it.each([
    // International numbers without '+' or '00', as operator exports and Excel number cells write them
    ['32475123456', 'NL', '+32475123456', 'BE', 'mobile'],
    ['31612345678', 'BE', '+31612345678', 'NL', 'mobile'],
    ['32 475 12 34 56', 'NL', '+32475123456', 'BE', 'mobile'],
    ['33612345678', 'BE', '+33612345678', 'FR', 'mobile'],
    ['33612345678', undefined, '+33612345678', 'FR', 'mobile'],
    ['31612345678', 'NL', '+31612345678', 'NL', 'mobile'],
    // A number column written out with decimals
    ['32475123456.0', 'NL', '+32475123456', 'BE', 'mobile'],
    ['+31612345678.0', undefined, '+31612345678', 'NL', 'mobile'],
    ['475123456.0', 'BE', '+32475123456', 'BE', 'mobile'],
  ] as const)('%s (default %s), written as a number, → %s', (input, country, e164, expectedCountry, type) => {
    expect(normalizePhone(input, country)).toEqual({ e164, country: expectedCountry, valid: true, type });
  });

  it('keeps a valid national reading ahead of an international one', () => {
    expect(normalizePhone('475123456', 'BE')?.e164).toBe('+32475123456');
    expect(normalizePhone('612345678', 'NL')?.e164).toBe('+31612345678');
  });

  it.each([
    ['06-1234', '+3161234'], // Dutch mobile, too short
    ['+31 6 1234 567', '+316 1234567'.replace(' ', '')], // one digit short
    ['+32 475 12 34', '+3247512 34'.replace(' ', '')], // Belgian mobile, too short
  ])('flags %s as invalid but still normalises it', (input, e164) => {
    const phone = normalizePhone(input);
    expect(phone).not.toBeNull();
    expect(phone!.valid).toBe(false);
    expect(phone!.e164).toBe(e164);
    expect(phone!.type).toBeUndefined();
  });

  it.each(['', 'hello', '12', 'Jan van der Berg', '12-AB-34'])('returns null for %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('phoneVariants', () => {
  it.each([
    ['+31612345678', ['+31612345678', '31612345678', '0031612345678', '0612345678']],
    ['+32475123456', ['+32475123456', '32475123456', '0032475123456', '0475123456']],
  ])('%s', (e164, variants) => {
    expect(phoneVariants(e164)).toEqual(variants);
  });

  it('returns nothing for text that is not E.164', () => {
    expect(phoneVariants('not a number')).toEqual([]);
  });
});

describe('phoneNumbersInCell', () => {
  const e164s = (cell: string) => phoneNumbersInCell(cell)?.map((written) => normalizePhone(written)!.e164) ?? null;

  it.each([
    ['GSM: 0475 12 34 56 (privé)', ['+32475123456']],
    ['Tél.: +32 475 12 34 56', ['+32475123456']],
    ['privé: 06-12345678 (werk)', ['+31612345678']],
    ['0475 12 34 56 / 03 231 23 23', ['+32475123456', '+3232312323']],
    ['gsm 0475123456; vast 032312323', ['+32475123456', '+3232312323']],
    ['0475123456/0476987654', ['+32475123456', '+32476987654']],
    ['0475 12 34 56 en 0476 98 76 54', ['+32475123456', '+32476987654']],
    ['06-12345678, 06 1234 5678', ['+31612345678', '+31612345678']],
  ])('%j holds %j', (cell, expected) => {
    expect(e164s(cell)).toEqual(expected);
  });

  it.each(['06 / 1234 5678', '0475/12.34.56', '+32 (0)475 12 34 56', '03/231.23.23'])('reads %j as the one number it is', (cell) => {
    expect(phoneNumbersInCell(cell)).toHaveLength(1);
    expect(e164s(cell)).toEqual([normalizePhone(cell)!.e164]);
  });

  it('keeps each number as written, without its label, and names a number written twice once', () => {
    expect(phoneNumbersInCell('GSM: 0475 12 34 56 (privé)')).toEqual(['0475 12 34 56']);
    expect(phoneNumbersInCell('0475123456; 0475123456')).toEqual(['0475123456']);
  });

  it.each(['bel me', '0475 12 34 56 / bel me', 'gsm', ''])('refuses %j: something in it is no number', (cell) => {
    expect(phoneNumbersInCell(cell)).toBeNull();
  });
});
