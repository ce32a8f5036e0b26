// IMEI: 14-digit body (type allocation code + serial) plus a Luhn check digit = 15 digits.
// Written with spaces, dashes or slashes ('35-209900-176148-1'), which are removed.
import { separatedDigits } from './text';

/** True when the digit string passes the Luhn check (the last digit being the check digit). */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let value = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
  }
  return sum % 10 === 0;
}

/**
 * Returns null unless the text is 14–16 digits. 15 digits are checked with Luhn; 14 digits (check digit left off)
 * and 16 digits (an IMEISV, which carries a software version instead of a check digit) are flagged invalid with a
 * reason because they cannot be verified.
 */
export function parseImei(input: string): { normalized: string; valid: boolean; reason?: string } | null {
  const digits = separatedDigits(input);
  if (digits === null || digits.length < 14 || digits.length > 16) return null;
  if (digits.length === 14) {
    return { normalized: digits, valid: false, reason: 'an IMEI has 15 digits; this one has 14 (the check digit is missing)' };
  }
  if (digits.length === 16) {
    return {
      normalized: digits,
      valid: false,
      reason: '16 digits is an IMEISV (with software version), not an IMEI; the IMEI is its first 14 digits plus a check digit',
    };
  }
  if (!passesLuhn(digits)) {
    return { normalized: digits, valid: false, reason: 'the IMEI check digit (Luhn) does not match; check for a typing error' };
  }
  return { normalized: digits, valid: true };
}
