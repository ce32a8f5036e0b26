import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chartStylesheet } from './stylesheet';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the chart stylesheet', () => {
  it('is taken whole by Cytoscape: no property refused (a refused one is silently not drawn)', () => {
    const refused: string[] = [];
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => void refused.push(args.map(String).join(' ')));
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void refused.push(args.map(String).join(' ')));
    const cy = cytoscape({ headless: true, styleEnabled: true, style: chartStylesheet() });
    cy.add([
      { group: 'nodes', data: { id: 'a', type: 'Person', label: 'Jan', country: 'BE' }, classes: 'detail' },
      { group: 'nodes', data: { id: 'b', type: 'Phone', label: '+32 470', country: 'NL' }, classes: 'detail' },
      { group: 'edges', data: { id: 'l', source: 'a', target: 'b', type: 'USES', label: 'uses', width: 2 }, classes: 'detail' },
    ]);
    expect(refused).toEqual([]);
    // The labels use the exports' font stack.
    expect(String(cy.getElementById('a').style('font-family'))).toContain('DejaVu Sans');
    cy.destroy();
  });
});
