// Dutch and Belgian licence plates. Both are stored without dashes and in upper case, so they compare on that.
// Each known format is a pattern of letters (X) and digits (9) with dash positions; after stripping the dashes
// every pattern below is distinct, so the characters alone tell the country and format.

import { plainTypography } from './text';

export interface NormalizedPlate {
  normalized: string;
  country?: 'NL' | 'BE';
  /** e.g. 'NL sidecode 3 (99-XX-99)' or 'BE 1-XXX-999 (2010)'. */
  format?: string;
  valid: boolean;
}

interface PlateFormat {
  country: 'NL' | 'BE';
  name: string;
  /** Letters X, digits 9, dashes where the plate shows them. */
  pattern: string;
}

// Dutch sidecodes 1–11 (RDW); the year is when the series started. Later sidecodes are not yet issued.
const NL_SIDECODES: [number, string][] = [
  [1, 'XX-99-99'],
  [2, '99-99-XX'],
  [3, '99-XX-99'],
  [4, 'XX-99-XX'],
  [5, 'XX-XX-99'],
  [6, '99-XX-XX'],
  [7, '99-XXX-9'],
  [8, '9-XXX-99'],
  [9, 'XX-999-X'],
  [10, 'X-999-XX'],
  [11, 'XXX-99-X'],
];

export const PLATE_FORMATS: readonly PlateFormat[] = [
  ...NL_SIDECODES.map(([code, pattern]): PlateFormat => ({
    country: 'NL',
    name: `NL sidecode ${code} (${pattern})`,
    pattern,
  })),
  // Belgium: since 2010 the leading digit is an index (1, 2, …); 1973–2008 letters first; 2008–2010 digits first.
  { country: 'BE', name: 'BE 1-XXX-999 (2010)', pattern: '9-XXX-999' },
  { country: 'BE', name: 'BE XXX-999 (1973)', pattern: 'XXX-999' },
  { country: 'BE', name: 'BE 999-XXX (2008)', pattern: '999-XXX' },
];

function shapeOf(compact: string): string {
  return compact.replace(/[A-Z]/g, 'X').replace(/\d/g, '9');
}

function formatFor(compact: string): PlateFormat | undefined {
  const shape = shapeOf(compact);
  return PLATE_FORMATS.find((format) => format.pattern.replace(/-/g, '') === shape);
}

/**
 * Upper-cases a plate and removes dashes, spaces and dots. Returns the likely country and format; valid=false when
 * the shape matches no known format (the normalised text is still returned). Returns null when the text cannot be
 * a plate: it needs both letters and digits, 4–10 characters, and nothing but letters, digits and separators.
 */
export function normalizePlate(input: string): NormalizedPlate | null {
  const compact = plainTypography(input).trim().toUpperCase().replace(/[\s.\-]/g, '');
  if (!/^[A-Z0-9]{4,10}$/.test(compact) || !/[A-Z]/.test(compact) || !/\d/.test(compact)) return null;
  const format = formatFor(compact);
  if (!format) return { normalized: compact, valid: false };
  return { normalized: compact, country: format.country, format: format.name, valid: true };
}

/** The plate as printed ('12-AB-34', '1-ABC-123'); the compact text unchanged when no format matches. */
export function formatPlate(normalized: string): string {
  const compact = normalized.toUpperCase().replace(/[\s.\-]/g, '');
  const format = formatFor(compact);
  if (!format) return compact;
  let index = 0;
  return [...format.pattern].map((symbol) => (symbol === '-' ? '-' : compact[index++])).join('');
}
