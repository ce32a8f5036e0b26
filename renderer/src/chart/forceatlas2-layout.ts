// ForceAtlas2 (graphology) for big charts. Kept apart from the Cytoscape layouts so the layout worker
// bundles only graphology, not Cytoscape.
import Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import forceAtlas2, { type ForceAtlas2Settings } from 'graphology-layout-forceatlas2';
import { seededRandom } from '../../../shared-values/seeded-random';

export interface Position {
  x: number;
  y: number;
}

export interface LayoutGraph {
  nodes: { id: string; position?: Position }[];
  edges: { source: string; target: string }[];
}

/**
 * Which ForceAtlas2 to run. `tuned` is Schakel's: Barnes–Hut θ = 1.2 (Gephi's default; ~3× cheaper per step
 * than 0.5 at no visible cost), a community-seeded start and a stop on convergence. `previous` is the setting
 * used before (θ = 0.5, fixed iteration count, spiral start) and `graphologyDefaults` is bare graphology; both
 * stay for the benchmark's same-run comparison.
 */
export type ForceAtlas2Variant = 'tuned' | 'previous' | 'graphologyDefaults';

/** Hard cap on iterations: convergence normally stops the tuned layout well before it. */
export function forceAtlas2Iterations(nodeCount: number): number {
  // Barnes–Hut steps cost O(n log n). Fewer steps for big charts keep the wait bounded; progress is shown meanwhile.
  return nodeCount > 3000 ? 150 : nodeCount > 1000 ? 300 : 600;
}

/** Mean movement per node per iteration, relative to the median edge length, under which the layout is settled. */
export const CONVERGENCE_THRESHOLD = 0.01;
/** Iterations between convergence checks (and progress reports). */
const CHECK_EVERY = 10;

/**
 * ForceAtlas2 from graphology. Runs in chunks so a worker can report progress between them. The tuned variant
 * ignores the given positions and starts from a layout seeded by community (Louvain), which shortens the
 * untangling; the others start from the given positions when there are any.
 */
export function forceAtlas2Positions(
  graph: LayoutGraph,
  options: { iterations: number; variant?: ForceAtlas2Variant; onProgress?: (done: number, total: number) => void },
): Record<string, Position> {
  const variant = options.variant ?? 'tuned';
  const g = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  graph.nodes.forEach((node, i) => {
    const start = spiralPoint(i, 10);
    g.addNode(node.id, variant === 'tuned' ? start : { x: node.position?.x ?? start.x, y: node.position?.y ?? start.y });
  });
  for (const { source, target } of graph.edges) if (source !== target && g.hasNode(source) && g.hasNode(target)) g.mergeEdge(source, target);
  if (variant === 'tuned' && g.size > 0) seedByCommunity(g);
  const settings = settingsFor(variant, g);
  const total = options.iterations;
  const chunk = variant === 'tuned' ? CHECK_EVERY : 50;
  for (let done = 0; done < total; ) {
    const steps = Math.min(chunk, total - done);
    const before = variant === 'tuned' ? snapshot(g) : undefined;
    forceAtlas2.assign(g, { iterations: steps, settings });
    done += steps;
    const settled = before !== undefined && meanRelativeDisplacement(g, before) / steps < CONVERGENCE_THRESHOLD;
    options.onProgress?.(settled ? total : done, total);
    if (settled) break;
  }
  return spreadToChartScale(g);
}

function settingsFor(variant: ForceAtlas2Variant, g: Graph): ForceAtlas2Settings {
  if (variant === 'graphologyDefaults') return {};
  const inferred = forceAtlas2.inferSettings(g);
  if (variant === 'previous') return { ...inferred, barnesHutOptimize: g.order > 500, adjustSizes: false };
  return { ...inferred, barnesHutOptimize: g.order > 500, barnesHutTheta: 1.2, adjustSizes: false };
}

function spiralPoint(i: number, spacing: number): Position {
  // Golden-angle spiral: evenly spread, no two points on one spot.
  const angle = i * 2.399963;
  const radius = spacing * Math.sqrt(i + 1);
  return { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
}

/** Communities on a spiral of centres, each one's members on a small spiral around its centre. */
function seedByCommunity(g: Graph): void {
  const community = louvain(g, { rng: seededRandom(1) });
  const members = new Map<number, string[]>();
  g.forEachNode((id) => {
    const c = community[id];
    const list = members.get(c);
    if (list) list.push(id);
    else members.set(c, [id]);
  });
  const groups = [...members.values()].sort((a, b) => b.length - a.length);
  const spacing = 10;
  // Centres far enough apart that the biggest community's disc fits between them.
  const centreSpacing = spacing * 2 * Math.sqrt(groups[0].length + 1);
  groups.forEach((ids, k) => {
    const centre = spiralPoint(k, centreSpacing / Math.sqrt(2));
    ids.forEach((id, i) => {
      const offset = spiralPoint(i, spacing);
      g.mergeNodeAttributes(id, { x: centre.x + offset.x, y: centre.y + offset.y });
    });
  });
}

function snapshot(g: Graph): Float64Array {
  const xy = new Float64Array(g.order * 2);
  let i = 0;
  g.forEachNode((_id, a) => {
    xy[i++] = a.x;
    xy[i++] = a.y;
  });
  return xy;
}

/** Mean node movement since `before`, in median edge lengths (so the threshold does not depend on FA2's units). */
function meanRelativeDisplacement(g: Graph, before: Float64Array): number {
  let moved = 0;
  let i = 0;
  g.forEachNode((_id, a) => {
    moved += Math.hypot(a.x - before[i], a.y - before[i + 1]);
    i += 2;
  });
  const median = medianEdgeLength(g);
  return median > 0 ? moved / g.order / median : 0;
}

function medianEdgeLength(g: Graph): number {
  const lengths: number[] = [];
  g.forEachEdge((_edge, _attributes, _source, _target, a, b) => lengths.push(Math.hypot(a.x - b.x, a.y - b.y)));
  lengths.sort((x, y) => x - y);
  return lengths.length ? lengths[Math.floor(lengths.length / 2)] : 0;
}

/** ForceAtlas2's units are arbitrary: scale so the median edge is about as long as fcose's ideal edge. */
function spreadToChartScale(g: Graph): Record<string, Position> {
  const median = medianEdgeLength(g);
  const scale = median > 0 ? 95 / median : 1;
  const positions: Record<string, Position> = {};
  g.forEachNode((id, attributes) => {
    positions[id] = { x: attributes.x * scale, y: attributes.y * scale };
  });
  return positions;
}
