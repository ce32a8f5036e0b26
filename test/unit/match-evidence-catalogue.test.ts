// Every piece of evidence the comparators produce can be read in Dutch, French and English: its message code
// is in the review catalogue of each language with exactly the placeholders its values fill, its comparison
// and its field have names there, and the code list and the catalogue agree (no code without a sentence, no
// sentence without a code). The evidence comes from the real comparators: every pair blocking proposes in the
// scale-1 demo data, plus pairs written to reach the messages the demo data never needs.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../demo-data/generate';
import { recordsFromDemo } from '../../resolution/from-demo';
import type { Evidence, PersonRecord, PhoneRecord, ResolutionRecord, VehicleRecord } from '../../resolution/records';
import { resolveRecords, scorePair } from '../../resolution/resolve';
import { EVIDENCE_CODES, EVIDENCE_MESSAGES, evidencePlaceholders, wordableEvidence } from '../../shared-values/match-evidence';

const LANGUAGES = ['en', 'nl', 'fr'];
/** The catalogues as files (this test runs with Node's types, not the renderer's import.meta.glob). */
const catalogue = (language: string, namespace: string) =>
  JSON.parse(readFileSync(new URL(`../../renderer/src/i18n/locales/${language}/${namespace}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
const CATALOGUES = Object.fromEntries(LANGUAGES.map((language) => [language, { review: catalogue(language, 'review'), details: catalogue(language, 'details') }]));
const person = (id: string, fields: Partial<PersonRecord>): PersonRecord => ({ id, type: 'Person', sourceId: `S-${id}`, ...fields });
const phone = (id: string, fields: Partial<PhoneRecord>): PhoneRecord => ({ id, type: 'Phone', sourceId: `S-${id}`, ...fields });
const vehicle = (id: string, fields: Partial<VehicleRecord>): VehicleRecord => ({ id, type: 'Vehicle', sourceId: `S-${id}`, ...fields });

/** Pairs for the messages the demo data does not reach: identifiers, date typos, handsets, SIMs, shared cars and addresses. */
const WRITTEN_PAIRS: [ResolutionRecord, ResolutionRecord][] = [
  [person('a', { bsn: '123456782' }), person('b', { bsn: '123456782' })],
  [person('a', { nationalNumber: '85073003328', identifierValid: false }), person('b', { nationalNumber: '85073003328', identifierValid: false })],
  [person('a', { givenName: 'Jan', familyName: 'Jansen', dateOfBirth: '1991-03-12' }), person('b', { givenName: 'Jan', familyName: 'Jansen', dateOfBirth: '1991-12-03' })],
  [person('a', { givenName: 'Jan', familyName: 'Jansen', dateOfBirth: '1991-03-12' }), person('b', { givenName: 'Jan', familyName: 'Jansen', dateOfBirth: '1991-03-13' })],
  [person('a', { givenName: 'Mohamed', familyName: 'Vermeulen' }), person('b', { givenName: 'MOHAMMED', familyName: 'Vermeuelen' })],
  [person('a', { givenName: 'Jan', familyName: 'Peeters' }), person('b', { givenName: 'JAN', familyName: 'Peeters' })],
  [person('a', { givenName: 'Janssens', familyName: 'Dubois' }), person('b', { givenName: 'Janssems', familyName: 'Duboit' })],
  [
    person('a', { givenName: 'Piet', familyName: 'Smit', plates: ['1ABC123'], addresses: ['2300|MAESWEG 179'] }),
    person('b', { givenName: 'Piet', familyName: 'Smit', plates: ['1ABC123'], addresses: ['2300|MAESWEG 179'] }),
  ],
  [
    person('a', { givenName: 'Hasan', familyName: 'Yilmaz', dateOfBirth: '1996-11-02', plates: ['1ABC123'] }),
    person('b', { givenName: 'Mehmet', familyName: 'Yilmaz', dateOfBirth: '1961-04-05', plates: ['1ABC123'] }),
  ],
  [phone('a', { e164: '+32470123456', imei: '490154203237518', imsi: '206012345678901' }), phone('b', { e164: '+32470123457', imei: '490154203237518', imsi: '206012345678901' })],
  [phone('a', { imei: '490154203237519', imsi: '206012345678901' }), phone('b', { imei: '490154203237519', imsi: '206012345678902' })],
  [phone('a', { imei: '490154203237518' }), phone('b', { imei: '356938035643809' })],
  [vehicle('a', { vin: 'WVWZZZ1JZXW000001', plate: '1-ABC-123', make: 'Audi', model: 'A4' }), vehicle('b', { vin: 'WVWZZZ1JZXW000001', plate: '1ABC123', make: 'Audi', model: 'A6' })],
];

function producedEvidence(): Evidence[] {
  const demo = resolveRecords(recordsFromDemo(generateDemo({ scale: 1 })), { threshold: -Infinity }).pairs;
  return [...demo, ...WRITTEN_PAIRS.map(([a, b]) => scorePair(a, b))].flatMap((pair) => pair.evidence);
}

function entry(language: string, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), CATALOGUES[language].review);
}

const placeholdersOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

function leaves(node: unknown, prefix: string): string[] {
  if (typeof node === 'string') return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
}

describe('match evidence in every language', () => {
  const evidence = producedEvidence();

  it('reaches every message code, so the checks below see them all', () => {
    expect(new Set(evidence.map((e) => e.code))).toEqual(new Set(EVIDENCE_CODES));
  });

  it('gives each piece a code whose sentence takes exactly its values, in en, nl and fr', () => {
    const problems = new Set<string>();
    for (const e of evidence) {
      const names = Object.keys(e.values).sort();
      if (names.join() !== evidencePlaceholders(e.code).join()) problems.add(`${e.code}: values ${names.join()} for placeholders ${evidencePlaceholders(e.code).join()}`);
      if (!wordableEvidence(e)) problems.add(`${e.code}: a value of the wrong kind in ${JSON.stringify(e.values)}`);
      if (!e.detail) problems.add(`${e.code}: no English detail`);
      for (const language of LANGUAGES) {
        const sentence = entry(language, `evidenceText.${e.code}`);
        if (typeof sentence !== 'string') problems.add(`${language}: no sentence for ${e.code}`);
        else if (placeholdersOf(sentence).join() !== names.join()) problems.add(`${language}: ${e.code} has placeholders ${placeholdersOf(sentence).join()}, values ${names.join()}`);
        if (typeof entry(language, `comparison.${e.comparison}`) !== 'string') problems.add(`${language}: no name for comparison ${e.comparison}`);
        const fieldName = entry(language, `evidenceField.${e.field}`) ?? (CATALOGUES[language].details.property as Record<string, unknown>)[e.field];
        if (typeof fieldName !== 'string') problems.add(`${language}: no name for field ${e.field}`);
      }
    }
    expect([...problems]).toEqual([]);
  });

  it('has a sentence for every code and no sentence without one, with the code\'s placeholders', () => {
    for (const language of LANGUAGES) {
      const sentences = leaves(entry(language, 'evidenceText'), '');
      expect(sentences.sort(), language).toEqual([...EVIDENCE_CODES].sort());
      for (const code of EVIDENCE_CODES) expect(placeholdersOf(String(entry(language, `evidenceText.${code}`))), `${language} ${code}`).toEqual(Object.keys(EVIDENCE_MESSAGES[code]).sort());
    }
  });
});
