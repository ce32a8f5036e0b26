import { describe, expect, it } from 'vitest';
import type { LayoutGraph, Position } from './forceatlas2-layout';
import { normalisedStress } from './layout-quality';

function path(n: number): LayoutGraph {
  return {
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}` })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ source: `n${i}`, target: `n${i + 1}` })),
  };
}

function straightLine(n: number, spacing: number): Record<string, Position> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}`, { x: i * spacing, y: 0 }]));
}

function scattered(n: number): Record<string, Position> {
  // A fixed pseudo-random scatter, so the test is deterministic.
  let state = 7;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`n${i}`, { x: next() * 500, y: next() * 500 }]));
}

describe('normalisedStress', () => {
  it('scores a path drawn as a straight, evenly spaced line as perfect and a random scatter as worse', () => {
    const graph = path(40);
    expect(normalisedStress(graph, straightLine(40, 1))).toBeCloseTo(0, 10);
    expect(normalisedStress(graph, scattered(40))).toBeGreaterThan(0.1);
  });

  it('does not depend on the layout scale', () => {
    const graph = path(30);
    const layout = scattered(30);
    const enlarged = Object.fromEntries(Object.entries(layout).map(([id, p]) => [id, { x: p.x * 37, y: p.y * 37 }]));
    expect(normalisedStress(graph, enlarged)).toBeCloseTo(normalisedStress(graph, layout), 10);
    expect(normalisedStress(graph, straightLine(30, 250))).toBeCloseTo(0, 10);
  });

  it('ranks a bent path drawing between the straight line and the scatter', () => {
    const graph = path(20);
    const zigzag = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`n${i}`, { x: i, y: i % 2 }]));
    const bent = normalisedStress(graph, zigzag);
    expect(bent).toBeGreaterThan(0);
    expect(bent).toBeLessThan(normalisedStress(graph, scattered(20)));
  });
});
