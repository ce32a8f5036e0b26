import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { ChartController } from '../chart/chart-controller';
import { chartStylesheet } from '../chart/stylesheet';
import { carriedSettings, chartToDocument, documentToChart, overviewToDocument, type OverviewRecords } from './chart-document';

const person = (id: string): EntitySummary => ({ id, type: 'Person', label: `Person ${id}`, country: 'BE', properties: { fullName: id } });
const link = (id: string, source: string, target: string): LinkSummary => ({ id, type: 'ASSOCIATE_OF', source, target, properties: {}, from: '2024-01-01' });

function headlessChart(): ChartController {
  return new ChartController(cytoscape({ headless: true, styleEnabled: true, style: chartStylesheet() }));
}

async function drawnChart(): Promise<ChartController> {
  const chart = headlessChart();
  chart.addEntity(person('A'));
  await chart.addExpansion({ nodes: [person('B'), person('C')], links: [link('L1', 'A', 'B'), link('L2', 'B', 'C')] });
  chart.cy.getElementById('A').position({ x: 12.345678, y: -98.7654321 });
  chart.cy.getElementById('C').style('display', 'none');
  chart.cy.getElementById('B').lock();
  chart.cy.viewport({ zoom: 1.37, pan: { x: 41.5, y: -17.25 } });
  return chart;
}

describe('chart documents', () => {
  it('captures entities with positions, hidden and pinned state, links and the viewport', async () => {
    const chart = await drawnChart();
    const doc = chartToDocument(chart, { id: 'chart-1', title: 'Cel' }, new Date('2024-05-01T12:00:00Z'));
    expect(doc).toMatchObject({ format: 'schakel-chart', version: 1, id: 'chart-1', title: 'Cel', updatedAt: '2024-05-01T12:00:00.000Z' });
    expect(doc.viewport).toEqual({ zoom: 1.37, pan: { x: 41.5, y: -17.25 } });
    const byId = new Map(doc.entities.map((e) => [e.id, e]));
    expect(byId.get('A')?.position).toEqual({ x: 12.345678, y: -98.7654321 });
    expect(byId.get('C')?.hidden).toBe(true);
    expect(byId.get('B')?.pinned).toBe(true);
    expect(byId.get('A')).not.toHaveProperty('hidden');
    expect(doc.links.map((l) => l.id).sort()).toEqual(['L1', 'L2']);
    // An edge hidden only because its end is hidden is not itself hidden.
    expect(doc.links.find((l) => l.id === 'L2')).not.toHaveProperty('hidden');
  });

  it('restores a document exactly: a second snapshot equals the first', async () => {
    const original = chartToDocument(await drawnChart(), { id: 'chart-1', title: 'Cel' }, new Date(0));
    const reopened = headlessChart();
    reopened.addEntity(person('Z')); // whatever was there before is replaced
    const result = documentToChart(JSON.parse(JSON.stringify(original)), reopened);
    expect(result).toEqual({ skipped: [], skippedLinks: 0 });
    expect(reopened.counts()).toEqual({ entities: 3, links: 2 });
    const again = chartToDocument(reopened, { id: 'chart-1', title: 'Cel' }, new Date(0));
    const sortById = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));
    expect({ ...again, entities: sortById(again.entities), links: sortById(again.links) }).toEqual({
      ...original,
      entities: sortById(original.entities),
      links: sortById(original.links),
    });
  });

  it('keeps a saved view that shows the whole chart, and fits one that does not', async () => {
    const original = chartToDocument(await drawnChart(), { id: 'chart-1', title: 'Cel' }, new Date(0));
    const sized = () => {
      const chart = headlessChart();
      vi.spyOn(chart.cy, 'width').mockReturnValue(1000);
      vi.spyOn(chart.cy, 'height').mockReturnValue(800);
      // As if mounted in the page: only a drawn chart has a view to fit.
      vi.spyOn(chart.cy, 'container').mockReturnValue({} as HTMLElement);
      return chart;
    };
    const inView = (chart: ChartController) =>
      chart.cy.nodes().map((node) => node.position()).every(({ x, y }) => {
        const { x1, x2, y1, y2 } = chart.cy.extent();
        return x >= x1 && x <= x2 && y >= y1 && y <= y2;
      });
    const showsAll = sized();
    documentToChart({ ...original, viewport: { zoom: 0.5, pan: { x: 500, y: 400 } } }, showsAll);
    expect(showsAll.cy.zoom()).toBe(0.5);
    const offScreen = sized();
    documentToChart({ ...original, viewport: { zoom: 3, pan: { x: 5000, y: 5000 } } }, offScreen);
    expect(inView(offScreen)).toBe(true);
  });

  it('leaves deleted entities and their links off and says which', async () => {
    const doc = chartToDocument(await drawnChart(), { id: 'c', title: 't' });
    const chart = headlessChart();
    const result = documentToChart(doc, chart, { skipIds: new Set(['B']) });
    expect(result.skipped.map((e) => e.id)).toEqual(['B']);
    expect(result.skippedLinks).toBe(2);
    expect(chart.counts()).toEqual({ entities: 2, links: 0 });
  });

  it('restores the colour-by and the time window', async () => {
    const chart = await drawnChart();
    chart.setStyle({ colourBy: 'country' });
    chart.setTimeWindow({ start: Date.parse('2024-01-01T00:00:00Z'), end: Date.parse('2024-02-01T00:00:00Z') });
    const doc = chartToDocument(chart, { id: 'c', title: 't' });
    expect(doc.style).toEqual({ colourBy: 'country' });
    expect(doc.timeWindow).toEqual({ from: '2024-01-01T00:00:00.000Z', until: '2024-02-01T00:00:00.000Z' });
    const reopened = headlessChart();
    documentToChart(JSON.parse(JSON.stringify(doc)), reopened);
    expect(reopened.currentStyle().colourBy).toBe('country');
    expect(reopened.getTimeWindow()).toEqual({ start: Date.parse('2024-01-01T00:00:00Z'), end: Date.parse('2024-02-01T00:00:00Z') });
    // Opening is where the history starts.
    expect(reopened.history.state().canUndo).toBe(false);
  });

  it('carries settings the chart does not apply, so a save does not drop them', async () => {
    const doc = { ...chartToDocument(await drawnChart(), { id: 'c', title: 't' }), layout: 'hierarchical' };
    const carried = carriedSettings(doc);
    expect(carried).toEqual({ layout: 'hierarchical' });
    const chart = headlessChart();
    documentToChart(doc, chart);
    expect(chartToDocument(chart, { id: 'c', title: 't', carried }).layout).toBe('hierarchical');
  });

  it('takes the WebGL overview as it holds the chart: its entities where it draws them, expansions included, the window, and the opened document\'s flags and style', async () => {
    const chart = await drawnChart();
    const opened = chartToDocument(chart, { id: 'big', title: 'Groot' });
    opened.style = { colourBy: 'community' };
    // What the overview holds after an expansion brought D in.
    const entities = [...opened.entities.map(({ position: _p, hidden: _h, pinned: _n, ...summary }) => summary as EntitySummary), person('D')];
    const links = [...opened.links.map(({ hidden: _h, ...summary }) => summary as LinkSummary), link('L3', 'C', 'D')];
    const positions = new Map([['A', { x: 1, y: 2 }], ['B', { x: 3, y: 4 }], ['C', { x: 5, y: 6 }], ['D', { x: 7, y: 8 }]]);
    const overview: OverviewRecords = {
      entities: () => entities,
      links: () => links,
      position: (id) => positions.get(id),
      getTimeWindow: () => ({ start: Date.UTC(2024, 0, 1), end: Date.UTC(2024, 1, 1) }),
    };
    const doc = overviewToDocument(overview, { id: 'big-copy', title: 'Groot (kopie)' }, opened, new Date('2024-05-01T12:00:00Z'));
    expect(doc).toMatchObject({ id: 'big-copy', title: 'Groot (kopie)', updatedAt: '2024-05-01T12:00:00.000Z', style: { colourBy: 'community' } });
    expect(doc.timeWindow).toEqual({ from: '2024-01-01T00:00:00.000Z', until: '2024-02-01T00:00:00.000Z' });
    expect(doc.entities.map((e) => [e.id, e.position, e.hidden ?? false, e.pinned ?? false])).toEqual([
      ['A', { x: 1, y: 2 }, false, false],
      ['B', { x: 3, y: 4 }, false, true],
      ['C', { x: 5, y: 6 }, true, false],
      ['D', { x: 7, y: 8 }, false, false],
    ]);
    expect(doc.links.map((l) => l.id)).toEqual(['L1', 'L2', 'L3']);
    // The document opens again on a chart exactly as the overview held it.
    const reopened = headlessChart();
    documentToChart(doc, reopened);
    expect(reopened.counts()).toMatchObject({ entities: 4, links: 3 });
  });
});
