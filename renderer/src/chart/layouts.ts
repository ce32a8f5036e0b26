// Where new elements go. Positions the analyst already sees are never moved: new nodes start on a ring
// around the chart node they connect to, then fcose settles only them (existing nodes are fixed constraints).
import type { Core, NodeCollection, NodeSingular, Position } from 'cytoscape';

/** Above this many nodes fcose is skipped (it runs on the main thread); ring placement alone stays instant. */
export const FORCE_LAYOUT_NODE_LIMIT = 1500;

const MIN_RING_RADIUS = 110;
/** Arc length per node on a ring, roughly a node plus its label. */
const RING_SPACING = 58;

/**
 * Gives every new node a starting position near an existing neighbour (its "anchor"), spread on a ring.
 * `anchorOf` names that neighbour; nodes without one go around `fallbackCentre`.
 */
export function placeAroundAnchors(
  cy: Core,
  newNodes: NodeCollection,
  anchorOf: (node: NodeSingular) => NodeSingular | undefined,
  fallbackCentre: Position,
): void {
  const groups = new Map<string, { centre: Position; nodes: NodeSingular[] }>();
  newNodes.forEach((node) => {
    const anchor = anchorOf(node);
    const key = anchor ? anchor.id() : '';
    const centre = anchor ? anchor.position() : fallbackCentre;
    const group = groups.get(key) ?? { centre: { ...centre }, nodes: [] };
    group.nodes.push(node);
    groups.set(key, group);
  });
  cy.batch(() => {
    for (const { centre, nodes } of groups.values()) {
      nodes.forEach((node, index) => node.position(ringPosition(centre, index, nodes.length)));
    }
  });
}

/** Position `index` of `count` on concentric rings, filling inner rings first. */
export function ringPosition(centre: Position, index: number, count: number): Position {
  if (count === 1) return { x: centre.x + MIN_RING_RADIUS, y: centre.y };
  let ring = 0;
  let firstOnRing = 0;
  let capacity = ringCapacity(0);
  while (index >= firstOnRing + capacity) {
    firstOnRing += capacity;
    ring += 1;
    capacity = ringCapacity(ring);
  }
  const onThisRing = Math.min(capacity, count - firstOnRing);
  const angle = (2 * Math.PI * (index - firstOnRing)) / onThisRing - Math.PI / 2;
  const radius = MIN_RING_RADIUS + ring * RING_SPACING * 1.2;
  return { x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) };
}

function ringCapacity(ring: number): number {
  const radius = MIN_RING_RADIUS + ring * RING_SPACING * 1.2;
  return Math.max(6, Math.floor((2 * Math.PI * radius) / RING_SPACING));
}

/**
 * Lets fcose untangle the new nodes while every node in `fixed` keeps its position exactly.
 * Resolves when the layout has stopped (immediately when skipped).
 */
export function settleNewNodes(cy: Core, fixed: NodeCollection, options: { animate: boolean }): Promise<void> {
  const total = cy.nodes().length;
  if (total < 2 || total > FORCE_LAYOUT_NODE_LIMIT || fixed.length === total) return Promise.resolve();
  const layout = cy.layout({
    name: 'fcose',
    quality: 'default',
    // Start from the ring positions instead of a random spread: existing structure stays recognisable.
    randomize: false,
    animate: options.animate,
    animationDuration: 350,
    fit: false,
    packComponents: false,
    nodeDimensionsIncludeLabels: true,
    idealEdgeLength: 95,
    nodeRepulsion: 6500,
    numIter: 1500,
    fixedNodeConstraint: fixed.map((node) => ({ nodeId: node.id(), position: { ...node.position() } })),
  } as unknown as Parameters<Core['layout']>[0]);
  const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  return stopped;
}
