// Louvain communities ("crews") on the chart, with graphology-communities-louvain. Seeded so the same chart
// gives the same colouring every time, and numbered by size so community 0 is always the largest.
import louvain from 'graphology-communities-louvain';
import { seededRandom } from '../../../shared-values/seeded-random';
import { buildUndirectedGraph, type AnalysisInput } from './analysis-graph';

export interface Communities {
  /** Entity id → community number (0 = largest). Isolated entities get a community of their own. */
  communityOf: Record<string, number>;
  count: number;
  modularity: number;
}

export function detectCommunities(input: AnalysisInput, options: { seed?: number; resolution?: number } = {}): Communities {
  const graph = buildUndirectedGraph(input);
  if (graph.order === 0) return { communityOf: {}, count: 0, modularity: 0 };
  if (graph.size === 0) {
    // Louvain needs at least one edge; every node is then its own community.
    const communityOf = Object.fromEntries(graph.nodes().map((id, i) => [id, i]));
    return { communityOf, count: graph.order, modularity: 0 };
  }
  const detailed = louvain.detailed(graph, {
    getEdgeWeight: null,
    resolution: options.resolution ?? 1,
    rng: seededRandom(options.seed ?? 1),
  });
  return { communityOf: renumberBySize(detailed.communities), count: detailed.count, modularity: detailed.modularity };
}

/**
 * Keeps colours steady while the time bar plays: each new community takes the number of the previous
 * community it shares most members with (greedy, largest overlaps first); the rest get fresh numbers.
 */
export function alignCommunities(previous: Record<string, number>, next: Record<string, number>): Record<string, number> {
  const overlap = new Map<string, number>();
  for (const [id, community] of Object.entries(next)) {
    const before = previous[id];
    if (before === undefined) continue;
    const key = `${community}:${before}`;
    overlap.set(key, (overlap.get(key) ?? 0) + 1);
  }
  const pairs = [...overlap.entries()]
    .map(([key, count]) => {
      const [now, before] = key.split(':').map(Number);
      return { now, before, count };
    })
    .sort((a, b) => b.count - a.count || a.now - b.now || a.before - b.before);
  const mapping = new Map<number, number>();
  const taken = new Set<number>();
  for (const { now, before } of pairs) {
    if (mapping.has(now) || taken.has(before)) continue;
    mapping.set(now, before);
    taken.add(before);
  }
  const result: Record<string, number> = {};
  const nowIds = [...new Set(Object.values(next))].sort((a, b) => a - b);
  for (const now of nowIds) {
    if (mapping.has(now)) continue;
    // The lowest free number, so colours do not run through the whole palette during playback.
    let candidate = 0;
    while (taken.has(candidate)) candidate++;
    mapping.set(now, candidate);
    taken.add(candidate);
  }
  for (const [id, community] of Object.entries(next)) result[id] = mapping.get(community)!;
  return result;
}

function renumberBySize(communities: Record<string, number>): Record<string, number> {
  const sizes = new Map<number, number>();
  const firstSeen = new Map<number, string>();
  for (const [id, community] of Object.entries(communities)) {
    sizes.set(community, (sizes.get(community) ?? 0) + 1);
    const seen = firstSeen.get(community);
    if (seen === undefined || id < seen) firstSeen.set(community, id);
  }
  const order = [...sizes.keys()].sort((a, b) => sizes.get(b)! - sizes.get(a)! || (firstSeen.get(a)! < firstSeen.get(b)! ? -1 : 1));
  const renumber = new Map(order.map((community, index) => [community, index]));
  return Object.fromEntries(Object.entries(communities).map(([id, community]) => [id, renumber.get(community)!]));
}

