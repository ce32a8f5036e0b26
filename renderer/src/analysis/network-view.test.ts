import { describe, expect, it } from 'vitest';
import { centrality } from './centrality';
import { DEFAULT_NETWORK_OPTIONS, measuredNetwork, type ChartNetwork } from './network-view';

// Two players with one line each calling each other 5 times, a third player sharing one line with the second
// (a line with two users stays a line), the case and a source file holding them all.
const CHART: ChartNetwork = {
  entities: [
    { id: 'case', type: 'Case' },
    { id: 'src', type: 'Source' },
    { id: 'p1', type: 'Person' },
    { id: 'p2', type: 'Person' },
    { id: 'p3', type: 'Person' },
    { id: 'l1', type: 'Phone' },
    { id: 'l2', type: 'Phone' },
    { id: 'shared', type: 'Phone' },
  ],
  links: [
    { source: 'src', target: 'case', type: 'PART_OF' },
    ...['p1', 'p2', 'p3', 'l1', 'l2', 'shared'].map((id) => ({ source: id, target: 'src', type: 'RECORDED_IN' })),
    { source: 'p1', target: 'l1', type: 'USES' },
    { source: 'p2', target: 'l2', type: 'USES' },
    { source: 'p2', target: 'shared', type: 'USES' },
    { source: 'p3', target: 'shared', type: 'USES' },
    { source: 'l1', target: 'l2', type: 'CALLED', properties: { count: 3 } },
    { source: 'l2', target: 'l1', type: 'CALLED', properties: { count: 2 } },
    { source: 'l1', target: 'shared', type: 'CALLED', properties: { count: 1 } },
  ],
};

describe('the network a measure runs on', () => {
  it('leaves out cases, sources and their provenance links unless asked', () => {
    const network = measuredNetwork(CHART);
    expect(network.input.nodes).not.toContain('case');
    expect(network.input.nodes).not.toContain('src');
    expect(network).toMatchObject({ nodes: 6, links: 6, folded: 0 });
    expect(measuredNetwork(CHART, { ...DEFAULT_NETWORK_OPTIONS, includeProvenance: true })).toMatchObject({ nodes: 8, links: 13 });
  });

  it('folds lines into their single known user, so calls link people; a shared line stays', () => {
    const people = measuredNetwork(CHART, { ...DEFAULT_NETWORK_OPTIONS, level: 'persons' });
    expect(people.folded).toBe(2);
    expect(people.input.nodes.sort()).toEqual(['p1', 'p2', 'p3', 'shared']);
    const edges = people.input.edges.map((e) => [e.source, e.target].sort().join('-')).sort();
    expect(edges).toEqual(['p1-p2', 'p1-shared', 'p2-shared', 'p3-shared']);
  });

  it('adds call counts up as weights: weighted degree is strength / (n - 1), betweenness follows the many calls', () => {
    const people = measuredNetwork(CHART, { ...DEFAULT_NETWORK_OPTIONS, level: 'persons', weighted: true });
    const weightOf = (a: string, b: string) => people.input.weights![people.input.edges.findIndex((e) => [e.source, e.target].sort().join() === [a, b].sort().join())];
    expect(weightOf('p1', 'p2')).toBe(5);
    const degree = centrality(people.input, 'degree');
    expect(degree.p1).toBeCloseTo((5 + 1) / 3, 12);
    // p1–shared is one call (distance 1) against p1–p2–shared at 1/5 + 1: the direct line is shorter.
    const betweenness = centrality(people.input, 'betweenness');
    expect(betweenness.shared).toBeGreaterThan(0);
    expect(betweenness.p2).toBe(0);
  });
  it("weighs an imported network's links by their summed weight, and a link without one as 1", () => {
    const imported = {
      entities: [{ id: 'a', type: 'Person' }, { id: 'b', type: 'Person' }, { id: 'c', type: 'Person' }],
      links: [
        { source: 'a', target: 'b', type: 'ASSOCIATE_OF', properties: { weight: 2.5, count: 2 } },
        { source: 'b', target: 'a', type: 'ASSOCIATE_OF', properties: { weight: 4, count: 1 } },
        { source: 'b', target: 'c', type: 'ASSOCIATE_OF', properties: {} },
      ],
    };
    const weighted = measuredNetwork(imported, { ...DEFAULT_NETWORK_OPTIONS, weighted: true });
    const weights = Object.fromEntries(weighted.input.edges.map((e, i) => [[e.source, e.target].sort().join('-'), weighted.input.weights![i]]));
    expect(weights).toEqual({ 'a-b': 6.5, 'b-c': 1 });
  });
});
