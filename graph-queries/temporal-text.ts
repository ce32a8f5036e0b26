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

/** The driver's text for a Date, LocalDateTime or DateTime; null for anything else (or fields out of the ordinary range). */
export function temporalText(value: unknown): string | null {
  if (isDateTime(value as never)) {
    const dt = value as DateTime<Field>;
    const fields = [dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.nanosecond].map(plain);
    if (fields.some((field) => field === null)) return null;
    const [y, mo, d, h, mi, s, n] = fields as number[];
    let text = `${date(y, mo, d)}T${time(h, mi, s, n)}`;
    if (dt.timeZoneOffsetSeconds != null) {
      const seconds = plain(dt.timeZoneOffsetSeconds);
      if (seconds === null) return null;
      text += offset(seconds);
    }
    return dt.timeZoneId != null ? `${text}[${dt.timeZoneId}]` : text;
  }
  if (isLocalDateTime(value as never)) {
    const dt = value as LocalDateTime<Field>;
    const fields = [dt.year, dt.month, dt.day, dt.hour, dt.minute, dt.second, dt.nanosecond].map(plain);
    if (fields.some((field) => field === null)) return null;
    const [y, mo, d, h, mi, s, n] = fields as number[];
    return `${date(y, mo, d)}T${time(h, mi, s, n)}`;
  }
  if (isDate(value as never)) {
    const day = value as Neo4jDate<Field>;
    const fields = [day.year, day.month, day.day].map(plain);
    if (fields.some((field) => field === null)) return null;
    const [y, mo, d] = fields as number[];
    return date(y, mo, d);
  }
  return null;
}
