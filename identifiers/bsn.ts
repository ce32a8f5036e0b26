// Dutch citizen service number (burgerservicenummer). 9 digits; 8-digit numbers are old numbers written
// without their leading 0. Valid when the weighted sum (weights 9..2 and −1 for the last digit) is a multiple of 11.
import { separatedDigits } from './text';

const WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2, -1];

export function parseBsn(input: string): { normalized: string; valid: boolean; reason?: string } | null {
  const digits = separatedDigits(input);
  if (digits === null || (digits.length !== 8 && digits.length !== 9)) return null;
  const normalized = digits.padStart(9, '0');
  const sum = [...normalized].reduce((total, digit, i) => total + Number(digit) * WEIGHTS[i], 0);
  if (/^0+$/.test(normalized)) return { normalized, valid: false, reason: 'a BSN cannot be all zeros' };
  if (sum % 11 !== 0) {
    return { normalized, valid: false, reason: 'the BSN fails the 11-test (elfproef); check for a typing error' };
  }
  return { normalized, valid: true };
}
