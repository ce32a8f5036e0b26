import { describe, expect, it } from 'vitest';
import type { ChartDocument } from '../../../contract/chart';
import { paperPixels } from './paper';
import { restrictedItems } from './restricted-items';
import { caseReferenceOf, equivalentMarking, languageMemory, proposedLanguage, withMergedRecords } from './export-choices';

function chart(): ChartDocument {
  const entity = (id: string, handling: string, hidden = false) => ({ id, type: 'Person' as const, label: `Label ${id}`, handling, properties: {}, ...(hidden ? { hidden } : {}) });
  return {
    format: 'schakel-chart',
    version: 1,
    id: 'c',
    title: 't',
    entities: [entity('a', 'H0'), entity('b', 'H1'), entity('c', 'H0'), entity('d', 'H2', true)],
    links: [
      { id: 'ab', type: 'ASSOCIATE_OF', source: 'a', target: 'b', handling: 'H0', properties: {} },
      { id: 'ac', type: 'ASSOCIATE_OF', source: 'a', target: 'c', handling: 'H2', properties: {} },
      { id: 'cd', type: 'ASSOCIATE_OF', source: 'c', target: 'd', handling: 'H0', properties: {} },
    ],
  };
}

describe('paperPixels', () => {
  it('gives A3 landscape at 300 dpi as 4961 × 3508 and swaps for portrait', () => {
    expect(paperPixels('A3', 'landscape', 300)).toEqual({ width: 4961, height: 3508 });
    expect(paperPixels('A4', 'portrait', 150)).toEqual({ width: 1240, height: 1754 });
  });
});

describe('restrictedItems', () => {
  it('lists visible H1/H2 entities and links with readable labels', () => {
    expect(restrictedItems(chart()).map((item) => [item.id, item.handling, item.label])).toEqual([
      ['b', 'H1', 'Label b'],
      ['ac', 'H2', 'ASSOCIATE_OF: Label a → Label c'],
    ]);
  });

  it('looks only at the selection when one is exported', () => {
    expect(restrictedItems(chart(), new Set(['a', 'c'])).map((item) => item.id)).toEqual(['ac']);
  });
});

describe('export choices', () => {
  const offered = ['nl-BE', 'nl-NL', 'fr-BE', 'de-BE', 'en'].map((language) => ({ language: language as 'en', name: language, markings: [] }));
  const withCases = (cases: [string, 'NL' | 'BE'][]): ChartDocument => ({
    ...chart(),
    entities: cases.map(([caseId, country], index) => ({ id: `e${index}`, type: 'Person', label: 'x', caseId, country, properties: {} })),
    links: [],
  });

  it('takes the case reference from the chart’s cases', () => {
    expect(caseReferenceOf(withCases([['CASE-BE-2', 'BE'], ['CASE-NL-1', 'NL'], ['CASE-BE-2', 'BE']]))).toBe('CASE-BE-2, CASE-NL-1');
    expect(caseReferenceOf(chart())).toBe('');
  });

  it('remembers the export language per case, and proposes the last one for a new case', () => {
    const values = new Map<string, string>();
    const storage = { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
    const memory = languageMemory(storage);
    memory.remember('CASE-BE-1', 'fr-BE');
    memory.remember('CASE-BE-2', 'nl-BE');
    expect(memory.get('CASE-BE-1')).toBe('fr-BE');
    expect(memory.get('CASE-BE-3')).toBe('nl-BE');
    expect(proposedLanguage(withCases([['CASE-BE-1', 'BE']]), memory.get('CASE-BE-1'), offered)).toBe('fr-BE');
    expect(proposedLanguage(withCases([['CASE-NL-1', 'NL']]), undefined, offered)).toBe('nl-NL');
    expect(proposedLanguage(withCases([['CASE-NL-1', 'NL']]), 'xx-YY', offered)).toBe('nl-NL');
  });

  it('switches the marking to the same level in the other language, keeping one typed by hand', () => {
    const fr = ['DIFFUSION RESTREINTE', 'CONFIDENTIEL', 'SECRET', 'TRÈS SECRET'];
    const nl = ['BEPERKTE VERSPREIDING', 'VERTROUWELIJK', 'GEHEIM', 'ZEER GEHEIM'];
    expect(equivalentMarking('TRÈS SECRET', fr, nl)).toBe('ZEER GEHEIM');
    expect(equivalentMarking('EIGEN MARKERING', fr, nl)).toBe('EIGEN MARKERING');
    expect(equivalentMarking('', fr, nl)).toBe('VERTROUWELIJK');
  });

  it('gives merged entities the provenance of their records', () => {
    const document = { ...chart(), entities: [{ id: 'merged:a+b', type: 'Person' as const, label: 'A', properties: {} }], links: [] };
    const records = [
      { id: 'a', type: 'Person' as const, label: 'A', sourceId: 'S1', sourceReliability: 'B' as const, informationReliability: '2' as const, handling: 'H0' as const, properties: {} },
      { id: 'b', type: 'Person' as const, label: 'A.', sourceId: 'S2', handling: 'H2' as const, properties: {} },
    ];
    const exported = withMergedRecords(document, new Map([['merged:a+b', { records }]]));
    const [entity] = exported.entities;
    expect(restrictedItems(exported).map((item) => `${item.id} ${item.handling}`)).toEqual(['merged:a+b H2']);
    expect(entity!.records).toEqual([
      { id: 'a', label: 'A', sourceId: 'S1', sourceReliability: 'B', informationReliability: '2', handling: 'H0' },
      { id: 'b', label: 'A.', sourceId: 'S2', handling: 'H2' },
    ]);
  });
});
