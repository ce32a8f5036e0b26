// Every word an export writes, in the export's language: the catalogues in export/locales/<language>.json
// (plain JSON, one file per language, typed by the English one so a missing key fails the type check and
// export-text.test.ts). Dates are printed in Europe/Brussels time (= Europe/Amsterdam) with the UTC offset,
// in the language's own format (nl-BE 15/03/2024, nl-NL 15-03-2024, de-BE 15.03.2024).
import type { ExportLanguageChoice } from '../contract/export-requests';
import type { EntityType, RelationshipType } from '../contract/model';
import { entitySubtitle, type SubtitledEntity, type SubtitleFormat } from '../shared-values/entity-subtitle';
import { EXPORT_LANGUAGES, intlLocale, isExportLanguage, type ExportLanguage } from '../shared-values/languages';
import deBE from './locales/de-BE.json';
import en from './locales/en.json';
import frBE from './locales/fr-BE.json';
import nlBE from './locales/nl-BE.json';
import nlNL from './locales/nl-NL.json';

export { EXPORT_LANGUAGES, isExportLanguage, type ExportLanguage };

export type ExportCatalogue = typeof en;

export const EXPORT_CATALOGUES: Record<ExportLanguage, ExportCatalogue> = {
  'nl-BE': nlBE,
  'nl-NL': nlNL,
  'fr-BE': frBE,
  'de-BE': deBE,
  en,
};

/** The time zone of every date in an export: Belgium and the Netherlands share it. */
export const EXPORT_TIME_ZONE = 'Europe/Brussels';

export interface ExportText {
  language: ExportLanguage;
  /** The catalogue: `text.t.cover.heading`. */
  t: ExportCatalogue;
  /** Fills `{name}` placeholders. */
  format(template: string, values: Record<string, string | number>): string;
  /** Date and time in Europe/Brussels with the offset: "15/03/2024 10:30 (UTC+01:00)". */
  dateTime(date: Date): string;
  /** A calendar date ("1988-04-12" → "12/04/1988"), or an instant at UTC midnight, without time. */
  day(date: Date): string;
  /** An ISO-8601 value as the appendix prints it: a day when it has no time of day, else dateTime. */
  instant(iso: string): string;
  entityType(type: EntityType): string;
  linkType(type: RelationshipType): string;
  /** An entity's second line in the document's language, with its dates as the document writes them. */
  subtitle(entity: SubtitledEntity): string | undefined;
}

const cache = new Map<ExportLanguage, ExportText>();

export function exportText(language: ExportLanguage = 'en'): ExportText {
  const cached = cache.get(language);
  if (cached) return cached;
  const t = EXPORT_CATALOGUES[language];
  const locale = intlLocale(language);
  const dateFormat = new Intl.DateTimeFormat(locale, { timeZone: EXPORT_TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
  const timeFormat = new Intl.DateTimeFormat(locale, { timeZone: EXPORT_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const offsetFormat = new Intl.DateTimeFormat('en-GB', { timeZone: EXPORT_TIME_ZONE, timeZoneName: 'longOffset' });
  const utcDayFormat = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
  const unknown = '?';
  const text: ExportText = {
    language,
    t,
    format: (template, values) => template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole)),
    dateTime(date) {
      if (Number.isNaN(date.getTime())) return unknown;
      return `${dateFormat.format(date)} ${timeFormat.format(date)} (${utcOffset(offsetFormat, date)})`;
    },
    day(date) {
      return Number.isNaN(date.getTime()) ? unknown : utcDayFormat.format(date);
    },
    instant(iso) {
      const time = Date.parse(iso);
      if (Number.isNaN(time)) return iso;
      // A date without a time of day is a calendar date, not an instant: no zone shift, no time.
      const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso) || new Date(time).toISOString().endsWith('T00:00:00.000Z');
      return dateOnly ? text.day(new Date(time)) : text.dateTime(new Date(time));
    },
    entityType: (type) => t.entityType[type] ?? type,
    linkType: (type) => t.linkType[type] ?? type.toLowerCase().replace(/_/g, ' '),
    subtitle: (entity) => entitySubtitle(entity, subtitleFormat),
  };
  const codeNames: Readonly<Record<string, Readonly<Record<string, string>>>> = t.propertyValue;
  const subtitleFormat: SubtitleFormat = {
    date: (isoDate) => text.instant(isoDate),
    dateTime: (isoInstant) => text.instant(isoInstant),
    // Own keys only: a code such as "constructor" must not find the object's prototype.
    code: (property, value) => (Object.hasOwn(codeNames[property] ?? {}, value) ? codeNames[property][value] : value),
  };
  cache.set(language, text);
  return text;
}

/** "GMT+01:00" → "UTC+01:00" ("GMT" alone at offset zero → "UTC+00:00"). */
function utcOffset(format: Intl.DateTimeFormat, date: Date): string {
  const name = format.formatToParts(date).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const offset = name.replace(/^GMT/, '');
  return `UTC${offset || '+00:00'}`;
}

/** What the export dialog offers: each language with its own name and its country's markings. */
export function exportLanguageChoices(): ExportLanguageChoice[] {
  return EXPORT_LANGUAGES.map((language) => ({ language, name: EXPORT_CATALOGUES[language].language.name, markings: [...EXPORT_CATALOGUES[language].markings] }));
}
