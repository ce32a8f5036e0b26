// Whole-chart layouts. One place defines each algorithm's options so the live chart and the headless
// `layoutPositions` (benchmarks, tests) run exactly the same thing.
import cytoscape, { type Core, type LayoutOptions, type NodeSingular, type Position } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { forceAtlas2Iterations, forceAtlas2Positions, type LayoutGraph } from './forceatlas2-layout';

cytoscape.use(fcose);

export type { LayoutGraph };

export const LAYOUT_ALGORITHMS = ['force', 'hierarchical', 'concentric', 'circle', 'grid', 'forceatlas2'] as const;
export type LayoutAlgorithm = (typeof LAYOUT_ALGORITHMS)[number];

/**
 * Above this many nodes "force" runs ForceAtlas2 (Barnes–Hut) in a worker instead of fcose on the page.
 * Measured on random graphs with two links per node: from 1,000 nodes on, the tuned ForceAtlas2 draws with
 * the same normalised stress as fcose (or lower) in a thirtieth of the time, while fcose holds the page for
 * 6 s or more; at 800 its stress is 4.5 % higher, at 600 5.6 %.
 */
export const LARGE_LAYOUT_NODE_LIMIT = 800;

export interface LayoutInputs {
  /** Scores for "concentric": higher sits nearer the centre. */
  scores?: Record<string, number>;
  /** Nodes that must not move (pinned). */
  fixed?: Set<string>;
  animate?: boolean;
}

/** Cytoscape layout options for an algorithm (not for forceatlas2, which is graphology's). */
export function cytoscapeLayoutOptions(algorithm: Exclude<LayoutAlgorithm, 'forceatlas2'>, inputs: LayoutInputs, positions?: (id: string) => Position): LayoutOptions {
  const animate = inputs.animate ?? false;
  const common = { animate, animationDuration: 400, fit: true, padding: 40 };
  switch (algorithm) {
    case 'force':
      return {
        name: 'fcose',
        ...common,
        quality: 'default',
        randomize: true,
        nodeDimensionsIncludeLabels: true,
        idealEdgeLength: 95,
        nodeRepulsion: 6500,
        numIter: 2500,
        ...(inputs.fixed?.size && positions
          ? { fixedNodeConstraint: [...inputs.fixed].map((nodeId) => ({ nodeId, position: { ...positions(nodeId) } })) }
          : {}),
      } as unknown as LayoutOptions;
    case 'hierarchical':
      return { name: 'breadthfirst', ...common, directed: true, spacingFactor: 1.15, avoidOverlap: true, nodeDimensionsIncludeLabels: true } as LayoutOptions;
    case 'concentric': {
      const scores = inputs.scores ?? {};
      const values = Object.values(scores);
      const span = values.length ? Math.max(...values) - Math.min(...values) : 0;
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 24,
        avoidOverlap: true,
        concentric: (node: NodeSingular) => scores[node.id()] ?? 0,
        // About six rings whatever the measure's range.
        levelWidth: () => (span > 0 ? span / 6 : 1),
      } as LayoutOptions;
    }
    case 'circle':
      return { name: 'circle', ...common, avoidOverlap: true, spacingFactor: 1.1 } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlap: true, avoidOverlapPadding: 24, condense: true } as LayoutOptions;
  }
}

/**
 * Positions for `graph` under `algorithm`, computed headlessly (no canvas, no animation). Used by the
 * benchmarks against bare Cytoscape + fcose and by tests; the live chart runs the same options.
 */
export function layoutPositions(graph: LayoutGraph, algorithm: LayoutAlgorithm, inputs: LayoutInputs = {}): Record<string, Position> {
  if (algorithm === 'forceatlas2') return forceAtlas2Positions(graph, { iterations: forceAtlas2Iterations(graph.nodes.length) });
  const cy: Core = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 34, height: 34 } }],
    elements: [
      ...graph.nodes.map((n) => ({ group: 'nodes' as const, data: { id: n.id }, ...(n.position ? { position: { ...n.position } } : {}) })),
      ...graph.edges.map((e, i) => ({ group: 'edges' as const, data: { id: `e${i}`, source: e.source, target: e.target } })),
    ],
  });
  try {
    cy.layout(cytoscapeLayoutOptions(algorithm, { ...inputs, animate: false }, (id) => cy.getElementById(id).position())).run();
    const positions: Record<string, Position> = {};
    cy.nodes().forEach((node) => {
      positions[node.id()] = { ...node.position() };
    });
    return positions;
  } finally {
    cy.destroy();
  }
}

