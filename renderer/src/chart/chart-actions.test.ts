// Chart actions and their undo/redo on a headless Cytoscape with the real stylesheet.
import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { ChartController } from './chart-controller';
import { layoutPositions, LAYOUT_ALGORITHMS } from './layout-algorithms';
import { chartStylesheet } from './stylesheet';

const person = (id: string, country: 'NL' | 'BE' = 'NL'): EntitySummary => ({ id, type: 'Person', label: id, country, caseId: `CASE-${country}`, properties: {} });
const phone = (id: string, country: 'NL' | 'BE' = 'NL'): EntitySummary => ({ id, type: 'Phone', label: id, country, properties: {} });
const link = (id: string, source: string, target: string, extra: Partial<LinkSummary> = {}): LinkSummary => ({ id, type: 'USES', source, target, properties: {}, ...extra });

function headlessChart(): ChartController {
  return new ChartController(cytoscape({ headless: true, styleEnabled: true, style: chartStylesheet() }));
}

async function smallNetwork(): Promise<ChartController> {
  const chart = headlessChart();
  chart.addEntity(person('P1'));
  await chart.addExpansion({
    nodes: [phone('PH1'), phone('PH2'), phone('PH3', 'BE'), person('P2', 'BE')],
    links: [
      link('U1', 'P1', 'PH1'),
      link('U2', 'P1', 'PH2'),
      link('C1', 'PH2', 'PH3', { type: 'CALLED', count: 3, from: '2024-01-01T00:00:00Z', until: '2024-01-10T00:00:00Z' }),
      link('U3', 'P2', 'PH3'),
      link('C2', 'PH1', 'PH2', { type: 'CALLED', count: 1, from: '2024-03-01T00:00:00Z', until: '2024-03-05T00:00:00Z' }),
    ],
  });
  return chart;
}

const visibleIds = (chart: ChartController) => chart.analysisInput({ visibleOnly: true }).nodes.sort();

describe('chart actions with undo and redo', () => {
  it('undoes and redoes add, expand and remove, restoring positions', async () => {
    const chart = await smallNetwork();
    expect(chart.counts()).toEqual({ entities: 5, links: 5 });
    const before = { ...chart.cy.getElementById('PH3').position() };
    chart.selectEntities(['PH3']);
    chart.removeSelected();
    expect(chart.counts()).toEqual({ entities: 4, links: 3 });
    chart.undo();
    expect(chart.counts()).toEqual({ entities: 5, links: 5 });
    expect(chart.cy.getElementById('PH3').position()).toEqual(before);
    chart.redo();
    expect(chart.counts()).toEqual({ entities: 4, links: 3 });
    chart.undo(); // remove
    chart.undo(); // expand
    expect(chart.counts()).toEqual({ entities: 1, links: 0 });
    chart.undo(); // add
    expect(chart.counts()).toEqual({ entities: 0, links: 0 });
    expect(chart.history.state().canUndo).toBe(false);
    chart.redo();
    chart.redo();
    expect(chart.counts()).toEqual({ entities: 5, links: 5 });
  });

  it('hides and shows, pins and unpins, each undoable', async () => {
    const chart = await smallNetwork();
    chart.selectEntities(['PH1', 'PH2']);
    chart.hideSelected();
    expect(chart.view().hidden).toBe(2);
    expect(visibleIds(chart)).toEqual(['P1', 'P2', 'PH3']);
    expect(chart.counts()).toEqual({ entities: 5, links: 5 }); // hidden is still on the chart
    chart.showAllHidden();
    expect(chart.view().hidden).toBe(0);
    chart.undo();
    expect(chart.view().hidden).toBe(2);
    chart.undo();
    expect(chart.view().hidden).toBe(0);

    chart.selectEntities(['P1']);
    chart.togglePinSelected();
    expect(chart.isPinned('P1')).toBe(true);
    chart.togglePinSelected();
    expect(chart.isPinned('P1')).toBe(false);
    chart.undo();
    expect(chart.isPinned('P1')).toBe(true);
  });

  it('groups the phones of one person into a labelled box and ungroups them', async () => {
    const chart = await smallNetwork();
    chart.selectEntities(['PH1', 'PH2']);
    const groupId = chart.groupSelected()!;
    const group = chart.cy.getElementById(groupId);
    expect(group.data('label')).toBe('Phones of P1');
    expect(group.children().map((c) => c.id()).sort()).toEqual(['PH1', 'PH2']);
    expect(chart.counts()).toEqual({ entities: 5, links: 5 }); // a group is not an entity
    expect(chart.selectedEntityIds().sort()).toEqual(['PH1', 'PH2']);
    chart.ungroupSelected();
    expect(chart.cy.getElementById(groupId).empty()).toBe(true);
    chart.undo();
    expect(chart.cy.getElementById('PH1').data('parent')).toBe(groupId);
    chart.undo();
    expect(chart.cy.getElementById(groupId).empty()).toBe(true);
    expect(chart.cy.getElementById('PH1').isChild()).toBe(false);
  });

  it('selects all, inverts and adds neighbours', async () => {
    const chart = await smallNetwork();
    chart.selectEntities(['PH3']);
    chart.selectNeighbours();
    expect(chart.selectedEntityIds().sort()).toEqual(['P2', 'PH2', 'PH3']);
    chart.invertSelection();
    expect(chart.selectedEntityIds().sort()).toEqual(['P1', 'PH1']);
    chart.selectAll();
    expect(chart.selectedEntityIds()).toHaveLength(5);
  });

  it('runs every layout, keeps pinned entities in place and undoes the layout', async () => {
    const chart = await smallNetwork();
    chart.selectEntities(['P1']);
    chart.togglePinSelected();
    const pinnedAt = { ...chart.cy.getElementById('P1').position() };
    const before = { ...chart.cy.getElementById('PH3').position() };
    for (const algorithm of ['circle', 'grid', 'hierarchical', 'concentric', 'force'] as const) {
      await chart.runLayout(algorithm, { scores: { P1: 1, PH1: 0.5 } });
      expect(chart.cy.getElementById('P1').position()).toEqual(pinnedAt);
    }
    for (let i = 0; i < 5; i++) chart.undo();
    expect(chart.cy.getElementById('PH3').position()).toEqual(before);
  });

  it('colours by community and case, sizes by a measure and highlights cross-border entities', async () => {
    const chart = await smallNetwork();
    chart.setStyle({ colourBy: 'community' });
    expect(chart.cy.getElementById('P1').data('colour')).toMatch(/^#/);
    expect(chart.view().legend.colourKeys.length).toBeGreaterThan(0);
    chart.setStyle({ sizeBy: 'degree' }, { P1: 1, PH1: 0, PH2: 0.5, PH3: 0.5, P2: 0 });
    expect(chart.cy.getElementById('P1').data('size')).toBeGreaterThan(chart.cy.getElementById('PH1').data('size'));
    chart.setStyle({ crossBorder: true });
    // PH2 (NL) calls PH3 (BE): both are cross-border.
    expect(chart.cy.getElementById('PH2').hasClass('cross-border')).toBe(true);
    expect(chart.cy.getElementById('P1').hasClass('cross-border')).toBe(false);
    chart.undo();
    chart.undo();
    chart.undo();
    expect(chart.cy.getElementById('P1').data('colour')).toBeUndefined();
    expect(chart.cy.getElementById('P1').data('size')).toBeUndefined();
  });

  it('hides what falls outside the time window and brings it back', async () => {
    const chart = await smallNetwork();
    chart.setTimeWindow({ start: Date.parse('2024-01-01T00:00:00Z'), end: Date.parse('2024-01-31T00:00:00Z') });
    expect(chart.cy.getElementById('C2').hasClass('out-of-window')).toBe(true);
    expect(chart.cy.getElementById('C1').hasClass('out-of-window')).toBe(false);
    // PH1's only call was in March; P1 stays because PH2, which it uses, was active in January.
    expect(visibleIds(chart)).toEqual(['P1', 'P2', 'PH2', 'PH3']);
    expect(chart.view().outOfWindow).toBe(1);
    chart.setTimeWindow({ start: Date.parse('2024-03-01T00:00:00Z'), end: Date.parse('2024-03-31T00:00:00Z') });
    expect(visibleIds(chart)).toEqual(['P1', 'PH1', 'PH2']);
    expect(chart.isHidden('PH3')).toBe(false); // out of the window is not "hidden by the analyst"
    chart.setTimeWindow(undefined);
    expect(visibleIds(chart)).toHaveLength(5);
  });

  it('records one undo step per drag and keeps at least 100 steps', async () => {
    const chart = await smallNetwork();
    for (let i = 0; i < 120; i++) {
      chart.selectEntities([i % 2 ? 'P1' : 'PH1']);
      chart.togglePinSelected();
    }
    let steps = 0;
    while (chart.history.state().canUndo) {
      chart.undo();
      steps++;
    }
    expect(steps).toBeGreaterThanOrEqual(100);
  });
});

describe('layoutPositions', () => {
  it('computes positions headlessly for every algorithm', () => {
    const graph = {
      nodes: Array.from({ length: 12 }, (_, i) => ({ id: `n${i}` })),
      edges: Array.from({ length: 11 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}` })),
    };
    for (const algorithm of LAYOUT_ALGORITHMS) {
      const positions = layoutPositions(graph, algorithm);
      expect(Object.keys(positions)).toHaveLength(12);
      const distinct = new Set(Object.values(positions).map((p) => `${Math.round(p.x)},${Math.round(p.y)}`));
      expect(distinct.size, algorithm).toBe(12);
    }
  });
});
