import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { rasteriseChart, type ChartDrawing } from './rasterise';

/** A drawing like ChartController: withFullDetail is a method on the prototype, not an own property. */
class RecordingDrawing implements ChartDrawing {
  detailedDraws = 0;
  constructor(readonly cy: Core) {}
  withFullDetail<T>(draw: () => T): T {
    this.detailedDraws += 1;
    return draw();
  }
}

function chartWith(ids: string[]): Core {
  const cy = cytoscape({ headless: true, styleEnabled: true, elements: ids.map((id) => ({ data: { id } })) });
  // Headless Cytoscape has no canvas: the PNG says which elements were displayed when it was drawn.
  cy.png = (() => cy.nodes().filter((node) => node.style('display') !== 'none').map((node) => node.id()).join(',')) as unknown as Core['png'];
  return cy;
}

describe('rasteriseChart', () => {
  it('draws only the exported elements, in full detail, and shows the others again afterwards', () => {
    const drawing = new RecordingDrawing(chartWith(['A', 'B', 'C']));
    const png = rasteriseChart(drawing, { shownIds: new Set(['A', 'C']), maxWidth: 100, maxHeight: 100 });
    expect(png).toBe('A,C');
    expect(drawing.detailedDraws).toBe(1);
    expect(drawing.cy.getElementById('B').style('display')).toBe('element');
  });

  it('draws nothing when no exported entity is on the chart', () => {
    const drawing = new RecordingDrawing(chartWith(['A']));
    expect(rasteriseChart(drawing, { shownIds: new Set(['Z']), maxWidth: 100, maxHeight: 100 })).toBeUndefined();
    expect(drawing.detailedDraws).toBe(0);
  });
});
