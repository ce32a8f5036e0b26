// The graph the analysis functions work on: plain ids and edges, so the same code runs on the chart (in the
// page or a worker) and in the CAVIAR reference test. Chart links are directed records (A CALLED B), but
// the measures below treat the network as UNDIRECTED, UNWEIGHTED and SIMPLE: A→B and B→A become one edge,
// parallel links (two CALLED records for different phases) become one edge, self-links are dropped.
// That is what "who is connected to whom" means to an analyst, and it is networkx's `nx.Graph` reading.
import Graph from 'graphology';

export interface AnalysisEdge {
  source: string;
  target: string;
}

export interface AnalysisInput {
  /** Every node, including isolated ones (they count in the normalisations). */
  nodes: string[];
  edges: AnalysisEdge[];
  /** Edge weights (call counts), aligned with `edges`; absent: unweighted. */
  weights?: number[];
}

export type Scores = Record<string, number>;

export function buildUndirectedGraph(input: AnalysisInput): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of input.nodes) graph.mergeNode(id);
  input.edges.forEach(({ source, target }, index) => {
    if (source === target) return;
    if (!graph.hasNode(source) || !graph.hasNode(target)) return;
    const weight = input.weights?.[index] ?? 1;
    // Parallel edges add up; a weighted measure reads `weight` (or `distance`, its inverse, for paths).
    const before = graph.hasEdge(source, target) ? (graph.getEdgeAttribute(source, target, 'weight') as number) : 0;
    graph.mergeEdge(source, target, { weight: before + weight, distance: 1 / (before + weight) });
  });
  return graph;
}

/** The input restricted to `keep`: edges with an end outside are dropped. */
export function subgraph(input: AnalysisInput, keep: (id: string) => boolean): AnalysisInput {
  const nodes = input.nodes.filter(keep);
  const kept = new Set(nodes);
  const indices = input.edges.map((_, i) => i).filter((i) => kept.has(input.edges[i].source) && kept.has(input.edges[i].target));
  return { nodes, edges: indices.map((i) => input.edges[i]), ...(input.weights ? { weights: indices.map((i) => input.weights![i]) } : {}) };
}
