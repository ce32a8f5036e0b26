import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, RELATIONSHIP_TYPES } from '../contract/model';
import { EXPORT_LANGUAGES, exportLanguageChoices, exportText } from './export-text';

type Tree = { [key: string]: Tree | string | string[] };

/** Every leaf key as a dotted path, with its value. */
function leaves(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) out.set(path, value);
    else for (const [inner, leaf] of leaves(value, path)) out.set(inner, leaf);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
const folder = new URL('./locales/', import.meta.url);
const catalogue = (language: string) => JSON.parse(readFileSync(new URL(`${language}.json`, folder), 'utf8')) as Tree;

describe('export catalogues', () => {
  it('has one catalogue per export language and nothing else', () => {
    expect(readdirSync(folder).sort()).toEqual(EXPORT_LANGUAGES.map((language) => `${language}.json`).sort());
  });

  it('has every key of every language in every other, non-empty and with the same placeholders', () => {
    const reference = leaves(catalogue('en'));
    for (const language of EXPORT_LANGUAGES) {
      const entries = leaves(catalogue(language));
      expect([...entries.keys()].sort(), language).toEqual([...reference.keys()].sort());
      for (const [key, value] of entries) {
        const english = reference.get(key)!;
        if (Array.isArray(value)) {
          expect(value.length, `${language} ${key}`).toBe((english as string[]).length);
          continue;
        }
        expect(value.trim(), `${language} ${key}`).not.toBe('');
        expect(placeholders(value), `${language} ${key}`).toEqual(placeholders(english as string));
      }
    }
  });

  it('names every entity and link type (keys equal to the type names)', () => {
    for (const language of EXPORT_LANGUAGES) {
      const text = exportText(language);
      for (const type of ENTITY_TYPES) expect(Object.keys(text.t.entityType), language).toContain(type);
      for (const type of RELATIONSHIP_TYPES) expect(Object.keys(text.t.linkType), language).toContain(type);
    }
  });

  it('offers the markings of the export country and language', () => {
    const markings = Object.fromEntries(exportLanguageChoices().map((choice) => [choice.language, choice.markings]));
    expect(markings['nl-BE']).toEqual(expect.arrayContaining(['VERTROUWELIJK', 'GEHEIM', 'ZEER GEHEIM', 'BEPERKTE VERSPREIDING']));
    expect(markings['fr-BE']).toEqual(expect.arrayContaining(['CONFIDENTIEL', 'SECRET', 'TRÈS SECRET', 'DIFFUSION RESTREINTE']));
    expect(markings['de-BE']).toContain('VERTRAULICH');
    expect(markings['nl-NL']).toEqual(expect.arrayContaining(['DEPARTEMENTAAL VERTROUWELIJK', 'STG. CONFIDENTIEEL', 'STG. GEHEIM', 'STG. ZEER GEHEIM']));
  });
});

describe('export dates', () => {
  const winter = new Date('2024-03-15T09:30:00Z');
  const summer = new Date('2024-07-01T22:15:00Z');

  it('prints Europe/Brussels time with the offset in the format of the language', () => {
    expect(exportText('nl-BE').dateTime(winter)).toBe('15/03/2024 10:30 (UTC+01:00)');
    expect(exportText('nl-NL').dateTime(winter)).toBe('15-03-2024 10:30 (UTC+01:00)');
    expect(exportText('fr-BE').dateTime(summer)).toBe('02/07/2024 00:15 (UTC+02:00)');
    expect(exportText('de-BE').dateTime(winter)).toBe('15.03.2024 10:30 (UTC+01:00)');
  });

  it('prints calendar dates without shifting them into another day', () => {
    expect(exportText('nl-NL').instant('1988-04-12')).toBe('12-04-1988');
    expect(exportText('nl-BE').instant('2024-01-01T00:00:00Z')).toBe('01/01/2024');
    expect(exportText('en').instant('not a date')).toBe('not a date');
  });
});

describe('entity subtitles in the document language', () => {
  const person = { type: 'Person', properties: { dateOfBirth: '1985-03-12', nationalNumber: '85031212345' } } as const;
  // 01:14 UTC on 15 March is 02:14 in Brussels (CET).
  const incident = { type: 'Incident', properties: { kind: 'atm-gas-attack', at: '2024-03-15T01:14:00Z' } } as const;
  const gang = { type: 'Gang', properties: { kind: 'drugs-cell', chapter: 'Antwerpen' } } as const;
  const location = { type: 'Location', properties: { kind: 'atm', city: 'Maasmechelen' } } as const;
  const vehicle = { type: 'Vehicle', properties: { make: 'Audi', model: 'RS6 Avant' } } as const;
  const phone = { type: 'Phone', properties: { e164: '+31612345678', imei: '356938035643809' } } as const;
  const kase = { type: 'Case', properties: { agency: 'Politie Limburg', title: 'Plofkraken' } } as const;
  const source = { type: 'Source', properties: { kind: 'call-records' } } as const;

  it('writes dates, times and codes as the document language does', () => {
    const written = Object.fromEntries(EXPORT_LANGUAGES.map((language) => [language, [person, incident, gang, location].map((entity) => exportText(language).subtitle(entity))]));
    expect(written).toEqual({
      en: ['12/03/1985 · 85031212345', 'ATM gas attack · 15/03/2024 02:14 (UTC+01:00)', 'Drugs cell · Antwerpen', 'Cash machine · Maasmechelen'],
      'nl-BE': ['12/03/1985 · 85031212345', 'Plofkraak · 15/03/2024 02:14 (UTC+01:00)', 'Drugscel · Antwerpen', 'Bankautomaat · Maasmechelen'],
      'nl-NL': ['12-03-1985 · 85031212345', 'Plofkraak · 15-03-2024 02:14 (UTC+01:00)', 'Drugscel · Antwerpen', 'Geldautomaat · Maasmechelen'],
      'fr-BE': ['12/03/1985 · 85031212345', 'Attaque de distributeur au gaz · 15/03/2024 02:14 (UTC+01:00)', 'Cellule de trafic de drogue · Antwerpen', 'Distributeur de billets · Maasmechelen'],
      'de-BE': ['12.03.1985 · 85031212345', 'Geldautomatensprengung · 15.03.2024 02:14 (UTC+01:00)', 'Drogenzelle · Antwerpen', 'Geldautomat · Maasmechelen'],
    });
  });

  it('keeps words from the records as they are, and codes no catalogue knows', () => {
    expect(exportText('fr-BE').subtitle(vehicle)).toBe('Audi · RS6 Avant');
    expect(exportText('nl-NL').subtitle(phone)).toBe('+31612345678 · 356938035643809');
    expect(exportText('de-BE').subtitle(kase)).toBe('Politie Limburg · Plofkraken');
    expect(exportText('nl-BE').subtitle(source)).toBe('Belgegevens');
    expect(exportText('nl-BE').subtitle({ type: 'Source', properties: { kind: 'constructor' } })).toBe('constructor');
    expect(exportText('en').subtitle({ type: 'Person', subtitle: 'Mohamed El Hassan', properties: {} })).toBe('Mohamed El Hassan');
  });

  it('names the same codes as the interface catalogue', () => {
    const interfaceCodes = JSON.parse(readFileSync(new URL('../renderer/src/i18n/locales/en/details.json', import.meta.url), 'utf8')) as { value: Record<string, Record<string, string>> };
    for (const language of EXPORT_LANGUAGES) {
      const documentCodes = exportText(language).t.propertyValue;
      for (const property of Object.keys(interfaceCodes.value)) {
        expect(Object.keys(documentCodes[property as keyof typeof documentCodes]).sort(), `${language} ${property}`).toEqual(Object.keys(interfaceCodes.value[property]).sort());
      }
    }
  });
});
