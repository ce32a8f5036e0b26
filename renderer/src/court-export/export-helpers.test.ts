import { describe, expect, it } from 'vitest';
import type { ChartDocument } from '../../../contract/chart';
import { exportedElementIds } from './exported-elements';
import { paperPixels } from './paper';
import { restrictedItems } from './restricted-items';

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

describe('exportedElementIds', () => {
  it('keeps visible elements, drops withheld ones and links to them', () => {
    expect([...exportedElementIds(chart(), undefined, new Set(['b']))].sort()).toEqual(['a', 'ac', 'c']);
  });

  it('takes the selection and the links among it', () => {
    expect([...exportedElementIds(chart(), new Set(['a', 'b']), new Set())].sort()).toEqual(['a', 'ab', 'b']);
  });
});
