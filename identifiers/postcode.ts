// Postcodes: Dutch '1234 AB' (stored with one space, upper case), Belgian four digits 1000–9999.
// A bare four-digit code is read as Belgian: a Dutch postcode without its letters is incomplete.

import { plainTypography } from './text';

// Dutch postcodes never start with 0 and never use the letter pairs SA, SD and SS.
const NL_UNUSED_LETTERS = new Set(['SA', 'SD', 'SS']);

export function normalizePostcode(input: string): { normalized: string; country: 'NL' | 'BE'; valid: boolean } | null {
  const text = plainTypography(input).trim().toUpperCase();
  const dutch = /^(?:NL[\s-]?)?(\d{4})\s*([A-Z]{2})$/.exec(text);
  if (dutch) {
    const [, digits, letters] = dutch;
    return { normalized: `${digits} ${letters}`, country: 'NL', valid: digits[0] !== '0' && !NL_UNUSED_LETTERS.has(letters) };
  }
  const belgian = /^(?:B(?:E)?[\s-]?)?(\d{4})$/.exec(text);
  if (belgian) {
    const [, digits] = belgian;
    return { normalized: digits, country: 'BE', valid: digits[0] !== '0' };
  }
  return null;
}
