import { afterEach, describe, expect, it } from 'vitest';
import { i18n, initialLanguage, setLanguage } from './index';
import { localiseError } from './errors';
import { importLanguageOf, matchLanguage } from './languages';

afterEach(() => i18n.changeLanguage('en'));

describe('interface language', () => {
  it('follows the OS/browser list: Belgian Dutch, other Dutch, any French, English; otherwise English with a notice', () => {
    expect(matchLanguage(['nl-BE', 'en'])).toEqual({ language: 'nl-BE' });
    expect(matchLanguage(['nl'])).toEqual({ language: 'nl-NL' });
    expect(matchLanguage(['fr-FR'])).toEqual({ language: 'fr-BE' });
    expect(matchLanguage(['de-DE', 'fr-BE'])).toEqual({ language: 'fr-BE' });
    expect(matchLanguage(['de-DE'])).toEqual({ language: 'en', unsupported: 'de-DE' });
    expect(matchLanguage([])).toEqual({ language: 'en' });
  });

  it('starts imports in the language of the interface, so the rejects file speaks it', () => {
    expect(importLanguageOf('nl-BE')).toBe('nl');
    expect(importLanguageOf('nl-NL')).toBe('nl');
    expect(importLanguageOf('fr-BE')).toBe('fr');
    expect(importLanguageOf('en')).toBe('en');
  });

  it('starts in the remembered choice over the browser list, and remembers a switch', () => {
    const stored = new Map<string, string>();
    const storage = { getItem: (key: string) => stored.get(key) ?? null, setItem: (key: string, value: string) => void stored.set(key, value) };
    expect(initialLanguage(storage, ['fr-BE'])).toEqual({ language: 'fr-BE' });
    setLanguage('nl-NL', storage);
    expect(i18n.language).toBe('nl-NL');
    expect(initialLanguage(storage, ['fr-BE'])).toEqual({ language: 'nl-NL' });
    stored.set('schakel.language', 'xx');
    expect(initialLanguage(storage, ['fr-BE'])).toEqual({ language: 'fr-BE' });
  });

  it('uses plural forms and regional words', async () => {
    await i18n.changeLanguage('fr-BE');
    expect(i18n.t('common:linkCount', { count: 1 })).toBe('1 lien');
    expect(i18n.t('common:linkCount', { count: 2 })).toBe('2 liens');
    expect(i18n.t('common:entityType.Phone')).toBe('GSM');
    await i18n.changeLanguage('nl-BE');
    expect(i18n.t('common:linkCount', { count: 1 })).toBe('1 schakel');
    expect(i18n.t('details:property.plate')).toBe('Nummerplaat');
    await i18n.changeLanguage('nl-NL');
    expect(i18n.t('details:property.plate')).toBe('Kenteken');
    expect(i18n.t('common:entityType.Person')).toBe('Persoon');
  });

  it('looks up backend errors by code, keeping the server message for English and for an unknown code', async () => {
    const error = { code: 'NOT_FOUND', message: 'No saved chart with id "c1" exists.', hint: 'Refresh the list.' };
    expect(localiseError(error)).toEqual({ message: error.message, hint: error.hint });
    await i18n.changeLanguage('fr-BE');
    const french = localiseError(error);
    expect(french.message).toBe("L'élément demandé n'existe pas (ou plus).");
    expect(french.detail).toContain('No saved chart with id "c1" exists.');
    expect(localiseError({ code: 'SOMETHING_NEW', message: 'New failure.' })).toEqual({ message: 'New failure.' });
  });
});
