// What a typed search string could be. A search box gets '06-12345678', '12-ab-34' or '93.05.18-223.61';
// each identifier kind it parses as is returned in normalised form so search can look it up exactly.
import { parseBelgianNationalNumber } from './belgian-national-number';
import { parseBsn } from './bsn';
import type { IdentifierKind } from './identifier-kind';
import { parseImei } from './imei';
import { parseImsi } from './imsi';
import { normalizePhone } from './phone';
import { normalizePlate } from './plate';
import { normalizePostcode } from './postcode';
import { plainTypography } from './text';

export interface QueryInterpretation {
  kind: IdentifierKind;
  /** The normalised value: E.164, compact plate, 11-digit RRN, 9-digit BSN, … */
  value: string;
  valid: boolean;
}

type Interpreter = (query: string) => { value: string; valid: boolean } | null;

const INTERPRETERS: [IdentifierKind, Interpreter][] = [
  [
    'phone',
    // Both countries write phone numbers with a leading 0, 00 or +; without it a run of digits is more likely a
    // BSN, IMEI or IMSI than a phone, and reading it as one would only add noise.
    (q) => {
      if (!/^[+0(]/.test(q.trim())) return null;
      const phone = normalizePhone(q);
      return phone && { value: phone.e164, valid: phone.valid };
    },
  ],
  [
    'plate',
    (q) => {
      const plate = normalizePlate(q);
      return plate && { value: plate.normalized, valid: plate.valid };
    },
  ],
  ['be-national-number', (q) => valueOf(parseBelgianNationalNumber(q))],
  ['nl-bsn', (q) => valueOf(parseBsn(q))],
  ['imei', (q) => valueOf(parseImei(q))],
  ['imsi', (q) => valueOf(parseImsi(q))],
  ['postcode', (q) => valueOf(normalizePostcode(q))],
];

function valueOf(parsed: { normalized: string; valid: boolean } | null): { value: string; valid: boolean } | null {
  return parsed && { value: parsed.normalized, valid: parsed.valid };
}

/**
 * Every identifier kind `query` parses as, valid readings first (invalid ones are kept, flagged, because a
 * record may hold the same typing error). An empty list means the query is free text (a name, a city, …).
 */
export function interpretQuery(query: string): QueryInterpretation[] {
  const text = plainTypography(query).trim();
  if (text.length === 0) return [];
  const readings: QueryInterpretation[] = [];
  for (const [kind, interpret] of INTERPRETERS) {
    const reading = interpret(text);
    if (reading) readings.push({ kind, ...reading });
  }
  return [...readings.filter((r) => r.valid), ...readings.filter((r) => !r.valid)];
}
