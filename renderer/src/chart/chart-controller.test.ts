import cytoscape from 'cytoscape';
import { describe, expect, it, vi } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { ChartController, DETAIL_ZOOM } from './chart-controller';
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
  it('returns entities to their type colour and size when "colour by" and "size by" are switched off', () => {
    const chart = headlessChart();
    chart.replaceContent([person('P-1'), phone('PH-1')], [link('L-1', 'P-1', 'PH-1')], new Map());
    const node = chart.cy.getElementById('P-1');
    const typeColour = node.style('background-color');
    const typeWidth = node.style('width');
    chart.setStyle({ colourBy: 'country', sizeBy: 'degree' }, { 'P-1': 1, 'PH-1': 0.2 });
    expect(node.style('background-color')).not.toBe(typeColour);
    expect(node.style('width')).not.toBe(typeWidth);
    chart.setStyle({ colourBy: 'type', sizeBy: 'none' });
    expect(node.style('background-color')).toBe(typeColour);
    expect(node.style('width')).toBe(typeWidth);
  });

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

/** A headless chart that believes it is drawn in a `width` × `height` px container. */
function sizedChart(width = 1000, height = 800): ChartController {
  const chart = headlessChart();
  vi.spyOn(chart.cy, 'width').mockReturnValue(width);
  vi.spyOn(chart.cy, 'height').mockReturnValue(height);
  return chart;
}

function onScreen(chart: ChartController, id: string): { x: number; y: number } {
  const { x, y } = chart.cy.getElementById(id).position();
  const pan = chart.cy.pan();
  return { x: x * chart.cy.zoom() + pan.x, y: y * chart.cy.zoom() + pan.y };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ChartController fit', () => {
  const spread = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`P-${i}`, { x: (i % 10) * 400, y: Math.floor(i / 10) * 300 }]));
  const people = (n: number) => Array.from({ length: n }, (_, i) => person(`P-${i}`, `Person number ${i}`));

  it('shows every drawn entity inside the padding', () => {
    const chart = sizedChart();
    chart.replaceContent(people(40), [], spread(40));
    chart.fit();
    for (let i = 0; i < 40; i++) {
      const p = onScreen(chart, `P-${i}`);
      expect(p.x).toBeGreaterThanOrEqual(48);
      expect(p.x).toBeLessThanOrEqual(1000 - 48);
      expect(p.y).toBeGreaterThanOrEqual(48);
      expect(p.y).toBeLessThanOrEqual(800 - 48);
    }
  });

  it('frames the chart again when a layout is undone or redone', async () => {
    const chart = sizedChart();
    chart.replaceContent(people(40), [], spread(40));
    chart.fit();
    await chart.runLayout('grid');
    // The grid is far smaller than the spread: zoomed in on it, the spread would run off the screen.
    chart.cy.viewport({ zoom: 4, pan: { x: 0, y: 0 } });
    chart.undo();
    const inView = () =>
      Array.from({ length: 40 }, (_, i) => onScreen(chart, `P-${i}`)).every((p) => p.x >= 0 && p.x <= 1000 && p.y >= 0 && p.y <= 800);
    expect(inView()).toBe(true);
    chart.cy.viewport({ zoom: 4, pan: { x: -5000, y: -5000 } });
    chart.redo();
    expect(inView()).toBe(true);
  });

  it('leaves hidden entities out of the fit', () => {
    const chart = sizedChart();
    const positions = new Map([
      ['A', { x: 0, y: 0 }],
      ['B', { x: 600, y: 0 }],
      ['FAR', { x: 50_000, y: 50_000 }],
    ]);
    chart.replaceContent([person('A'), person('B'), person('FAR')], [], positions);
    chart.fit();
    const withFar = chart.cy.zoom();
    chart.markHidden(['FAR']);
    chart.fit();
    expect(chart.cy.zoom()).toBeGreaterThan(withFar * 10);
    const a = onScreen(chart, 'A');
    const b = onScreen(chart, 'B');
    expect((a.x + b.x) / 2).toBeCloseTo(500, 0);
  });

  it('zooms in no further than 1.6 on a small chart, centred on it', () => {
    const chart = sizedChart();
    chart.replaceContent([person('A'), person('B')], [], new Map([['A', { x: 0, y: 0 }], ['B', { x: 60, y: 0 }]]));
    chart.fit();
    expect(chart.cy.zoom()).toBe(1.6);
    expect((onScreen(chart, 'A').x + onScreen(chart, 'B').x) / 2).toBeCloseTo(500, 0);
  });
});

describe('ChartController level of detail', () => {
  const grid = (n: number) => new Map(Array.from({ length: n }, (_, i) => [`P-${i}`, { x: (i % 20) * 200, y: Math.floor(i / 20) * 200 }]));
  const people = (n: number) => Array.from({ length: n }, (_, i) => person(`P-${i}`));
  const chain = (n: number) => Array.from({ length: n - 1 }, (_, i) => link(`L-${i}`, `P-${i}`, `P-${i + 1}`));
  const detailed = (chart: ChartController) => chart.cy.elements('.detail').map((e) => e.id());

  it('draws an overview without labels, icons or arrowheads and details what is in view once zoomed in', async () => {
    const chart = sizedChart();
    chart.replaceContent(people(200), chain(200), grid(200));
    chart.fit();
    await tick();
    expect(chart.cy.zoom()).toBeLessThan(DETAIL_ZOOM);
    expect(detailed(chart)).toEqual([]);
    const node = chart.cy.getElementById('P-0');
    expect(node.style('label')).toBe('');
    expect(node.style('background-image')).toBe('none');
    expect(chart.cy.getElementById('L-0').style('target-arrow-shape')).toBe('none');

    // Zoom in on P-0: it and its links get every detail, entities far outside the view do not. (At 1.2 every
    // label shows; below it a chart of 200 entities labels its best-connected ones first: label-thinning.ts.)
    chart.cy.viewport({ zoom: 1.2, pan: { x: 500, y: 400 } });
    await tick();
    expect(node.hasClass('detail')).toBe(true);
    expect(node.style('label')).toBe('P-0');
    expect(node.style('background-image')).not.toBe('none');
    expect(chart.cy.getElementById('L-0').style('target-arrow-shape')).toBe('triangle');
    expect(chart.cy.getElementById('P-199').hasClass('detail')).toBe(false);

    // Panning brings P-199 into view: it gets its details as it arrives, and slightly less zoom keeps them.
    const far = chart.cy.getElementById('P-199').position();
    chart.cy.viewport({ zoom: 0.47, pan: { x: 500 - far.x * 0.47, y: 400 - far.y * 0.47 } });
    await tick();
    expect(chart.cy.getElementById('P-199').hasClass('detail')).toBe(true);
    expect(node.hasClass('detail')).toBe(true);

    // Zoomed out again: back to the overview.
    chart.fit();
    await tick();
    expect(detailed(chart)).toEqual([]);
  });

  it('details many entities coming into view over several frames, nearest the centre of the view first', async () => {
    const chart = sizedChart();
    const n = 1200;
    const positions = new Map(Array.from({ length: n }, (_, i) => [`P-${i}`, { x: (i % 40) * 20, y: Math.floor(i / 40) * 20 }]));
    chart.replaceContent(people(n), [], positions);
    chart.fit();
    expect(chart.cy.zoom()).toBeGreaterThanOrEqual(DETAIL_ZOOM);
    await Promise.resolve();
    expect(chart.cy.nodes('.detail').length).toBe(500);
    expect(chart.cy.getElementById('P-579').hasClass('detail')).toBe(true); // (380, 280): the middle
    expect(chart.cy.getElementById('P-0').hasClass('detail')).toBe(false); // a corner: later
    for (let i = 0; i < 20 && chart.cy.nodes('.detail').length < n; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(chart.cy.nodes('.detail').length).toBe(n);
  });

  it('details everything while an export is drawn, then returns to what the zoom wants', async () => {
    const chart = sizedChart();
    chart.replaceContent(people(200), chain(200), grid(200));
    chart.fit();
    await tick();
    const during = chart.withFullDetail(() => chart.cy.elements().filter((e) => !e.hasClass('detail')).length);
    expect(during).toBe(0);
    expect(detailed(chart)).toEqual([]);
  });

  it('fans out detailed links that share their two entities; on an overview they share one line', async () => {
    const chart = headlessChart();
    chart.replaceContent(
      [person('A'), person('B'), person('C')],
      [link('AB', 'A', 'B'), link('BA', 'B', 'A', { type: 'CALLED' }), link('BC', 'B', 'C')],
      new Map([['A', { x: 0, y: 0 }], ['B', { x: 100, y: 0 }], ['C', { x: 200, y: 0 }]]),
    );
    const curves = () => chart.withFullDetail(() => ['AB', 'BA', 'BC'].map((id) => chart.cy.getElementById(id).style('curve-style')));
    const overview = () => ['AB', 'BA', 'BC'].map((id) => chart.cy.getElementById(id).style('curve-style'));
    expect(overview()).toEqual(['haystack', 'haystack', 'haystack']);
    const [ab, ba, bc] = curves();
    expect([ab, ba]).toEqual(['bezier', 'bezier']);
    expect(bc).not.toBe('bezier');
    chart.selectEntities([]);
    chart.cy.getElementById('BA').select();
    chart.removeSelected();
    expect(chart.withFullDetail(() => chart.cy.getElementById('AB').style('curve-style'))).not.toBe('bezier');
    chart.undo();
    expect(curves()[0]).toBe('bezier');
  });
});
