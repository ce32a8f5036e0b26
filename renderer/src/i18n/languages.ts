// The interface languages and how a browser/OS language list maps onto them. Pure: tested without a page.
import type { ImportLanguage } from '../../../contract/imports';

/** What the analyst can choose. Dutch comes in a Belgian and a Dutch variant (nummerplaat / kenteken, GSM /
 * mobiele telefoon, rijksregisternummer / BSN); French is Belgian French. */
export const INTERFACE_LANGUAGES = ['en', 'nl-BE', 'nl-NL', 'fr-BE'] as const;
export type InterfaceLanguage = (typeof INTERFACE_LANGUAGES)[number];

/** Each language's name in itself, for the picker (never translated: a lost user must find their own). */
export const LANGUAGE_NAMES: Record<InterfaceLanguage, string> = {
  en: 'English',
  'nl-BE': 'Nederlands (België)',
  'nl-NL': 'Nederlands (Nederland)',
  'fr-BE': 'Français (Belgique)',
};

/** The locale Intl formats dates and numbers with (English in the European day-month order). */
export const FORMAT_LOCALES: Record<InterfaceLanguage, string> = {
  en: 'en-GB',
  'nl-BE': 'nl-BE',
  'nl-NL': 'nl-NL',
  'fr-BE': 'fr-BE',
};

/**
 * The language an import started from the app writes its rejects file in: the interface's, since the analyst
 * who started it reads the reasons. The importer's words do not differ between Belgian and Dutch Dutch.
 */
const IMPORT_LANGUAGE_OF: Record<InterfaceLanguage, ImportLanguage> = { en: 'en', 'nl-BE': 'nl', 'nl-NL': 'nl', 'fr-BE': 'fr' };

export function importLanguageOf(language: InterfaceLanguage): ImportLanguage {
  return IMPORT_LANGUAGE_OF[language];
}

export function isInterfaceLanguage(value: unknown): value is InterfaceLanguage {
  return typeof value === 'string' && (INTERFACE_LANGUAGES as readonly string[]).includes(value);
}

/** The first of the user's languages Schakel speaks; `unsupported` names the preferred one when none is. */
export function matchLanguage(preferred: readonly string[]): { language: InterfaceLanguage; unsupported?: string } {
  for (const tag of preferred) {
    const [base, region] = tag.toLowerCase().split(/[-_]/);
    if (base === 'nl') return { language: region === 'be' ? 'nl-BE' : 'nl-NL' };
    if (base === 'fr') return { language: 'fr-BE' };
    if (base === 'en') return { language: 'en' };
  }
  return { language: 'en', ...(preferred[0] ? { unsupported: preferred[0] } : {}) };
}
