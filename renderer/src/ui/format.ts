// Turning API values into text an analyst reads, in the interface language: property names in words, dates
// and times in the locale's order (Belgium dd/mm/yyyy, the Netherlands dd-mm-yyyy), 24-hour, always in
// Belgian/Dutch time (Europe/Brussels = Europe/Amsterdam), whatever time zone the computer is set to.
import type { PropertyValue } from '../../../contract/model';
import { entitySubtitle, isCodedProperty, type SubtitledEntity, type SubtitleFormat } from '../../../shared-values/entity-subtitle';
import { formatLocale, t } from '../i18n';

export const DISPLAY_TIME_ZONE = 'Europe/Brussels';

/** `dateOfBirth` → "Date of birth", `e164` → "E164" (the words a key has when no catalogue names it). */
export function propertyName(key: string): string {
  const words = key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
  const fallback = words.charAt(0).toUpperCase() + words.slice(1);
  return t(`details:property.${key}`, { defaultValue: fallback });
}

/** A code the catalogue can be asked for: dots and colons would be read as key and namespace separators. */
const CATALOGUE_CODE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A coded value in words: `kind` "atm-gas-attack" → "ATM gas attack" / "Plofkraak"; a code the catalogue lacks, as written. */
export function codedValueName(property: string, value: string): string {
  if (!CATALOGUE_CODE.test(value)) return value;
  return t(`details:value.${property}.${value}`, { defaultValue: value });
}

/** A property's value for reading: coded values in words, everything else as formatValue writes it. */
export function formatPropertyValue(property: string, value: PropertyValue | undefined): string {
  return typeof value === 'string' && isCodedProperty(property) ? codedValueName(property, value) : formatValue(value);
}

const SUBTITLE_FORMAT: SubtitleFormat = {
  date: (isoDate) => formatDate(isoDate),
  dateTime: (isoInstant) => formatDateTime(isoInstant),
  code: codedValueName,
};

/** The entity's second line in the interface language (search results, details, merged records). */
export function subtitleOf(entity: SubtitledEntity): string | undefined {
  return entitySubtitle(entity, SUBTITLE_FORMAT);
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function formatValue(value: PropertyValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.join(', ') : '—';
  if (typeof value === 'boolean') return value ? t('common:yes') : t('common:no');
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string' && ISO_DATE_TIME.test(value)) return formatDateTime(value);
  if (typeof value === 'string' && ISO_DATE.test(value)) return formatDate(value);
  return String(value);
}

const DATE_PARTS: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME_PARTS: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "2024-03-05T14:07:00Z" → "05/03/2024 15:07" (nl-NL "05-03-2024 15:07"), Belgian time. */
export function formatDateTime(iso: string, locale = formatLocale()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat(locale, { ...DATE_PARTS, timeZone: DISPLAY_TIME_ZONE }).format(date);
  const time = new Intl.DateTimeFormat(locale, { ...TIME_PARTS, timeZone: DISPLAY_TIME_ZONE }).format(date);
  return `${day} ${time}`;
}

/**
 * A calendar date ("1990-01-02", a date of birth) has no time zone: it is shown as written. One that is no
 * date ("1991-02-30", a typing error a comparison may be pointing at) stays as written too, where Date would
 * quietly roll it over to another day.
 */
export function formatDate(isoDate: string, locale = formatLocale()): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== isoDate) return isoDate;
  return new Intl.DateTimeFormat(locale, { ...DATE_PARTS, timeZone: 'UTC' }).format(date);
}

/** Any Intl date/time format in the interface locale and Belgian time (the time bar's axis). */
export function formatTimestamp(ms: number, options: Intl.DateTimeFormatOptions, locale = formatLocale()): string {
  return new Intl.DateTimeFormat(locale, { hourCycle: 'h23', ...options, timeZone: DISPLAY_TIME_ZONE }).format(new Date(ms));
}

/** 12345 → "12,345" (en), "12.345" (nl), "12 345" (fr). */
export function formatNumber(value: number, locale = formatLocale()): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** An evidence weight with its sign: 3.5 → "+3.5" (en), "+3,5" (nl, fr); 0 has none. */
export function formatWeight(value: number, locale = formatLocale()): string {
  return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: 2 }).format(value);
}

/** A duration in words for the locale: 90 000 ms → "1 min, 30 sec" style, via Intl.NumberFormat units. */
export function formatDuration(ms: number, locale = formatLocale()): string {
  const seconds = Math.round(ms / 1000);
  const unit = (value: number, name: 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'short' }).format(value);
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return [unit(minutes, 'minute'), seconds % 60 ? unit(seconds % 60, 'second') : ''].filter(Boolean).join(' ');
  return [unit(Math.floor(minutes / 60), 'hour'), minutes % 60 ? unit(minutes % 60, 'minute') : ''].filter(Boolean).join(' ');
}

/** EU 4x4 grading as written on intelligence reports, e.g. "B2". */
export function gradingCode(source?: string, information?: string): string | undefined {
  if (!source && !information) return undefined;
  return `${source ?? '?'}${information ?? '?'}`;
}
