// Every catalogue says everything English says (and nothing English no longer says), with the plural forms
// its language needs and the same {{placeholders}}; every key the code asks for exists. A missing key would
// fall back to English at run time; this test is where it is reported.
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from './index';

// Read through Vite (raw text), not node:fs: the renderer's tsconfig deliberately has no Node types.
const SOURCES = import.meta.glob(['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const FULL_LANGUAGES = ['nl', 'fr'];
const OVERRIDES: Record<string, string> = { 'nl-BE': 'nl', 'nl-NL': 'nl', 'fr-BE': 'fr' };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') out.set(full, child);
    else for (const [k, v] of flatten(child, full)) out.set(k, v);
  }
  return out;
}

/** Keys as a language must have them: a plural base expands to the categories of that language. */
function expectedKeys(english: Map<string, string>, language: string): Set<string> {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const keys = new Set<string>();
  for (const key of english.keys()) {
    if (PLURAL_SUFFIX.test(key)) for (const category of categories) keys.add(key.replace(PLURAL_SUFFIX, `_${category}`));
    else keys.add(key);
  }
  return keys;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const englishOf = (key: string, english: Map<string, string>) => english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, '_other'));

describe('catalogues', () => {
  const namespaces = Object.keys(CATALOGUES.en);

  it('are loaded for every language and namespace', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['common', 'errors']));
    for (const language of FULL_LANGUAGES) expect(Object.keys(CATALOGUES[language]).sort()).toEqual([...namespaces].sort());
  });

  for (const language of FULL_LANGUAGES) {
    it(`${language} has every English key (with its plural forms), no stale key, and the same placeholders`, () => {
      const problems: string[] = [];
      for (const namespace of namespaces) {
        const english = flatten(CATALOGUES.en[namespace]);
        const translated = flatten(CATALOGUES[language][namespace] ?? {});
        const wanted = expectedKeys(english, language);
        for (const key of wanted) if (!translated.has(key)) problems.push(`missing ${language}/${namespace}:${key}`);
        for (const [key, text] of translated) {
          const source = englishOf(key, english);
          if (!wanted.has(key) || source === undefined) problems.push(`not in English ${language}/${namespace}:${key}`);
          else if (placeholders(text).join() !== placeholders(source).join()) problems.push(`placeholders differ ${language}/${namespace}:${key}`);
          if (!text.trim()) problems.push(`empty ${language}/${namespace}:${key}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('regional catalogues only override keys their language has', () => {
    const problems: string[] = [];
    for (const [region, base] of Object.entries(OVERRIDES)) {
      for (const [namespace, catalogue] of Object.entries(CATALOGUES[region] ?? {})) {
        const baseKeys = flatten(CATALOGUES[base][namespace] ?? {});
        for (const [key, text] of flatten(catalogue)) {
          if (!baseKeys.has(key)) problems.push(`${region}/${namespace}:${key} overrides nothing`);
          else if (placeholders(text).join() !== placeholders(baseKeys.get(key)!).join()) problems.push(`placeholders differ ${region}/${namespace}:${key}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('has every key the code asks for', () => {
    const problems: string[] = [];
    expect(Object.keys(SOURCES).length).toBeGreaterThan(50);
    const english = Object.fromEntries(namespaces.map((ns) => [ns, flatten(CATALOGUES.en[ns])]));
    for (const [file, text] of Object.entries(SOURCES)) {
      const fileNamespace = /useTranslation\('(\w+)'\)/.exec(text)?.[1] ?? 'common';
      for (const match of text.matchAll(/\bt\(\s*(?:'([^']+)'|`([^`$]+)`)/g)) {
        const written = match[1] ?? match[2];
        const [namespace, key] = written.includes(':') ? written.split(':', 2) : [fileNamespace, written];
        const keys = english[namespace];
        if (!keys || !(keys.has(key) || keys.has(`${key}_other`) || [...keys.keys()].some((k) => k.startsWith(`${key}.`)))) {
          problems.push(`${file}: ${namespace}:${key}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
