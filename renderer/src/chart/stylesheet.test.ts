import cytoscape from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ENTITY_TYPE_STYLES, LINK_OPACITY, NODE_SIZE } from '../../../shared-values/chart-style';
import { chartStylesheet, DETAIL_CLASS } from './stylesheet';

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

  it('draws detailed entities and links as the exports do, and an overview with their colours and shapes only', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true, style: chartStylesheet() });
    cy.add([
      { group: 'nodes', data: { id: 'a', type: 'Person', label: 'Jan', country: 'BE' } },
      { group: 'nodes', data: { id: 'b', type: 'Vehicle', label: '1-ABC-123', country: 'NL' } },
      { group: 'edges', data: { id: 'l', source: 'a', target: 'b', type: 'OWNS', label: 'owns', width: 2 } },
    ]);
    const person = cy.getElementById('a');
    const link = cy.getElementById('l');
    // Overview: the type's colour and shape, the link's width; the rest is left to Cytoscape's defaults.
    expect(person.style('shape')).toBe(ENTITY_TYPE_STYLES.Person.shape);
    expect(person.numericStyle('width')).toBeLessThan(NODE_SIZE);
    expect(link.numericStyle('width')).toBe(2);
    expect(link.numericStyle('opacity')).toBe(1);
    // Detailed (zoomed in, and in every export): the exports' node size and link opacity.
    cy.elements().addClass(DETAIL_CLASS);
    expect(person.numericStyle('width')).toBe(NODE_SIZE);
    expect(person.numericStyle('height')).toBe(NODE_SIZE);
    expect(person.style('shape')).toBe(ENTITY_TYPE_STYLES.Person.shape);
    expect(link.numericStyle('opacity')).toBeCloseTo(LINK_OPACITY);
    cy.destroy();
  });
});
