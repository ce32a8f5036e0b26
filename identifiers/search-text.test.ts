import { describe, expect, it } from 'vitest';
import { interpretQuery } from './interpret-query';
import { searchTextFor } from './search-text';

/** Splits like the 'standard-folding' analyzer roughly does: on whitespace and punctuation, lower case. */
function tokens(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

describe('searchTextFor', () => {
  it('holds a Person under both name orders, aliases, canonical spellings and identifier forms', () => {
    const text = searchTextFor('Person', {
      id: 'P-BE-000001',
      label: 'Muhammad van der Berg',
      givenName: 'Muhammad',
      familyName: 'van der Berg',
      aliases: ['Mo', 'De Prins'],
      nationalNumber: '93051822361',
      bsn: '12345672',
      dateOfBirth: '1993-05-18',
    });
    for (const expected of ['Muhammad van der Berg', 'van der Berg Muhammad', 'vanderBerg', 'mohamed', 'De Prins', '93051822361', '93.05.18-223.61', '012345672', '18-05-1993', 'P-BE-000001']) {
      expect(text).toContain(expected);
    }
  });

  it('holds every written form of a phone number, so a search typed any way finds it', () => {
    const text = searchTextFor('Phone', { id: 'PH-BE-000042', number: '0475/12.34.56', imei: '49-015420-323751-8' });
    const words = tokens(text);
    for (const typed of ['0475123456', '+32475123456', '0032475123456', '490154203237518']) {
      for (const word of tokens(typed)) expect(words).toContain(word);
    }
    expect(text).toContain(interpretQuery('+32 (0)475 12 34 56')[0].value);
  });

  it('holds a plate compact and printed', () => {
    const text = searchTextFor('Vehicle', { id: 'V-NL-000007', plate: '12-ab-34', make: 'Volkswagen', vin: 'WVWZZZ1JZXW000001' });
    expect(tokens(text)).toEqual(expect.arrayContaining(['12ab34', 'volkswagen', 'wvwzzz1jzxw000001']));
    expect(text.toLowerCase()).toContain('12-ab-34'); // case-insensitive duplicates are dropped: the index folds case
  });

  it('holds a Dutch postcode with and without its space', () => {
    const text = searchTextFor('Location', { id: 'L-1', name: 'Coolsingel 40', postcode: '3011ad', city: 'Rotterdam' });
    expect(text).toContain('3011 AD');
    expect(text.toLowerCase()).toContain('3011ad');
    expect(text).toContain('Rotterdam');
  });

  it('lists each term once and ignores missing or non-text properties', () => {
    const text = searchTextFor('Gang', { id: 'G-1', label: 'Satudarah', name: 'Satudarah', chapter: null, members: 12 });
    expect(text).toBe('G-1 Satudarah');
  });

  it('falls back to id and label for a type it does not know', () => {
    expect(searchTextFor('Unknown', { id: 'X-1', label: 'Something' })).toBe('X-1 Something');
  });
});
