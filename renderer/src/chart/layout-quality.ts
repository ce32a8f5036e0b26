// How readable a layout is, as one number: normalised stress on a sample of node pairs. Graph-theoretic
// distance (hops, by BFS from sampled sources) against drawn distance, each pair weighted 1/d² as in
// stress majorisation. Layouts have arbitrary units, so the drawing is first scaled by the factor that
// minimises stress (closed form), which makes the measure scale-invariant. 0 is perfect; lower is better.
import type { LayoutGraph, Position } from './forceatlas2-layout';

/**
 * Normalised stress of `positions` for `graph`: min over α of Σ (α·‖pᵢ−pⱼ‖ − dᵢⱼ)² / dᵢⱼ², divided by the
 * number of pairs. Sources are spread evenly over the node list (deterministic); unreachable pairs are skipped.
 */
export function normalisedStress(graph: LayoutGraph, positions: Record<string, Position>, options: { sources?: number } = {}): number {
  const ids = graph.nodes.map((node) => node.id).filter((id) => positions[id]);
  const index = new Map(ids.map((id, i) => [id, i]));
  const neighbours: number[][] = ids.map(() => []);
  for (const { source, target } of graph.edges) {
    const s = index.get(source);
    const t = index.get(target);
    if (s === undefined || t === undefined || s === t) continue;
    neighbours[s].push(t);
    neighbours[t].push(s);
  }
  const sourceCount = Math.min(ids.length, options.sources ?? 50);
  // Σ r and Σ r² with r = drawn / graph distance: stress(α) = Σ (α r − 1)², minimised at α = Σ r / Σ r².
  let sumRatio = 0;
  let sumRatioSquared = 0;
  let pairs = 0;
  const hops = new Int32Array(ids.length);
  for (let k = 0; k < sourceCount; k++) {
    const source = Math.floor((k * ids.length) / sourceCount);
    hops.fill(-1);
    hops[source] = 0;
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const current = queue[head];
      for (const next of neighbours[current]) {
        if (hops[next] >= 0) continue;
        hops[next] = hops[current] + 1;
        queue.push(next);
        const a = positions[ids[source]];
        const b = positions[ids[next]];
        const ratio = Math.hypot(a.x - b.x, a.y - b.y) / hops[next];
        sumRatio += ratio;
        sumRatioSquared += ratio * ratio;
        pairs++;
      }
    }
  }
  if (pairs === 0 || sumRatioSquared === 0) return pairs === 0 ? 0 : 1;
  // At the optimal α, Σ (α r − 1)² = pairs − (Σ r)² / Σ r².
  return Math.max(0, pairs - (sumRatio * sumRatio) / sumRatioSquared) / pairs;
}
