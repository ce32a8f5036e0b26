import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { distanceToSegment, nearestLinkWithin } from './link-hit-area';

function chart() {
  return cytoscape({
    headless: true,
    layout: { name: 'preset' },
    elements: [
      { data: { id: 'a' }, position: { x: 0, y: 0 } },
      { data: { id: 'b' }, position: { x: 200, y: 0 } },
      { data: { id: 'c' }, position: { x: 0, y: 100 } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
      { data: { id: 'ac', source: 'a', target: 'c' } },
    ],
  });
}

describe('link hit area', () => {
  it('takes the nearest drawn link within the tolerance, and nothing farther away', () => {
    const cy = chart();
    expect(nearestLinkWithin(cy, { x: 100, y: 10 }, 14)?.id()).toBe('ab');
    expect(nearestLinkWithin(cy, { x: 9, y: 50 }, 14)?.id()).toBe('ac');
    expect(nearestLinkWithin(cy, { x: 100, y: 20 }, 14)).toBeUndefined();
    cy.getElementById('ab').addClass('hidden');
    expect(nearestLinkWithin(cy, { x: 100, y: 10 }, 14)).toBeUndefined();
  });

  it('measures to the segment, not to the infinite line', () => {
    expect(distanceToSegment({ x: 300, y: 0 }, { x: 0, y: 0 }, { x: 200, y: 0 })).toBe(100);
    expect(distanceToSegment({ x: 50, y: 5 }, { x: 0, y: 0 }, { x: 200, y: 0 })).toBe(5);
  });
});
