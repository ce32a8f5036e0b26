import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { ChartController } from './chart-controller';
import { chartStylesheet } from './stylesheet';

function person(id: string, label = id): EntitySummary {
  return { id, type: 'Person', label, country: 'NL', properties: {} };
}
function phone(id: string): EntitySummary {
  return { id, type: 'Phone', label: id, country: 'BE', properties: {} };
}
function link(id: string, source: string, target: string, extra: Partial<LinkSummary> = {}): LinkSummary {
  return { id, type: 'USES', source, target, properties: {}, ...extra };
}

function headlessChart(): ChartController {
  // styleEnabled so node sizes and the real stylesheet are exercised, as in the app.
  return new ChartController(cytoscape({ headless: true, styleEnabled: true, style: chartStylesheet() }));
}

describe('ChartController', () => {
  it('adds a search hit once, selects it, and keeps model and canvas in step', () => {
    const chart = headlessChart();
    const hit = { ...person('P-1', 'Jan de Vries'), matchedOn: 'name', score: 3.2 };
    expect(chart.addEntity(hit)).toEqual({ added: true });
    expect(chart.addEntity(hit)).toEqual({ added: false });
    expect(chart.counts()).toEqual({ entities: 1, links: 0 });
    expect(chart.cy.nodes().length).toBe(1);
    expect(chart.selectedEntityIds()).toEqual(['P-1']);
    // Ranking fields are not part of the chart's record.
    expect(chart.entity('P-1')).not.toHaveProperty('matchedOn');
  });

  it('places separately added entities apart from each other', () => {
    const chart = headlessChart();
    chart.addEntity(person('P-1'));
    chart.addEntity(person('P-2'));
    const [a, b] = chart.cy.nodes().map((n) => n.position());
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(70);
  });

  it('expands without moving what was already on the chart and skips duplicates and dangling links', async () => {
    const chart = headlessChart();
    chart.addEntity(person('P-1'));
    chart.addEntity(person('P-2'));
    const before = Object.fromEntries(chart.cy.nodes().map((n) => [n.id(), { ...n.position() }]));

    const additions = await chart.addExpansion({
      nodes: [person('P-1'), phone('PH-1'), phone('PH-2'), phone('PH-3')],
      links: [
        link('L-1', 'P-1', 'PH-1'),
        link('L-2', 'P-1', 'PH-2'),
        link('L-3', 'P-2', 'PH-3'),
        link('L-4', 'PH-3', 'PH-9'), // PH-9 not returned (beyond the limit): must not be drawn
      ],
    });

    expect(additions.entities.map((e) => e.id)).toEqual(['PH-1', 'PH-2', 'PH-3']);
    expect(additions.links.map((l) => l.id)).toEqual(['L-1', 'L-2', 'L-3']);
    expect(chart.counts()).toEqual({ entities: 5, links: 3 });
    expect(chart.cy.edges().length).toBe(3);
    for (const [id, position] of Object.entries(before)) {
      const now = chart.cy.getElementById(id).position();
      expect(now.x).toBeCloseTo(position.x, 3);
      expect(now.y).toBeCloseTo(position.y, 3);
    }
    // New nodes end up near the node they hang off, not piled on one spot.
    const positions = ['PH-1', 'PH-2', 'PH-3'].map((id) => chart.cy.getElementById(id).position());
    expect(new Set(positions.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(3);
  });

  it('reports content and selection changes and removes links with their nodes', async () => {
    const chart = headlessChart();
    const counts: string[] = [];
    const selections: unknown[] = [];
    chart.setListeners({
      onContentChange: (c) => counts.push(`${c.entities}/${c.links}`),
      onSelectionChange: (s) => selections.push(s),
    });
    chart.addEntity(person('P-1'));
    await chart.addExpansion({ nodes: [phone('PH-1')], links: [link('L-1', 'P-1', 'PH-1')] });
    chart.selectEntity('P-1');
    await Promise.resolve(); // selection changes are reported once per microtask burst
    expect(selections.at(-1)).toEqual({ kind: 'entity', id: 'P-1' });
    chart.removeSelected();
    expect(chart.counts()).toEqual({ entities: 1, links: 0 });
    expect(chart.cy.edges().length).toBe(0);
    expect(counts).toEqual(['1/0', '2/1', '1/0']);
    expect(selections.at(-1)).toBeNull();
  });

  it('styles CALLED width by call count', async () => {
    const chart = headlessChart();
    chart.addEntity(phone('PH-1'));
    await chart.addExpansion({
      nodes: [phone('PH-2'), phone('PH-3')],
      links: [
        link('C-1', 'PH-1', 'PH-2', { type: 'CALLED', count: 1 }),
        link('C-2', 'PH-1', 'PH-3', { type: 'CALLED', count: 40 }),
      ],
    });
    const thin = chart.cy.getElementById('C-1');
    const thick = chart.cy.getElementById('C-2');
    expect(thick.data('width')).toBeGreaterThan(thin.data('width'));
    expect(thick.data('label')).toBe('called ×40');
  });
});
