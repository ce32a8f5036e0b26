// Date-times as call records, ANPR exports and registers write them, read into instants (epoch ms).
//
// Accepted, also mixed within one column:
//   2024-03-01 14:05[:07[.123]]   2024-03-01T14:05:07Z   2024-03-01T14:05:07+01:00   2024/03/01 14:05
//   01-03-2024 14:05   01/03/2024 14:05:07   01.03.2024 14u05   1-3-24 14:05   20240301 140507   20240301
//   01-mrt-2024 14:05   1 mars 2024 14:05   01-MAR-24 14.05.07 (month names in Dutch, French, English)
// Day-first only when the year comes last: neither country writes month-first (US) dates, and guessing
// between 01/03 and 03/01 would silently corrupt the timeline. A time without an offset is wall-clock time
// in `timeZone` (Europe/Brussels and Europe/Amsterdam share CET/CEST); a date without a time is midnight.
import { monthNumber } from '../identifiers/date-of-birth';
import { isCalendarDate, plainTypography } from '../identifiers/text';

export interface DateTimeOptions {
  /** IANA zone for times written without an offset. */
  timeZone: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Brussels';

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC when the text says so ('Z', '+01:00'). */
  offsetMinutes?: number;
}

const TIME = String.raw`(?:[T\s]+(\d{1,2})[:.uh](\d{2})(?:[:.](\d{2})(?:[.,](\d{1,9}))?)?)?`;
const ZONE = String.raw`\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?`;
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}${ZONE}$`, 'i');
const DAY_FIRST = new RegExp(String.raw`^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})${TIME}${ZONE}$`, 'i');
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[T\s]?(\d{2})(\d{2})(\d{2})?)?$/;
/** Excel's '1-mrt-2024' and '01 mars 2024', Oracle's '01-MAR-24': the month written as a name. */
const DAY_MONTH_NAME = new RegExp(String.raw`^(\d{1,2})[-\s.]+(\p{L}+\.?)[-\s.]+(\d{4}|\d{2})${TIME}${ZONE}$`, 'iu');

function offsetOf(zone: string | undefined): number | undefined {
  if (!zone) return undefined;
  if (/^(z|utc)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!match) return undefined;
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '-' ? -minutes : minutes;
}

function fromMatch(m: RegExpExecArray, year: number, month: number, day: number): Parts {
  const fraction = m[7] ?? '';
  return {
    year,
    month,
    day,
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    second: Number(m[6] ?? 0),
    millisecond: fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0,
    offsetMinutes: offsetOf(m[8]),
  };
}

function parseParts(text: string): Parts | null {
  let m: RegExpExecArray | null;
  if ((m = YEAR_FIRST.exec(text))) return fromMatch(m, Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = DAY_FIRST.exec(text))) {
    // A two-digit year in an event log is this century: police exports do not reach back to the 1900s.
    const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return fromMatch(m, year, Number(m[2]), Number(m[1]));
  }
  if ((m = DAY_MONTH_NAME.exec(text))) {
    const month = monthNumber(m[2]);
    if (month === null) return null;
    return fromMatch(m, m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), month, Number(m[1]));
  }
  if ((m = COMPACT.exec(text))) {
    return {
      year: Number(m[1]),
      month: Number(m[2]),
      day: Number(m[3]),
      hour: Number(m[4] ?? 0),
      minute: Number(m[5] ?? 0),
      second: Number(m[6] ?? 0),
      millisecond: 0,
    };
  }
  return null;
}

function isValid(p: Parts): boolean {
  return (
    p.year >= 1900 &&
    p.year <= 2200 &&
    isCalendarDate(p.year, p.month, p.day) &&
    p.hour <= 24 &&
    p.minute <= 59 &&
    p.second <= 60 &&
    (p.hour < 24 || p.minute + p.second + p.millisecond === 0)
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Zone offsets per zone and UTC hour: rows of one export share a few thousand hours, so this stays small. */
const offsetCaches = new Map<string, Map<number, number>>();

function zoneOffsetMinutes(epochMs: number, timeZone: string): number {
  let offsetCache = offsetCaches.get(timeZone);
  if (!offsetCache) offsetCaches.set(timeZone, (offsetCache = new Map()));
  const hourKey = Math.floor(epochMs / 3_600_000);
  const cached = offsetCache.get(hourKey);
  if (cached !== undefined) return cached;
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const fields: Record<string, number> = {};
  for (const part of formatter.formatToParts(new Date(epochMs))) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  const asUtc = Date.UTC(fields.year, fields.month - 1, fields.day, fields.hour, fields.minute, fields.second);
  const offset = Math.round((asUtc - Math.floor(epochMs / 1000) * 1000) / 60_000);
  if (offsetCache.size > 100_000) offsetCache.clear();
  offsetCache.set(hourKey, offset);
  return offset;
}

/** The instant of a wall-clock time in `timeZone` (for the repeated hour in autumn: the first one). */
export function zonedTimeToEpoch(p: Omit<Parts, 'offsetMinutes'>, timeZone: string): number {
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  const firstGuess = wallAsUtc - zoneOffsetMinutes(wallAsUtc, timeZone) * 60_000;
  return wallAsUtc - zoneOffsetMinutes(firstGuess, timeZone) * 60_000;
}

/** Reads a date or date-time; null when the text is no date in any accepted form (the row is rejected). */
export function parseDateTime(input: string, options: DateTimeOptions): number | null {
  const text = plainTypography(input).trim();
  if (!text) return null;
  const parts = parseParts(text);
  if (!parts || !isValid(parts)) return null;
  if (parts.offsetMinutes !== undefined) {
    return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond) - parts.offsetMinutes * 60_000;
  }
  return zonedTimeToEpoch(parts, options.timeZone);
}

export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/**
 * Dates that registers and databases write to mean "no date": an open end ('31-12-9999', '9999-12-31 23:59:59')
 * or an empty date field ('0000-00-00', '00-00-0000 00:00'). An optional column holding one is empty.
 */
export function isNoDatePlaceholder(input: string): boolean {
  const date = plainTypography(input).trim().replace(/[T\s]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?$/i, '');
  return /^(?:9999[-/.]?12[-/.]?31|31[-/.]12[-/.]9999|0{4}[-/.]?00[-/.]?00|00[-/.]00[-/.]0{4})$/.test(date);
}
