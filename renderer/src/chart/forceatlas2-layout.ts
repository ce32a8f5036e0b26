// ForceAtlas2 (graphology) for big charts. Kept apart from the Cytoscape layouts so the layout worker
// bundles only graphology, not Cytoscape.
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface Position {
  x: number;
  y: number;
}

export interface LayoutGraph {
  nodes: { id: string; position?: Position }[];
  edges: { source: string; target: string }[];
}

export function forceAtlas2Iterations(nodeCount: number): number {
  // Barnes–Hut steps cost O(n log n). At 5,000 nodes / 10,000 links one step took ~0.3 s on a heavily loaded
  // 2-core machine (load ~20): fewer steps for big charts keep the wait bounded; progress is shown meanwhile.
  return nodeCount > 3000 ? 150 : nodeCount > 1000 ? 300 : 600;
}

/**
 * ForceAtlas2 with the Barnes–Hut approximation (O(n log n) per step) from graphology. Runs in chunks so
 * a worker can report progress between them; starts from the given positions when there are any.
 */
export function forceAtlas2Positions(
  graph: LayoutGraph,
  options: { iterations: number; chunk?: number; onProgress?: (done: number, total: number) => void },
): Record<string, Position> {
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.nodes.forEach((node, i) => {
    // A deterministic spiral start when a node has no position yet: no two nodes on one spot.
    const angle = i * 2.399963;
    const radius = 10 * Math.sqrt(i + 1);
    g.addNode(node.id, { x: node.position?.x ?? radius * Math.cos(angle), y: node.position?.y ?? radius * Math.sin(angle) });
  });
  for (const { source, target } of graph.edges) if (source !== target && g.hasNode(source) && g.hasNode(target)) g.mergeEdge(source, target);
  const settings = { ...forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 500, adjustSizes: false };
  const chunk = options.chunk ?? 50;
  for (let done = 0; done < options.iterations; done += chunk) {
    forceAtlas2.assign(g, { iterations: Math.min(chunk, options.iterations - done), settings });
    options.onProgress?.(Math.min(done + chunk, options.iterations), options.iterations);
  }
  return spreadToChartScale(g);
}

/** ForceAtlas2's units are arbitrary: scale so the median edge is about as long as fcose's ideal edge. */
function spreadToChartScale(g: Graph): Record<string, Position> {
  const lengths: number[] = [];
  g.forEachEdge((_edge, _attributes, _source, _target, a, b) => lengths.push(Math.hypot(a.x - b.x, a.y - b.y)));
  lengths.sort((x, y) => x - y);
  const median = lengths.length ? lengths[Math.floor(lengths.length / 2)] : 0;
  const scale = median > 0 ? 95 / median : 1;
  const positions: Record<string, Position> = {};
  g.forEachNode((id, attributes) => {
    positions[id] = { x: attributes.x * scale, y: attributes.y * scale };
  });
  return positions;
}
