import { describe, expect, it } from 'vitest';
import { buildUndirectedGraph } from './analysis-graph';
import { centrality, rankByScore, sizesFromScores } from './centrality';
import { alignCommunities, detectCommunities } from './communities';
import { findCrossBorderEntities } from './cross-border';

// A star (hub H with leaves a, b, c) joined by a bridge c–d to a triangle d, e, f.
const STAR_AND_TRIANGLE = {
  nodes: ['H', 'a', 'b', 'c', 'd', 'e', 'f'],
  edges: [
    { source: 'H', target: 'a' },
    { source: 'a', target: 'H' }, // the reverse record: same undirected edge
    { source: 'H', target: 'b' },
    { source: 'H', target: 'c' },
    { source: 'c', target: 'd' },
    { source: 'd', target: 'e' },
    { source: 'e', target: 'f' },
    { source: 'f', target: 'd' },
    { source: 'f', target: 'f' }, // self-link: ignored
  ],
};

describe('analysis graph', () => {
  it('reads links as an undirected simple graph', () => {
    const graph = buildUndirectedGraph(STAR_AND_TRIANGLE);
    expect(graph.order).toBe(7);
    expect(graph.size).toBe(7);
  });
});

describe('centrality', () => {
  it('normalises degree by n − 1', () => {
    const scores = centrality(STAR_AND_TRIANGLE, 'degree');
    expect(scores.H).toBeCloseTo(3 / 6, 12);
    expect(scores.a).toBeCloseTo(1 / 6, 12);
  });

  it('scores brokers on betweenness and leaves at zero', () => {
    const scores = centrality(STAR_AND_TRIANGLE, 'betweenness');
    expect(scores.a).toBe(0);
    // c lies on every path between {H,a,b} and {d,e,f} (9 of the 15 pairs); H on 9 pairs as well; d on 4·2.
    expect(scores.c).toBeCloseTo(9 / 15, 12);
    expect(scores.H).toBeCloseTo(9 / 15, 12);
    expect(scores.d).toBeCloseTo(8 / 15, 12);
    expect(rankByScore(scores).slice(0, 3).map((r) => [r.id, r.rank])).toEqual([['H', 1], ['c', 1], ['d', 3]]);
  });

  it('computes closeness and eigenvector without failing on isolated nodes', () => {
    const input = { nodes: [...STAR_AND_TRIANGLE.nodes, 'lonely'], edges: STAR_AND_TRIANGLE.edges };
    expect(centrality(input, 'closeness').lonely).toBe(0);
    const eigen = centrality(input, 'eigenvector');
    expect(Math.hypot(...Object.values(eigen))).toBeCloseTo(1, 9);
    expect(eigen.H).toBeGreaterThan(eigen.a);
  });

  it('gives a lone entity zero instead of dividing by zero', () => {
    expect(centrality({ nodes: ['x'], edges: [] }, 'betweenness')).toEqual({ x: 0 });
  });

  it('ranks with shared ranks for ties and sizes on a square-root scale', () => {
    expect(rankByScore({ a: 1, b: 3, c: 1 })).toEqual([
      { id: 'b', score: 3, rank: 1 },
      { id: 'a', score: 1, rank: 2 },
      { id: 'c', score: 1, rank: 2 },
    ]);
    const sizes = sizesFromScores({ a: 0, b: 1, c: 0.25 }, 20, 60);
    expect(sizes).toEqual({ a: 20, b: 60, c: 40 });
  });
});

describe('communities', () => {
  it('finds the two crews, largest first, the same way every time', () => {
    const first = detectCommunities(STAR_AND_TRIANGLE);
    expect(first.count).toBe(2);
    expect(first.communityOf.H).toBe(first.communityOf.a);
    expect(first.communityOf.d).toBe(first.communityOf.e);
    expect(first.communityOf.H).not.toBe(first.communityOf.e);
    expect(first.communityOf.H).toBe(0); // the star (4 members) is larger than the triangle
    expect(detectCommunities(STAR_AND_TRIANGLE)).toEqual(first);
  });

  it('keeps colours steady when communities are renumbered between time windows', () => {
    const before = { a: 0, b: 0, c: 1, d: 1 };
    const after = { a: 1, b: 1, c: 0, d: 0, e: 2 };
    expect(alignCommunities(before, after)).toEqual({ a: 0, b: 0, c: 1, d: 1, e: 2 });
  });
});

describe('cross-border entities', () => {
  it('flags records linked to both countries, directly or through a confirmed match', () => {
    const entities = [
      { id: 'nl-person', country: 'NL' },
      { id: 'be-person', country: 'BE' },
      { id: 'nl-phone', country: 'NL' },
      { id: 'be-car', country: 'BE' },
      { id: 'nl-only', country: 'NL' },
    ];
    const links = [
      { source: 'nl-person', target: 'be-person', type: 'SAME_AS' },
      { source: 'nl-person', target: 'nl-phone', type: 'USES' },
      { source: 'be-person', target: 'be-car', type: 'OWNS' },
      { source: 'nl-only', target: 'nl-phone', type: 'CALLED' },
    ];
    const found = findCrossBorderEntities(entities, links);
    expect(found.get('nl-person')?.reason).toBe('own-country-differs');
    expect(found.get('be-person')?.reason).toBe('own-country-differs');
    // The phone is NL and its neighbours are NL, but its user is confirmed to be a Belgian record too.
    expect(found.has('nl-phone')).toBe(false);
    expect(found.has('nl-only')).toBe(false);
  });

  it('flags an NL record linked to a BE record without a match', () => {
    const found = findCrossBorderEntities(
      [
        { id: 'car', country: 'NL' },
        { id: 'camera', country: 'BE' },
      ],
      [{ source: 'car', target: 'camera', type: 'SIGHTED_AT' }],
    );
    expect([...found.keys()].sort()).toEqual(['camera', 'car']);
  });
});
