// The WebGL overview's graph: the chart's entities and links as a graphology graph with what sigma.js draws
// (position, size, colour, ring) as attributes. Colours come from the one chart style in shared-values, so
// an entity has the colour it has on the detailed chart. Sigma draws neither dashes nor halos, so a
// hypothesis is a fainter, thinner line, SAME_AS a wider one, and a cross-border entity gets an amber ring.
import Graph from 'graphology';
import type { EntitySummary, EntityType, LinkSummary } from '../../../../contract/model';
import { CROSS_BORDER_COLOUR, ENTITY_TYPE_STYLES, solidLinkLook } from '../../../../shared-values/chart-style';
import { seededRandom } from '../../../../shared-values/seeded-random';
import { findCrossBorderEntities } from '../../analysis/cross-border';

export type Position = { x: number; y: number };

export interface OverviewNodeAttributes {
  x: number;
  y: number;
  size: number;
  color: string;
  label: string;
  /** sigma's node program: 'circle', or 'ringed' for a circle with a coloured ring. */
  type: 'circle' | 'ringed';
  ringColor?: string;
  entityType: EntityType;
}

export interface OverviewEdgeAttributes {
  size: number;
  color: string;
}

export type OverviewGraph = Graph<OverviewNodeAttributes, OverviewEdgeAttributes>;

/** Screen pixels of a node at the overview's base zoom: small enough for 50,000 to stay apart. */
export const OVERVIEW_NODE_SIZE = 3;
/** Link widths of the detailed chart (1.5–9 chart pixels) scaled to the overview's thin lines. */
const LINK_WIDTH_SCALE = 0.5;

export function emptyOverviewGraph(): OverviewGraph {
  return new Graph<OverviewNodeAttributes, OverviewEdgeAttributes>({ multi: true, type: 'directed', allowSelfLoops: true });
}

export function nodeAttributes(entity: EntitySummary, position: Position, crossBorder: boolean): OverviewNodeAttributes {
  return {
    x: position.x,
    y: position.y,
    size: OVERVIEW_NODE_SIZE,
    color: ENTITY_TYPE_STYLES[entity.type]?.colour ?? ENTITY_TYPE_STYLES.Source.colour,
    label: entity.label || entity.id,
    type: crossBorder ? 'ringed' : 'circle',
    ...(crossBorder ? { ringColor: CROSS_BORDER_COLOUR } : {}),
    entityType: entity.type,
  };
}

export function edgeAttributes(link: LinkSummary): OverviewEdgeAttributes {
  const look = solidLinkLook(link);
  return { size: Math.max(0.5, look.width * LINK_WIDTH_SCALE), color: look.colour };
}

/**
 * Adds entities and links the graph does not hold yet. `positionOf` gives each new entity its place;
 * links whose ends are missing are skipped. Returns what was added.
 */
export function addToOverview(
  graph: OverviewGraph,
  entities: readonly EntitySummary[],
  links: readonly LinkSummary[],
  positionOf: (entity: EntitySummary) => Position,
  crossBorder: ReadonlySet<string> = new Set(),
): { entities: string[]; links: string[] } {
  const added = { entities: [] as string[], links: [] as string[] };
  for (const entity of entities) {
    if (graph.hasNode(entity.id)) continue;
    graph.addNode(entity.id, nodeAttributes(entity, positionOf(entity), crossBorder.has(entity.id)));
    added.entities.push(entity.id);
  }
  for (const link of links) {
    if (graph.hasEdge(link.id) || !graph.hasNode(link.source) || !graph.hasNode(link.target)) continue;
    graph.addEdgeWithKey(link.id, link.source, link.target, edgeAttributes(link));
    added.links.push(link.id);
  }
  return added;
}

/** Gives every entity the ring it should have now (cross-border changes as links arrive). */
export function markCrossBorder(graph: OverviewGraph, entities: readonly EntitySummary[], links: readonly LinkSummary[]): number {
  const found = findCrossBorderEntities(entities, links);
  graph.forEachNode((id, attributes) => {
    const ringed = found.has(id);
    if (ringed === (attributes.type === 'ringed')) return;
    graph.mergeNodeAttributes(id, ringed ? { type: 'ringed', ringColor: CROSS_BORDER_COLOUR } : { type: 'circle', ringColor: undefined });
  });
  return found.size;
}

/**
 * Places for entities that arrive without one (an expansion): on a small ring around the entities they were
 * expanded from, spaced by the chart's typical distance between neighbours, with a seeded jitter.
 */
export function placesAround(graph: OverviewGraph, centreIds: readonly string[], newIds: readonly string[]): Map<string, Position> {
  const centres = centreIds.filter((id) => graph.hasNode(id)).map((id) => graph.getNodeAttributes(id));
  const centre = centres.length
    ? { x: centres.reduce((sum, c) => sum + c.x, 0) / centres.length, y: centres.reduce((sum, c) => sum + c.y, 0) / centres.length }
    : { x: 0, y: 0 };
  const radius = typicalSpacing(graph) * 1.5;
  const next = seededRandom(newIds.length + graph.order);
  return new Map(
    newIds.map((id, index) => {
      const angle = (2 * Math.PI * index) / Math.max(1, newIds.length);
      const r = radius * (1 + 0.3 * next());
      return [id, { x: centre.x + r * Math.cos(angle), y: centre.y + r * Math.sin(angle) }];
    }),
  );
}

/** The side of the square each node gets on average: the extent's area over the node count. */
export function typicalSpacing(graph: OverviewGraph): number {
  if (graph.order < 2) return 60;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((_, { x, y }) => {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  const area = Math.max(1, (maxX - minX) * (maxY - minY));
  return Math.max(1, Math.sqrt(area / graph.order));
}

/** A deterministic scatter for entities with no saved position (sized so nodes do not pile up). */
export function scatterPositions(ids: readonly string[], seed = 1): Map<string, Position> {
  const side = Math.sqrt(ids.length) * 90;
  const next = seededRandom(seed);
  return new Map(ids.map((id) => [id, { x: next() * side, y: next() * side }]));
}
