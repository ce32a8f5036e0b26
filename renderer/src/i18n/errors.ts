// Backend failures carry stable codes (contract ErrorCode, plus NETWORK from the client); their words come
// from the `errors` catalogue. English shows the server's own message, which names the exact item; other
// languages show the catalogue text for the code, with the server's English detail kept beside it. A code
// the catalogue does not know falls back to the server's message, and so does a message the server already
// wrote in the interface's language (an import refused before it started).
import { currentLanguage, i18n } from './index';
import { importLanguageOf } from './languages';

export interface LocalisedError {
  message: string;
  hint?: string;
  /** The server's own (English) wording, when the message shown is the catalogue's. */
  detail?: string;
}

export function localiseError(error: { code: string; message: string; hint?: string; invalid?: { field: string; rule: string }; language?: string }): LocalisedError {
  const key = `errors:${error.code}.message`;
  const inInterfaceLanguage = currentLanguage() === 'en' || error.language === importLanguageOf(currentLanguage());
  if (inInterfaceLanguage || !i18n.exists(key)) return { message: error.message, ...(error.hint ? { hint: error.hint } : {}) };
  // A refused field names the field (as the request spells it) and the rule it broke.
  const invalidKey = error.invalid ? `errors:invalidField.${error.invalid.rule}` : undefined;
  return {
    message: invalidKey && i18n.exists(invalidKey) ? i18n.t(invalidKey, { field: error.invalid!.field }) : i18n.t(key),
    hint: i18n.t(`errors:${error.code}.hint`),
    detail: i18n.t('errors:detail', { message: error.hint ? `${error.message} ${error.hint}` : error.message }),
  };
}
