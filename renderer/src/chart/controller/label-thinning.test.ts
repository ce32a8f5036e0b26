import cytoscape, { type ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { THIN_LABEL_CLASS } from '../stylesheet';
import { labelledShare, LABEL_THINNING_MIN_ENTITIES, minimumLabelledDegree, thinLabels, unthinLabels } from './label-thinning';

/** `hubs` entities each linked to `perHub` leaves of their own: hubs have a high degree, leaves degree 1. */
function hubsAndLeaves(hubs: number, perHub: number) {
  const elements: ElementDefinition[] = [];
  for (let h = 0; h < hubs; h++) {
    elements.push({ data: { id: `H${h}` } });
    for (let l = 0; l < perHub; l++) {
      elements.push({ data: { id: `H${h}-L${l}` } }, { data: { id: `E${h}-${l}`, source: `H${h}`, target: `H${h}-L${l}` } });
    }
  }
  return cytoscape({ headless: true, elements });
}

const thin = (cy: cytoscape.Core) => cy.nodes(`.${THIN_LABEL_CLASS}`).map((node) => node.id());

describe('label thinning', () => {
  it('labels a share of entities growing with the zoom, all of them from 1.2 on', () => {
    expect(labelledShare(0.5)).toBeCloseTo(0.05);
    expect(labelledShare(0.85)).toBeGreaterThan(0.5);
    expect(labelledShare(1.2)).toBe(1);
    expect(minimumLabelledDegree([5, 1, 1, 1], 0.5)).toBe(0); // small chart: every label
    const withHubs = (hubs: number) => Array.from({ length: 300 }, (_, i) => (i < hubs ? 10 : 1));
    expect(minimumLabelledDegree(withHubs(10), 0.5)).toBe(1); // 5 % reaches into the degree-1 entities: ties keep labels
    expect(minimumLabelledDegree(withHubs(20), 0.5)).toBe(10);
  });

  it('leaves the labels of the best-connected entities on a big chart zoomed in part of the way', () => {
    const cy = hubsAndLeaves(20, 12); // 260 entities
    expect(cy.nodes().length).toBeGreaterThanOrEqual(LABEL_THINNING_MIN_ENTITIES);
    cy.zoom(0.5);
    thinLabels(cy);
    expect(thin(cy)).toHaveLength(240);
    expect(thin(cy).every((id) => id.includes('-L'))).toBe(true);
    cy.zoom(1.3);
    thinLabels(cy);
    expect(thin(cy)).toEqual([]);
    cy.zoom(0.5);
    thinLabels(cy);
    unthinLabels(cy);
    expect(thin(cy)).toEqual([]);
  });

  it('keeps every label on a chart of fewer than 200 entities', () => {
    const cy = hubsAndLeaves(10, 12); // 130 entities
    cy.zoom(0.5);
    thinLabels(cy);
    expect(thin(cy)).toEqual([]);
  });
});
