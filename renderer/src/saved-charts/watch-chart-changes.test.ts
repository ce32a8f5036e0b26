import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { EntitySummary } from '../../../contract/model';
import { ChartController } from '../chart/chart-controller';
import { chartStylesheet } from '../chart/stylesheet';
import { clearPathHighlight, highlightPath } from '../analysis/paths/path-highlight';
import { watchChartChanges } from './watch-chart-changes';

const person = (id: string): EntitySummary => ({ id, type: 'Person', label: id, properties: {} });

describe('watchChartChanges', () => {
  it('reports hide, pin and additions, but not selection, highlight or pan', async () => {
    const chart = new ChartController(cytoscape({ headless: true, styleEnabled: true, style: chartStylesheet() }));
    const seen = { content: 0, view: 0 };
    watchChartChanges(chart.cy, { onContent: () => seen.content++, onView: () => seen.view++ });

    chart.addEntity(person('A'));
    expect(seen.content).toBeGreaterThan(0);
    seen.content = 0;

    chart.selectEntity('A');
    highlightPath(chart.cy, ['A'], []);
    clearPathHighlight(chart.cy);
    chart.cy.pan({ x: 5, y: 5 });
    expect(seen.content).toBe(0);
    expect(seen.view).toBeGreaterThan(0);

    chart.selectEntity('A');
    chart.togglePinSelected();
    expect(seen.content).toBe(1);
    chart.selectEntity('A');
    chart.hideSelected();
    expect(seen.content).toBe(2);
  });
});
