// The interface language, switchable at any time: the chart, panels and dialogs re-render in place.
import { useTranslation } from 'react-i18next';
import { currentLanguage, setLanguage } from '../i18n';
import { INTERFACE_LANGUAGES, isInterfaceLanguage, LANGUAGE_NAMES } from '../i18n/languages';

export function LanguagePicker() {
  const { t } = useTranslation('common');
  return (
    <label className="language-picker" title={t('language.title')}>
      <span>{t('language.label')}</span>
      <select
        aria-label={t('language.label')}
        value={currentLanguage()}
        onChange={(event) => {
          if (isInterfaceLanguage(event.target.value)) setLanguage(event.target.value);
        }}
      >
        {INTERFACE_LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
    </label>
  );
}
