// Temporal values as the ISO text neo4j-driver's own toString() writes, written with plain numbers. The
// driver formats every field through its 64-bit Integer class (division loops for each digit), which made
// the dates and times of a hub's links the larger part of mapping its expansion.
import { isDate, isDateTime, isLocalDateTime, type Date as Neo4jDate, type DateTime, type Integer, type LocalDateTime } from 'neo4j-driver';

type Field = Integer | number | bigint;

function plain(value: Field): number | null {
  const number = typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : value.toNumber();
  return Number.isSafeInteger(number) ? number : null;
}

const pad = (value: number, length: number) => String(value).padStart(length, '0');

function year(value: number): string {
  if (value < 0) return `-${pad(-value, 6)}`;
  return value > 9999 ? `+${pad(value, 6)}` : pad(value, 4);
}

function date(y: number, m: number, d: number): string {
  return `${year(y)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function time(h: number, m: number, s: number, nanos: number): string {
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${nanos === 0 ? '' : `.${pad(nanos, 9)}`}`;
}

function offset(seconds: number): string {
  if (seconds === 0) return 'Z';
  const sign = seconds < 0 ? '-' : '+';
  const abs = Math.abs(seconds);
  const rest = abs % 60;
  return `${sign}${pad(Math.floor(abs / 3600), 2)}:${pad(Math.floor(abs / 60) % 60, 2)}${rest === 0 ? '' : `:${pad(rest, 2)}`}`;
}

/** The fields as plain numbers, or null when one is beyond the safe integers. */
function plainFields(...fields: Field[]): number[] | null {
  const numbers = fields.map(plain);
  return numbers.some((number) => number === null) ? null : (numbers as number[]);
}

/** The driver's text for a Date, LocalDateTime or DateTime; null for anything else (or fields out of the ordinary range). */
export function temporalText(value: unknown): string | null {
  const zoned = isDateTime(value as never);
  if (zoned || isLocalDateTime(value as never)) {
    const dt = value as LocalDateTime<Field>;
    const fields = plainFields(dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.nanosecond);
    if (!fields) return null;
    const [y, mo, d, h, mi, s, n] = fields;
    const local = `${date(y, mo, d)}T${time(h, mi, s, n)}`;
    if (!zoned) return local;
    const { timeZoneOffsetSeconds, timeZoneId } = value as DateTime<Field>;
    const seconds = timeZoneOffsetSeconds == null ? undefined : plain(timeZoneOffsetSeconds);
    if (seconds === null) return null;
    return `${local}${seconds === undefined ? '' : offset(seconds)}${timeZoneId == null ? '' : `[${timeZoneId}]`}`;
  }
  if (isDate(value as never)) {
    const day = value as Neo4jDate<Field>;
    const fields = plainFields(day.year, day.month, day.day);
    return fields ? date(fields[0], fields[1], fields[2]) : null;
  }
  return null;
}
