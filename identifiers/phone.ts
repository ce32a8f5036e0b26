// Phone numbers to E.164 via libphonenumber-js. The 'max' metadata is used because only it tells a valid
// number from a merely well-sized one and knows mobile from fixed line; police data needs both.
import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';
import { plainTypography } from './text';

export interface NormalizedPhone {
  e164: string;
  /** ISO 3166 country the number belongs to (from its country calling code and prefix). */
  country?: string;
  valid: boolean;
  /** 'mobile', 'landline', 'fixed-or-mobile', 'voip', 'toll-free', … ; absent when the number is not valid. */
  type?: string;
}

const PHONE_CHARACTERS = /^[+\d\s().\/\-]+$/;

/**
 * Normalises a written phone number to E.164.
 * Without `defaultCountry`, a national number ('06…', '0475…') is read both as Dutch and as Belgian: the valid
 * reading wins; if both are valid the mobile one wins (Dutch 0475 is a Roermond landline, Belgian 0475 a mobile,
 * and police data is mostly mobiles), and otherwise Dutch. Returns null when the text is not a phone number at all.
 */
export function normalizePhone(input: string, defaultCountry?: 'NL' | 'BE'): NormalizedPhone | null {
  // A number column written out as decimals ('32475123456.0', from a database or pandas) is still the number.
  const text = plainTypography(input).trim().replace(/^(\+?\d{6,})\.0+$/, '$1');
  if (!PHONE_CHARACTERS.test(text)) return null;
  const digitCount = text.replace(/\D/g, '').length;
  if (digitCount < 6 || digitCount > 17) return null;

  const readings = (defaultCountry ? [defaultCountry] : (['NL', 'BE'] as const))
    .map((country) => parsePhoneNumberFromString(text, country))
    .filter((reading): reading is PhoneNumber => reading !== undefined);
  if (readings.length === 0) return null;

  const best =
    readings.find((r) => r.isValid() && r.getType() === 'MOBILE') ??
    readings.find((r) => r.isValid()) ??
    internationalWithoutPrefix(text) ??
    readings.find((r) => r.isPossible()) ??
    readings[0];
  return describe(best);
}

/** Words a register writes before a number: 'GSM: 0475 12 34 56', 'tel. 03 231 23 23', 'privé 06-12345678'. */
const LEADING_LABEL = /^(?:tel(?:efoon|ephone)?|t[ée]l[ée]phone|t[ée]l|gsm|mobiel|mobile|portable|vast|fixe|fax|priv[ée]|werk|travail|work|thuis|home|nr|no|n°)\.?\s*:?\s*/i;
/** A note in brackets after a number: '(privé)', '(werk)'; brackets with digits, such as '(0)', are part of it. */
const TRAILING_NOTE = /\s*\([^()\d]*\)\s*$/;
/** Between two numbers in one cell: ';', ',', '|', a line break, a slash with spaces or before a new number, 'en', 'of', 'et', 'ou'. */
const NUMBER_SEPARATOR = /\s*[;,|\n]\s*|\s+\/\s+|\/(?=\s*(?:\+|00?[1-9]))|\s+(?:en|of|et|ou|and|or)\s+/i;

function withoutLabels(text: string): string {
  let plain = text.trim();
  for (let previous = ''; previous !== plain; ) {
    previous = plain;
    plain = plain.replace(LEADING_LABEL, '').replace(TRAILING_NOTE, '').trim();
  }
  return plain;
}

/**
 * The numbers a register's phone cell holds, as written but without their labels: one for
 * 'GSM: 0475 12 34 56 (privé)', two for '0475 12 34 56 / 03 231 23 23' or 'gsm 0475123456; vast 032312323'.
 * A cell that reads as one number is one number ('06 / 1234 5678' is a Dutch mobile written in two groups).
 * Null when some part is no phone number: the caller then refuses the cell as it stands.
 */
export function phoneNumbersInCell(text: string, defaultCountry?: 'NL' | 'BE'): string[] | null {
  const whole = withoutLabels(plainTypography(text));
  if (!whole) return null;
  if (normalizePhone(whole, defaultCountry)) return [whole];
  const parts = whole.split(NUMBER_SEPARATOR).map(withoutLabels).filter((part) => part.length > 0);
  if (parts.length < 2 || parts.some((part) => !normalizePhone(part, defaultCountry))) return null;
  return [...new Set(parts)];
}

/**
 * Operator exports and cells that Excel stored as numbers write international numbers without '+' or '00'
 * ('32475123456', '33612345678'). Such a text, when it is no valid national number, is read as international
 * if that reading is valid; otherwise it would become a second, invalid number beside the same phone written
 * with its '+'.
 */
function internationalWithoutPrefix(text: string): PhoneNumber | undefined {
  if (!/^[1-9]/.test(text)) return undefined;
  const reading = parsePhoneNumberFromString(`+${text}`);
  return reading?.isValid() ? reading : undefined;
}

function describe(phone: PhoneNumber): NormalizedPhone {
  const valid = phone.isValid();
  const result: NormalizedPhone = { e164: phone.number, valid };
  if (phone.country) result.country = phone.country;
  const type = valid ? phone.getType() : undefined;
  if (type) result.type = TYPE_NAMES[type] ?? type.toLowerCase().replace(/_/g, '-');
  return result;
}

// Phone.kind in the data model says 'landline', not libphonenumber's 'FIXED_LINE'.
const TYPE_NAMES: Record<string, string> = {
  MOBILE: 'mobile',
  FIXED_LINE: 'landline',
  FIXED_LINE_OR_MOBILE: 'fixed-or-mobile',
  VOIP: 'voip',
  TOLL_FREE: 'toll-free',
  PREMIUM_RATE: 'premium-rate',
};

/**
 * The ways one number gets written, as digit strings for the full-text index: E.164, E.164 without '+',
 * the '00' international form and the national form with its trunk '0' ('0612345678').
 * Returns [] when `e164` is not an E.164 number.
 */
export function phoneVariants(e164: string): string[] {
  const phone = parsePhoneNumberFromString(e164.trim());
  if (!phone) return [];
  const international = phone.number.slice(1);
  const national = phone.formatNational().replace(/\D/g, '');
  return unique([phone.number, international, `00${international}`, national]);
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((v) => v.length > 0))];
}
