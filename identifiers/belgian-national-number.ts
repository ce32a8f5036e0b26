// Belgian national register number (rijksregisternummer / numéro de registre national).
// Layout: YYMMDD + 3-digit day counter (odd for men, even for women) + 2 check digits.
// Check digits = 97 − (first 9 digits mod 97); for births from 2000 on, '2' is prefixed to the 9 digits first,
// so whichever variant matches also tells the century.
// BIS numbers (people not in the register) add 20 to the month when gender is unknown, 40 when it is known.
import { isCalendarDate, isoDate, mod97, separatedDigits } from './text';

export interface BelgianNationalNumber {
  /** 11 digits, no separators. */
  normalized: string;
  valid: boolean;
  /** ISO date; absent when month or day is 00 (unknown) or the number is invalid. */
  dateOfBirth?: string;
  /** Year of birth, also when month or day is unknown. */
  birthYear?: number;
  gender?: 'M' | 'F';
  /** True for a BIS number (month + 20 or + 40). */
  bis?: boolean;
  /** Why the number is invalid, in words a user can act on. */
  reason?: string;
}

function checkDigits(nineDigits: string): number {
  return 97 - mod97(nineDigits);
}

/**
 * Parses '93.05.18-223.61', '930518 223 61' or '93051822361'. Returns null when the text is not 11 digits
 * (with optional separators); an 11-digit number with wrong check digits or an impossible date is returned with
 * valid=false and a reason.
 */
export function parseBelgianNationalNumber(input: string): BelgianNationalNumber | null {
  const digits = separatedDigits(input);
  if (digits === null || digits.length !== 11) return null;

  const base = digits.slice(0, 9);
  const check = Number(digits.slice(9));
  const century = check === checkDigits(base) ? 1900 : check === checkDigits(`2${base}`) ? 2000 : undefined;
  if (century === undefined) {
    return {
      normalized: digits,
      valid: false,
      reason: `check digits ${digits.slice(9)} do not match the rest of the number (expected ${String(checkDigits(base)).padStart(2, '0')} for a birth before 2000 or ${String(checkDigits(`2${base}`)).padStart(2, '0')} from 2000); check for a typing error`,
    };
  }

  const year = century + Number(digits.slice(0, 2));
  let month = Number(digits.slice(2, 4));
  const day = Number(digits.slice(4, 6));
  const counter = Number(digits.slice(6, 9));
  let bis = false;
  let genderKnown = true;
  if (month >= 40 && month <= 52) {
    month -= 40;
    bis = true;
  } else if (month >= 20 && month <= 32) {
    month -= 20;
    bis = true;
    genderKnown = false;
  }

  const result: BelgianNationalNumber = { normalized: digits, valid: true, birthYear: year };
  if (bis) result.bis = true;
  if (month > 12 || day > 31 || (month > 0 && day > 0 && !isCalendarDate(year, month, day))) {
    return { normalized: digits, valid: false, reason: `the number encodes an impossible date of birth (${digits.slice(0, 6)})` };
  }
  if (month > 0 && day > 0) result.dateOfBirth = isoDate(year, month, day);
  if (genderKnown) result.gender = counter % 2 === 1 ? 'M' : 'F';
  return result;
}

/** Display form '93.05.18-223.61' of an 11-digit number; other input is returned unchanged. */
export function formatBelgianNationalNumber(normalized: string): string {
  const d = normalized.replace(/\D/g, '');
  if (d.length !== 11) return normalized;
  return `${d.slice(0, 2)}.${d.slice(2, 4)}.${d.slice(4, 6)}-${d.slice(6, 9)}.${d.slice(9)}`;
}
