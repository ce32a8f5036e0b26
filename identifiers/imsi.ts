// IMSI: the SIM's subscriber identity, up to 15 digits = MCC (3) + MNC (2–3) + MSIN.
// Dutch SIMs have MCC 204, Belgian 206. A foreign MCC is still a valid IMSI, just without a country here.
import { separatedDigits } from './text';

const COUNTRY_BY_MCC: Record<string, 'NL' | 'BE'> = { '204': 'NL', '206': 'BE' };

/**
 * Returns null unless the text is 14 or 15 digits. valid=false when the MCC cannot exist
 * (mobile country codes start with 2–7).
 */
export function parseImsi(input: string): { normalized: string; valid: boolean; mcc?: string; country?: 'NL' | 'BE' } | null {
  const digits = separatedDigits(input);
  if (digits === null || digits.length < 14 || digits.length > 15) return null;
  const mcc = digits.slice(0, 3);
  if (!/^[2-7]/.test(mcc)) return { normalized: digits, valid: false };
  const country = COUNTRY_BY_MCC[mcc];
  return country ? { normalized: digits, valid: true, mcc, country } : { normalized: digits, valid: true, mcc };
}
