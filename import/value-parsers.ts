// Small readers for cell values that are not identifiers: durations, decimals, yes/no, gender. Each returns
// null when the text does not say what it should, so the row goes to the rejects file with a reason
// instead of carrying a guess.

/** Seconds from '75', '75.0', '1:15' (m:ss), '00:01:15' (h:mm:ss), either with a fraction ('00:01:15.000', '1:15,5'), or '1m15s'. */
export function parseDurationSeconds(input: string): number | null {
  const text = input.trim().toLowerCase();
  if (/^\d+(?:[.,]\d+)?$/.test(text)) return Math.round(Number(text.replace(',', '.')));
  let m: RegExpExecArray | null;
  const seconds = (whole: string, fraction: string | undefined) => Math.round(Number(`${whole}.${fraction ?? '0'}`));
  if ((m = /^(\d+):([0-5]\d)(?:[.,](\d+))?$/.exec(text))) return Number(m[1]) * 60 + seconds(m[2], m[3]);
  if ((m = /^(\d+):([0-5]\d):([0-5]\d)(?:[.,](\d+))?$/.exec(text))) return Number(m[1]) * 3600 + Number(m[2]) * 60 + seconds(m[3], m[4]);
  if ((m = /^(?:(\d+)\s*h)?\s*(?:(\d+)\s*m(?:in)?)?\s*(?:(\d+)\s*s(?:ec)?)?$/.exec(text)) && (m[1] || m[2] || m[3])) {
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  }
  return null;
}

/** A decimal written with '.' or ',' (Dutch, Flemish and French spreadsheets use the comma). */
export function parseDecimal(input: string): number | null {
  const text = input.trim().replace(/\s/g, '');
  if (!/^[+-]?\d+(?:[.,]\d+)?$/.test(text)) return null;
  return Number(text.replace(',', '.'));
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'oui', 'o', 'true', 'waar', 'vrai', '1', 'x']);
const NO = new Set(['nee', 'n', 'neen', 'no', 'non', 'false', 'onwaar', 'faux', '0']);

export function parseYesNo(input: string): boolean | null {
  const text = input.trim().toLowerCase();
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  return null;
}

const MALE = new Set(['m', 'man', 'male', 'mannelijk', 'homme', 'h', 'masculin']);
const FEMALE = new Set(['f', 'v', 'vrouw', 'female', 'vrouwelijk', 'femme', 'féminin', 'feminin']);

/** 'M' or 'F' as the data model stores it; null for anything else (kept as written by the caller). */
export function parseGender(input: string): 'M' | 'F' | null {
  const text = input.trim().toLowerCase();
  if (MALE.has(text)) return 'M';
  if (FEMALE.has(text)) return 'F';
  return null;
}
