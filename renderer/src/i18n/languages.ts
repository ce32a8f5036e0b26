// The interface languages and how a browser/OS language list maps onto them. Pure: tested without a page.
import { importLanguageOf } from '../../../shared-values/languages';

export { importLanguageOf };

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
