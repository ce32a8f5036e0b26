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
}

export type Scores = Record<string, number>;

export function buildUndirectedGraph(input: AnalysisInput): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const id of input.nodes) graph.mergeNode(id);
  for (const { source, target } of input.edges) {
    if (source === target) continue;
    if (!graph.hasNode(source) || !graph.hasNode(target)) continue;
    graph.mergeEdge(source, target);
  }
  return graph;
}

/** The input restricted to `keep`: edges with an end outside are dropped. */
export function subgraph(input: AnalysisInput, keep: (id: string) => boolean): AnalysisInput {
  const nodes = input.nodes.filter(keep);
  const kept = new Set(nodes);
  return { nodes, edges: input.edges.filter((e) => kept.has(e.source) && kept.has(e.target)) };
}
