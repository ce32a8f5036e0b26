// Centrality on the chart, with graphology-metrics (not hand-rolled). Definitions, chosen to equal
// networkx's defaults on an undirected simple graph so results can be checked against it
// (test/integration/caviar-centrality.test.ts):
//  - degree:      deg(v) / (n − 1)                                   = nx.degree_centrality
//  - betweenness: shortest-path betweenness, normalised by 2/((n−1)(n−2)) = nx.betweenness_centrality
//  - closeness:   Wasserman–Faust: ((r−1)/Σd) · ((r−1)/(n−1)), r = reachable nodes incl. v
//                                                                    = nx.closeness_centrality (wf_improved)
//  - eigenvector: power iteration on A + I, L2-normalised          = nx.eigenvector_centrality
// Unweighted unless the input carries weights (call counts); then, as networkx with weight=…:
//  - degree:      strength Σ w / (n − 1)                  = nx.degree(G, weight='weight') / (n − 1)
//  - betweenness: shortest paths by distance 1 / w (many calls = close) = nx.betweenness_centrality(G, weight='distance')
//  - closeness:   by distance 1 / w                         = nx.closeness_centrality(G, distance='distance')
//  - eigenvector: on the weighted adjacency                 = nx.eigenvector_centrality(G, weight='weight')
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import closenessCentrality from 'graphology-metrics/centrality/closeness';
import { degreeCentrality } from 'graphology-metrics/centrality/degree';
import eigenvectorCentrality from 'graphology-metrics/centrality/eigenvector';
import type Graph from 'graphology';
import dijkstra from 'graphology-shortest-path/dijkstra';
import { buildUndirectedGraph, type AnalysisInput, type Scores } from './analysis-graph';

export const CENTRALITY_MEASURES = ['degree', 'betweenness', 'closeness', 'eigenvector'] as const;
export type CentralityMeasure = (typeof CENTRALITY_MEASURES)[number];

export const CENTRALITY_NAMES: Record<CentralityMeasure, string> = {
  degree: 'Degree',
  betweenness: 'Betweenness',
  closeness: 'Closeness',
  eigenvector: 'Eigenvector',
};

/** Tighter than networkx's 1e-6 default so two implementations agree far below the 1e-6 we promise. */
export const EIGENVECTOR_TOLERANCE = 1e-12;
export const EIGENVECTOR_MAX_ITERATIONS = 10_000;

export class CentralityError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CentralityError';
  }
}

export function centrality(input: AnalysisInput, measure: CentralityMeasure): Scores {
  const graph = buildUndirectedGraph(input);
  // With one node every normalisation divides by zero; a lone node has no centrality to speak of.
  if (graph.order <= 1) return Object.fromEntries(graph.nodes().map((id) => [id, 0]));
  const weighted = input.weights !== undefined;
  switch (measure) {
    case 'degree':
      return weighted ? strength(graph) : degreeCentrality(graph);
    case 'betweenness':
      return betweennessCentrality(graph, { normalized: true, getEdgeWeight: weighted ? 'distance' : null });
    case 'closeness':
      return weighted ? weightedCloseness(graph) : closenessCentrality(graph, { wassermanFaust: true });
    case 'eigenvector':
      try {
        return eigenvectorCentrality(graph, {
          getEdgeWeight: weighted ? 'weight' : null,
          tolerance: EIGENVECTOR_TOLERANCE,
          maxIterations: EIGENVECTOR_MAX_ITERATIONS,
        });
      } catch {
        throw new CentralityError('Eigenvector centrality did not settle on this chart. Try degree or betweenness instead.');
      }
  }
}

/** Weighted degree: the sum of a node's edge weights, over n − 1 like degree centrality. */
function strength(graph: Graph): Scores {
  const scores: Scores = {};
  const scale = 1 / (graph.order - 1);
  graph.forEachNode((node) => {
    let sum = 0;
    graph.forEachEdge(node, (_edge, attributes) => (sum += attributes.weight as number));
    scores[node] = sum * scale;
  });
  return scores;
}

/** Wasserman–Faust closeness over shortest distances (Dijkstra on `distance`), as networkx with distance=. */
function weightedCloseness(graph: Graph): Scores {
  const scores: Scores = {};
  const n = graph.order;
  graph.forEachNode((node) => {
    const lengths = dijkstra.singleSource(graph, node, 'distance') as Record<string, string[]>;
    let total = 0;
    let reachable = 0;
    for (const [target, path] of Object.entries(lengths)) {
      if (target === node) continue;
      reachable++;
      for (let i = 1; i < path.length; i++) total += graph.getEdgeAttribute(path[i - 1], path[i], 'distance') as number;
    }
    scores[node] = total > 0 ? (reachable / total) * (reachable / (n - 1)) : 0;
  });
  return scores;
}

export interface RankedEntry {
  id: string;
  score: number;
  /** 1-based; equal scores share a rank. */
  rank: number;
}

/** Highest score first; ties ordered by id so the table does not shuffle between runs. */
export function rankByScore(scores: Scores, limit = Number.POSITIVE_INFINITY): RankedEntry[] {
  const sorted = Object.entries(scores).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  const ranked: RankedEntry[] = [];
  for (let i = 0; i < sorted.length && ranked.length < limit; i++) {
    const [id, score] = sorted[i];
    const previous = ranked[i - 1];
    const rank = previous && Math.abs(previous.score - score) < 1e-12 ? previous.rank : i + 1;
    ranked.push({ id, score, rank });
  }
  return ranked;
}

/** Node diameters for "size by measure": the smallest score gets `min`, the largest `max` (square-root scale). */
export function sizesFromScores(scores: Scores, min = 26, max = 78): Record<string, number> {
  const values = Object.values(scores);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const span = high - low;
  const sizes: Record<string, number> = {};
  for (const [id, score] of Object.entries(scores)) {
    sizes[id] = span <= 0 ? (min + max) / 2 : min + (max - min) * Math.sqrt((score - low) / span);
  }
  return sizes;
}
