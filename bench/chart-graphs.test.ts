import { describe, expect, it } from 'vitest';
import { randomGraph } from './chart-graphs';

describe('random chart graph', () => {
  it('has N nodes and 2N distinct links between distinct existing nodes, the same every time', () => {
    const graph = randomGraph(500);
    expect(graph.nodes).toHaveLength(500);
    expect(graph.links).toHaveLength(1000);
    const ids = new Set(graph.nodes.map((node) => node.id));
    const pairs = new Set(graph.links.map((link) => [link.source, link.target].sort().join('|')));
    expect(pairs.size).toBe(1000);
    expect(graph.links.every((link) => link.source !== link.target && ids.has(link.source) && ids.has(link.target))).toBe(true);
    expect(randomGraph(500)).toEqual(graph);
  });
});
