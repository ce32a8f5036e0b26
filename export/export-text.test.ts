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
