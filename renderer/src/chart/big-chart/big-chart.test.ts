import { describe, expect, it } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../../../contract/model';
import { CROSS_BORDER_COLOUR, ENTITY_TYPE_STYLES, LINK_COLOURS, SOLID_HYPOTHESIS_OPACITY, solidLinkLook, withOpacity } from '../../../../shared-values/chart-style';
import { addToOverview, emptyOverviewGraph, markCrossBorder, placesAround } from './overview-graph';
import { BIG_CHART_ELEMENTS, chooseRenderer } from './renderer-choice';
import { classifyWebglRenderer, type WebglSupport } from './webgl-support';

const hardware: WebglSupport = { kind: 'hardware', renderer: 'ANGLE (NVIDIA GeForce RTX 3060)' };
const software: WebglSupport = { kind: 'software', renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)' };

describe('WebGL renderer classification', () => {
  it('tells software rasterisers from GPUs by the unmasked renderer string', () => {
    expect(classifyWebglRenderer(software.renderer)).toBe('software');
    expect(classifyWebglRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe('software');
    expect(classifyWebglRenderer('ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0)')).toBe('software');
    expect(classifyWebglRenderer(hardware.renderer)).toBe('hardware');
    expect(classifyWebglRenderer('Apple M2')).toBe('hardware');
  });
});

describe('renderer choice', () => {
  it('switches to the WebGL overview above the threshold, also on a software rasteriser', () => {
    expect(chooseRenderer(BIG_CHART_ELEMENTS, hardware).renderer).toBe('cytoscape-canvas');
    expect(chooseRenderer(BIG_CHART_ELEMENTS + 1, hardware)).toEqual({ renderer: 'sigma-webgl', reason: 'size' });
    expect(chooseRenderer(150_000, software)).toEqual({ renderer: 'sigma-webgl', reason: 'size' });
  });

  it("honours the analyst's switch either way, and stays on the canvas without WebGL", () => {
    expect(chooseRenderer(150_000, software, 'cytoscape-canvas')).toEqual({ renderer: 'cytoscape-canvas', reason: 'chosen' });
    expect(chooseRenderer(10, hardware, 'sigma-webgl')).toEqual({ renderer: 'sigma-webgl', reason: 'chosen' });
    expect(chooseRenderer(150_000, { kind: 'none' })).toEqual({ renderer: 'cytoscape-canvas', reason: 'no-webgl' });
    expect(chooseRenderer(10, { kind: 'none' }, 'sigma-webgl').reason).toBe('no-webgl');
    expect(chooseRenderer(10, { kind: 'none' }).reason).toBe('size');
  });
});

const entity = (id: string, type: EntitySummary['type'], country?: 'NL' | 'BE'): EntitySummary => ({ id, type, label: `label ${id}`, ...(country ? { country } : {}), properties: {} });
const link = (id: string, source: string, target: string, type: LinkSummary['type'], properties: LinkSummary['properties'] = {}): LinkSummary => ({ id, source, target, type, properties });

describe('links without dashes', () => {
  it('draws a hypothesis fainter and thinner and SAME_AS wider, in the chart colours', () => {
    const fact = solidLinkLook(link('f', 'a', 'b', 'ASSOCIATE_OF'));
    const hypothesis = solidLinkLook(link('h', 'a', 'b', 'ASSOCIATE_OF', { status: 'hypothesis' }));
    const sameAs = solidLinkLook(link('s', 'a', 'b', 'SAME_AS'));
    expect(fact.colour).toBe(LINK_COLOURS.ASSOCIATE_OF);
    expect(hypothesis.colour).toBe(withOpacity(LINK_COLOURS.ASSOCIATE_OF!, SOLID_HYPOTHESIS_OPACITY));
    expect(hypothesis.width).toBeLessThan(fact.width);
    expect(sameAs.colour).toBe(LINK_COLOURS.SAME_AS);
    expect(sameAs.width).toBeGreaterThan(fact.width);
    expect(withOpacity('#2F6DB5', 0.5)).toBe('rgba(47, 109, 181, 0.5)');
  });
});

describe('overview graph', () => {
  const entities = [entity('p1', 'Person', 'NL'), entity('p2', 'Person', 'BE'), entity('v1', 'Vehicle', 'NL')];
  const links = [link('l1', 'p1', 'p2', 'ASSOCIATE_OF'), link('l2', 'p1', 'v1', 'ASSOCIATE_OF'), link('dangling', 'p1', 'gone', 'ASSOCIATE_OF')];

  it('holds every entity with its type colour and position, and only links with both ends', () => {
    const graph = emptyOverviewGraph();
    const added = addToOverview(graph, entities, links, (e) => ({ x: e.id.length, y: 2 }));
    expect(added).toEqual({ entities: ['p1', 'p2', 'v1'], links: ['l1', 'l2'] });
    expect(graph.getNodeAttributes('v1')).toMatchObject({ x: 2, y: 2, color: ENTITY_TYPE_STYLES.Vehicle.colour, type: 'circle', entityType: 'Vehicle' });
    expect(addToOverview(graph, entities, links, () => ({ x: 0, y: 0 }))).toEqual({ entities: [], links: [] });
  });

  it('rings cross-border entities in the chart’s halo colour', () => {
    const graph = emptyOverviewGraph();
    addToOverview(graph, entities, links, () => ({ x: 0, y: 0 }));
    expect(markCrossBorder(graph, entities, links)).toBeGreaterThan(0);
    expect(graph.getNodeAttributes('p1')).toMatchObject({ type: 'ringed', ringColor: CROSS_BORDER_COLOUR });
  });

  it('places an expansion’s newcomers around the entities it came from', () => {
    const graph = emptyOverviewGraph();
    addToOverview(graph, entities, [], (e) => ({ x: e.id === 'p1' ? 1000 : 0, y: e.id === 'p1' ? 1000 : 0 }));
    const places = placesAround(graph, ['p1'], ['n1', 'n2', 'n3']);
    for (const place of places.values()) expect(Math.hypot(place.x - 1000, place.y - 1000)).toBeLessThan(2000);
    expect(new Set([...places.values()].map((p) => `${p.x},${p.y}`)).size).toBe(3);
  });
});
