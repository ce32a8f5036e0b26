// The interface language: i18next with every catalogue bundled (no network). Catalogues are plain JSON, one
// file per language and feature (locales/<lang>/<namespace>.json); `nl-BE`, `nl-NL` and `fr-BE` hold only
// the words that differ from `nl` / `fr`, which in turn fall back to English key by key.
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { intlLocale } from '../../../shared-values/languages';
import { INTERFACE_LANGUAGES, isInterfaceLanguage, matchLanguage, type InterfaceLanguage } from './languages';

type Catalogue = Record<string, unknown>;
const files = import.meta.glob<Catalogue>('./locales/*/*.json', { eager: true, import: 'default' });

/** { en: { search: {…}, … }, nl: {…}, … } from the bundled files. */
export const CATALOGUES: Record<string, Record<string, Catalogue>> = {};
for (const [path, catalogue] of Object.entries(files)) {
  const [, language, namespace] = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (!language || !namespace) continue;
  (CATALOGUES[language] ??= {})[namespace] = catalogue;
}
export const NAMESPACES = Object.keys(CATALOGUES.en ?? {});

const STORAGE_KEY = 'schakel.language';

export const i18n: I18n = i18next.createInstance();

/** What to start in: the analyst's last choice, else the first OS/browser language Schakel speaks. */
export function initialLanguage(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
  preferred: readonly string[] = globalThis.navigator?.languages ?? [],
): { language: InterfaceLanguage; unsupported?: string } {
  const saved = storage?.getItem(STORAGE_KEY);
  if (isInterfaceLanguage(saved)) return { language: saved };
  return matchLanguage(preferred);
}

void i18n.use(initReactI18next).init({
  resources: CATALOGUES,
  lng: 'en',
  fallbackLng: { 'nl-BE': ['nl', 'en'], 'nl-NL': ['nl', 'en'], 'fr-BE': ['fr', 'en'], default: ['en'] },
  supportedLngs: ['en', 'nl', 'fr', ...INTERFACE_LANGUAGES.filter((l) => l !== 'en')],
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false }, // React escapes
  returnNull: false,
  initAsync: false,
});

export function currentLanguage(): InterfaceLanguage {
  return isInterfaceLanguage(i18n.language) ? i18n.language : 'en';
}

/** Switch now (every component using the hook re-renders; the chart stays) and remember the choice. */
export function setLanguage(language: InterfaceLanguage, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be full or disabled; the choice then lasts this session.
  }
  void i18n.changeLanguage(language);
}

/** The locale Intl should format with right now. */
export function formatLocale(): string {
  return intlLocale(currentLanguage());
}

export const t = i18n.t.bind(i18n);
