// Small string helpers shared by the identifier modules.

/**
 * Identifiers copied from a word processor, a PDF or a web page come with typography: en and em dashes, the
 * minus sign and non-breaking hyphens between the groups, non-breaking and thin spaces, invisible zero-width
 * characters and soft hyphens, full-width digits and letters. They are the same number or plate as typed
 * with a plain hyphen and space, so every identifier reader sees them as such.
 */
export function plainTypography(input: string): string {
  // Almost every register cell is printable ASCII already: nothing to do, and this runs for every cell.
  if (/^[\x20-\x7e]*$/.test(input)) return input;
  return input
    .normalize('NFKC')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/\p{Zs}/gu, ' ');
}

/** Characters people put between the digits of numbers they write down: spaces, dots, dashes, slashes. */
const DIGIT_SEPARATORS = /[\s.\-/]/g;

/**
 * The digits of `input` when it consists only of digits and common separators, otherwise null.
 * Returning null (rather than stripping letters) keeps 'AB123' from passing as the number '123'.
 */
export function separatedDigits(input: string): string | null {
  const compact = plainTypography(input).trim().replace(DIGIT_SEPARATORS, '');
  return /^\d+$/.test(compact) ? compact : null;
}

/** Strips accents and folds the few letters that NFD does not decompose (ß, ø, æ, œ, ł, đ, ı). */
export function foldDiacritics(input: string): string {
  // Most names are plain ASCII: nothing to fold, and NFD on millions of register rows is not free.
  if (/^[\x00-\x7f]*$/.test(input)) return input;
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, (c) => (c === 'ø' ? 'o' : 'O'))
    .replace(/[æÆ]/g, (c) => (c === 'æ' ? 'ae' : 'AE'))
    .replace(/[œŒ]/g, (c) => (c === 'œ' ? 'oe' : 'OE'))
    .replace(/[łŁ]/g, (c) => (c === 'ł' ? 'l' : 'L'))
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/ı/g, 'i');
}

/** Mod-97 of a decimal string too long for exact float arithmetic, computed digit by digit. */
export function mod97(digits: string): number {
  let remainder = 0;
  for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  return remainder;
}

/** True when y-m-d is a real calendar date (rejects 31 April, 29 February outside leap years). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
