// Starts the interface in the remembered or the OS/browser language, keeps <html lang> in step, follows the
// desktop app's Language menu, and says once when the system language is one Schakel does not speak.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n, initialLanguage, setLanguage } from '../i18n';
import { isInterfaceLanguage } from '../i18n/languages';

declare global {
  interface Window {
    /** Set by the Electron preload: the app menu's Language items call back here. */
    schakelMenu?: { onLanguage: (listener: (language: string) => void) => void };
  }
}

const start = initialLanguage();
if (start.language !== i18n.language) void i18n.changeLanguage(start.language);

export function useInterfaceLanguage(): { unsupported: string | undefined; dismissUnsupported: () => void } {
  const { i18n: instance } = useTranslation();
  const [unsupported, setUnsupported] = useState(start.unsupported);

  useEffect(() => {
    document.documentElement.lang = instance.language;
  }, [instance.language]);

  useEffect(() => {
    window.schakelMenu?.onLanguage((language) => {
      if (isInterfaceLanguage(language)) setLanguage(language);
    });
  }, []);

  return { unsupported, dismissUnsupported: () => setUnsupported(undefined) };
}
