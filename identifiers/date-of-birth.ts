// Dates of birth as Dutch and Belgian records write them.
//
// Ambiguity rules:
// - A four-digit year fixes the order: 'dd-mm-yyyy' (both countries' usual order) or 'yyyy-mm-dd' (ISO).
//   Month-first (US) order is not supported: neither country writes it, and guessing would corrupt dates.
// - Six digits or a two-digit year ('12-03-91', '91.03.12', '120391'): both day-first and year-first are tried;
//   if only one is a real date, that one is used; if both are, `preferOrder` decides (default 'DMY', the
//   common written order; Belgian registers derived from the national number write 'yy.mm.dd').
// - Eight digits without separators: 'ddmmyyyy' or 'yyyymmdd', whichever is a real date with a plausible year;
//   if both, `preferOrder` decides.
// - A two-digit year is the latest year ending in those digits that is not after the reference year
//   (default: the current year), since nobody is born in the future: with reference 2025, '24' → 2024, '26' → 1926.
// - Dates after the reference year or more than 130 years before it are rejected (null).
// - Month names in Dutch, French and English are accepted ('12 maart 1991', '12 mars 1991', '12 March 1991').
// - A time of day after the date, as database and spreadsheet exports add it ('12/03/1991 00:00',
//   '1991-03-12 00:00:00', '1991-03-12T00:00:00'), is dropped. With a UTC offset ('1991-03-11T23:00:00Z', a
//   midnight in Brussels as a system stored it in UTC) the date is the one it was in `timeZone`.
import { isCalendarDate, isoDate, plainTypography } from './text';

export interface DateOfBirthOptions {
  referenceYear?: number;
  preferOrder?: 'DMY' | 'YMD';
  /** Where a date written with a time and a UTC offset is read (default Europe/Brussels). */
  timeZone?: string;
}

const TIME_OF_DAY = /^(.*?\d)(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(z|utc|[+-]\d{2}(?::?\d{2})?)?$/;

const MAX_AGE_YEARS = 130;

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: string[][] = [
  ['januari', 'jan', 'janvier', 'janv', 'january'],
  ['februari', 'feb', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'fev', 'february'],
  ['maart', 'mrt', 'mars', 'march', 'mar'],
  ['april', 'apr', 'avril', 'avr'],
  ['mei', 'mai', 'may'],
  ['juni', 'jun', 'juin', 'june'],
  ['juli', 'jul', 'juillet', 'juil', 'july'],
  ['augustus', 'aug', 'août', 'aout', 'august'],
  ['september', 'sep', 'sept', 'septembre'],
  ['oktober', 'okt', 'octobre', 'oct', 'october'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'décembre', 'decembre', 'déc'],
];
MONTH_NAMES.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

/** 1–12 for a Dutch, French or English month name or abbreviation ('mrt', 'févr', 'OCT', 'sept.'); else null. */
export function monthNumber(name: string): number | null {
  return MONTHS[name.toLowerCase().replace(/\.$/, '')] ?? null;
}

interface Candidate {
  year: number;
  month: number;
  day: number;
}

export function parseDateOfBirth(input: string, opts: DateOfBirthOptions = {}): string | null {
  const text = plainTypography(input).trim().toLowerCase();
  const timed = TIME_OF_DAY.exec(text);
  if (!timed) return parseDate(text, opts);
  const [, datePart, hour, minute, second, zone] = timed;
  const date = parseDate(datePart, opts);
  if (!date || !zone) return date;
  const offsetMinutes = utcOffsetMinutes(zone);
  if (offsetMinutes === null || Number(hour) > 23 || Number(minute) > 59) return null;
  const [year, month, day] = date.split('-').map(Number);
  const instant = Date.UTC(year, month - 1, day, Number(hour), Number(minute), Number(second ?? 0)) - offsetMinutes * 60_000;
  return accept(dateIn(instant, opts.timeZone ?? 'Europe/Brussels'), opts.referenceYear ?? new Date().getFullYear());
}

function utcOffsetMinutes(zone: string): number | null {
  if (zone === 'z' || zone === 'utc') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The calendar date of an instant in an IANA time zone. */
function dateIn(epochMs: number, timeZone: string): Candidate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' }).formatToParts(new Date(epochMs));
  const field = (type: string) => Number(parts.find((part) => part.type === type)?.value);
  return { year: field('year'), month: field('month'), day: field('day') };
}

function accept(c: Candidate | undefined, referenceYear: number): string | null {
  return c && isPlausible(c, referenceYear) ? isoDate(c.year, c.month, c.day) : null;
}

function parseDate(text: string, opts: DateOfBirthOptions): string | null {
  const referenceYear = opts.referenceYear ?? new Date().getFullYear();
  const prefer = opts.preferOrder ?? 'DMY';

  const choose = (dmy: Candidate, ymd: Candidate): string | null => {
    const dmyOk = isPlausible(dmy, referenceYear);
    const ymdOk = isPlausible(ymd, referenceYear);
    if (dmyOk && ymdOk) return accept(prefer === 'DMY' ? dmy : ymd, referenceYear);
    return accept(dmyOk ? dmy : ymdOk ? ymd : undefined, referenceYear);
  };
  const twoDigitYear = (yy: string) => resolveTwoDigitYear(Number(yy), referenceYear);

  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text))) {
    return accept({ year: +m[1], month: +m[2], day: +m[3] }, referenceYear);
  }
  if ((m = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{4})$/.exec(text))) {
    return accept({ year: +m[3], month: +m[2], day: +m[1] }, referenceYear);
  }
  if ((m = /^(\d{1,2})[-/.\s](\d{1,2})[-/.\s](\d{2})$/.exec(text))) {
    return choose(
      { year: twoDigitYear(m[3]), month: +m[2], day: +m[1] },
      { year: twoDigitYear(m[1]), month: +m[2], day: +m[3] },
    );
  }
  if ((m = /^(\d{2})(\d{2})(\d{2})$/.exec(text))) {
    return choose(
      { year: twoDigitYear(m[3]), month: +m[2], day: +m[1] },
      { year: twoDigitYear(m[1]), month: +m[2], day: +m[3] },
    );
  }
  if ((m = /^(\d{8})$/.exec(text))) {
    const d = m[1];
    return choose(
      { year: +d.slice(4), month: +d.slice(2, 4), day: +d.slice(0, 2) },
      { year: +d.slice(0, 4), month: +d.slice(4, 6), day: +d.slice(6) },
    );
  }
  if ((m = /^(\d{1,2})(?:e|er|st|nd|rd|th)?[\s.-]+([\p{L}]+)\.?[\s.,-]+(\d{4}|\d{2})$/u.exec(text))) {
    const month = monthNumber(m[2]);
    if (!month) return null;
    const year = m[3].length === 4 ? +m[3] : twoDigitYear(m[3]);
    return accept({ year, month, day: +m[1] }, referenceYear);
  }
  return null;
}

function resolveTwoDigitYear(yy: number, referenceYear: number): number {
  const century = Math.floor(referenceYear / 100) * 100;
  return century + yy <= referenceYear ? century + yy : century - 100 + yy;
}

function isPlausible(c: Candidate, referenceYear: number): boolean {
  return isCalendarDate(c.year, c.month, c.day) && c.year <= referenceYear && c.year >= referenceYear - MAX_AGE_YEARS;
}
