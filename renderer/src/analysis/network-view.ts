// Which network a measure runs on. By default the investigative network: the entities and their links,
// without the Case and Source nodes that record where they came from (and so without their RECORDED_IN and
// PART_OF links): after "expand the case, expand the sources" those would otherwise top every ranking. A
// switch puts them back. At person level, each phone and vehicle with a single known user (USES; OWNS or
// DRIVES) is folded into that person, so calls between two lines become a link between their users and the
// ranking names people, not lines; a line with no or several known users stays as it is. Weighted, parallel
// links add up (a link weighs its imported `weight`, else a CALLED link its call count, else 1).
import type { AnalysisEdge, AnalysisInput } from './analysis-graph';

export interface ChartNetwork {
  entities: readonly { id: string; type: string }[];
  links: readonly { source: string; target: string; type: string; properties?: Record<string, unknown> }[];
}

export interface NetworkOptions {
  /** Count Case and Source nodes and their provenance links too. */
  includeProvenance: boolean;
  /** 'persons': fold phones and vehicles into their one known user. */
  level: 'entities' | 'persons';
  /** Call counts (or an imported network's link weights) as weights. */
  weighted: boolean;
}

export const DEFAULT_NETWORK_OPTIONS: NetworkOptions = { includeProvenance: false, level: 'entities', weighted: false };

export const PROVENANCE_TYPES: ReadonlySet<string> = new Set(['Case', 'Source']);
const USER_LINKS: Record<string, ReadonlySet<string>> = { Phone: new Set(['USES']), Vehicle: new Set(['OWNS', 'DRIVES']) };

export interface MeasuredNetwork {
  input: AnalysisInput;
  /** What was measured, for the panel: nodes and (distinct, undirected) links. */
  nodes: number;
  links: number;
  /** Lines and vehicles folded into their user (person level). */
  folded: number;
}

function weightOf(link: ChartNetwork['links'][number]): number {
  // An imported network's link carries the file's summed weight; a call link its call count.
  const weight = link.properties?.weight;
  if (typeof weight === 'number' && Number.isFinite(weight) && weight > 0) return weight;
  const count = link.properties?.count;
  return link.type === 'CALLED' && typeof count === 'number' && count > 0 ? count : 1;
}

/** Phone/vehicle id → its single known user on the chart. */
function singleUsers(network: ChartNetwork, typeOf: ReadonlyMap<string, string>): Map<string, string> {
  const users = new Map<string, Set<string>>();
  for (const link of network.links) {
    const thing = typeOf.get(link.target);
    if (!thing || !USER_LINKS[thing]?.has(link.type) || typeOf.get(link.source) !== 'Person') continue;
    const known = users.get(link.target) ?? new Set<string>();
    known.add(link.source);
    users.set(link.target, known);
  }
  const single = new Map<string, string>();
  for (const [thing, people] of users) if (people.size === 1) single.set(thing, [...people][0]);
  return single;
}

export function measuredNetwork(network: ChartNetwork, options: NetworkOptions = DEFAULT_NETWORK_OPTIONS): MeasuredNetwork {
  const typeOf = new Map(network.entities.map((e) => [e.id, e.type]));
  const kept = network.entities.filter((e) => options.includeProvenance || !PROVENANCE_TYPES.has(e.type));
  const representative = options.level === 'persons' ? singleUsers(network, typeOf) : new Map<string, string>();
  const nodeOf = (id: string) => representative.get(id) ?? id;
  const nodes = [...new Set(kept.map((e) => nodeOf(e.id)))];
  const present = new Set(nodes);

  // Undirected simple graph: one edge per pair of nodes, weights of parallel links summed.
  const edges = new Map<string, AnalysisEdge & { weight: number }>();
  for (const link of network.links) {
    if (!typeOf.has(link.source) || !typeOf.has(link.target)) continue;
    const source = nodeOf(link.source);
    const target = nodeOf(link.target);
    if (source === target || !present.has(source) || !present.has(target)) continue;
    const key = source < target ? `${source}\u0000${target}` : `${target}\u0000${source}`;
    const edge = edges.get(key);
    if (edge) edge.weight += weightOf(link);
    else edges.set(key, { source, target, weight: weightOf(link) });
  }
  const list = [...edges.values()];
  const input: AnalysisInput = {
    nodes,
    edges: list.map(({ source, target }) => ({ source, target })),
    ...(options.weighted ? { weights: list.map((e) => e.weight) } : {}),
  };
  return { input, nodes: nodes.length, links: list.length, folded: representative.size };
}
