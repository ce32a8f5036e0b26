// The languages Schakel writes its own files and command-line text in, and the Intl locale each one formats
// numbers and dates with. One table for both sets: the importer's languages are plain (its words do not
// differ between Belgian and Dutch Dutch), a court export's carry a region (the proceedings' country decides
// the markings). Each set is also the name of its catalogues (import/locales/<language>.json,
// export/locales/<language>.json).

/** Languages the importer writes in: the rejects file, its errors and warnings, the import command line. */
export const IMPORT_LANGUAGES = ['nl', 'fr', 'en'] as const;
export type ImportLanguage = (typeof IMPORT_LANGUAGES)[number];

/**
 * Languages a court export can be written in, independent of the interface language: the language of the
 * proceedings (Dutch, French or German in Belgium, Dutch in the Netherlands) decides, and with it the set of
 * classification markings (Belgian or Dutch).
 */
export const EXPORT_LANGUAGES = ['nl-BE', 'nl-NL', 'fr-BE', 'de-BE', 'en'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

export type WrittenLanguage = ImportLanguage | ExportLanguage;

/**
 * Plain Dutch and French are written as in Belgium, where Schakel's analysts read both (32.767 in Dutch,
 * 32 767 in French); English keeps the European day-month order of dates.
 */
const INTL_LOCALES: Record<WrittenLanguage, string> = {
  nl: 'nl-BE',
  fr: 'fr-BE',
  en: 'en-GB',
  'nl-BE': 'nl-BE',
  'nl-NL': 'nl-NL',
  'fr-BE': 'fr-BE',
  'de-BE': 'de-BE',
};

/** The locale to give Intl.NumberFormat and Intl.DateTimeFormat for text in this language. */
export function intlLocale(language: WrittenLanguage): string {
  return INTL_LOCALES[language];
}

export function isImportLanguage(value: unknown): value is ImportLanguage {
  return typeof value === 'string' && (IMPORT_LANGUAGES as readonly string[]).includes(value);
}

export function isExportLanguage(value: unknown): value is ExportLanguage {
  return typeof value === 'string' && (EXPORT_LANGUAGES as readonly string[]).includes(value);
}

/**
 * The importer's language for text in any written language: its base language when the importer speaks it
 * (Belgian and Dutch Dutch read the same rejects file), else English.
 */
export function importLanguageOf(language: WrittenLanguage): ImportLanguage {
  const base = language.split('-')[0];
  return isImportLanguage(base) ? base : 'en';
}
