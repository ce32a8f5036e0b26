import { describe, expect, it } from 'vitest';
import { EXPORT_LANGUAGES, IMPORT_LANGUAGES, importLanguageOf, intlLocale, isExportLanguage, isImportLanguage } from './languages';

const formatted = (language: Parameters<typeof intlLocale>[0], value: number) => new Intl.NumberFormat(intlLocale(language)).format(value);

describe('written languages', () => {
  it('gives every import and export language a locale Intl knows', () => {
    for (const language of [...IMPORT_LANGUAGES, ...EXPORT_LANGUAGES]) {
      expect(Intl.NumberFormat.supportedLocalesOf([intlLocale(language)]), language).toEqual([intlLocale(language)]);
    }
  });

  it('writes plain Dutch and French numbers as in Belgium, and English ones with commas', () => {
    expect(formatted('nl', 12_345.5)).toBe('12.345,5');
    expect(formatted('fr', 12_345.5)).toBe('12\u202f345,5');
    expect(formatted('en', 12_345.5)).toBe('12,345.5');
    expect(formatted('nl', 12_345)).toBe(formatted('nl-BE', 12_345));
    expect(formatted('fr', 12_345)).toBe(formatted('fr-BE', 12_345));
  });

  it('writes English dates day before month', () => {
    const day = new Intl.DateTimeFormat(intlLocale('en'), { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
    expect(day.format(new Date(Date.UTC(2024, 2, 15)))).toBe('15/03/2024');
  });

  it('tells the two sets apart', () => {
    expect(isImportLanguage('nl')).toBe(true);
    expect(isImportLanguage('nl-BE')).toBe(false);
    expect(isExportLanguage('nl-BE')).toBe(true);
    expect(isExportLanguage('nl')).toBe(false);
    expect(isImportLanguage('en') && isExportLanguage('en')).toBe(true);
    expect(isImportLanguage(undefined) || isExportLanguage(42)).toBe(false);
  });

  it('reads a regional language with the importer base language, English where the importer has none', () => {
    const regional = ['nl-BE', 'nl-NL', 'fr-BE', 'de-BE', 'fr'] as const;
    expect(regional.map(importLanguageOf)).toEqual(['nl', 'nl', 'fr', 'en', 'fr']);
  });
});
