// Layout runs: the layout the analyst asks for over what is visible (pinned entities stay put), and placing
// an expansion's newcomers around what was already on the chart.
import type { Core, NodeCollection, NodeSingular, Position } from 'cytoscape';
import type { Scores } from '../../analysis/analysis-graph';
import { forceAtlas2Iterations, forceAtlas2Positions } from '../forceatlas2-layout';
import { cytoscapeLayoutOptions, LARGE_LAYOUT_NODE_LIMIT, type LayoutAlgorithm } from '../layout-algorithms';
import { placeAroundAnchors, settleNewNodes } from '../layouts';
import { drawn, ENTITY_NODES, entityPositions } from './cy-basics';

/** Runs ForceAtlas2 somewhere (the analysis worker); progress as iterations done of total. */
export type ForceAtlas2Runner = (
  graph: { nodes: { id: string; position: Position }[]; edges: { source: string; target: string }[] },
  onProgress: (done: number, total: number) => void,
) => Promise<Record<string, Position>>;

export class LayoutRuns {
  constructor(
    private readonly cy: Core,
    private readonly hooks: {
      animate: boolean;
      /** Where big force layouts run; undefined runs them on the page. */
      forceAtlas2(): ForceAtlas2Runner | undefined;
      applyPositions(positions: Record<string, Position>): void;
      fit(): void;
    },
  ) {}

  /**
   * Lays out what is visible with `algorithm`; pinned entities stay put. Big charts asked for "force" get
   * ForceAtlas2 in the worker with progress reports, so the page never freezes. Returns the positions
   * before and after, for the undo step.
   */
  async run(
    algorithm: LayoutAlgorithm,
    options: { scores?: Scores; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<{ before: Record<string, Position>; after: Record<string, Position> } | undefined> {
    const nodes = drawn(this.cy.nodes(ENTITY_NODES));
    if (nodes.length === 0) return undefined;
    const before = entityPositions(this.cy);
    const pinned = new Set(this.cy.nodes('.pinned').map((n) => n.id()));
    const useForceAtlas2 = algorithm === 'forceatlas2' || (algorithm === 'force' && nodes.length > LARGE_LAYOUT_NODE_LIMIT);
    if (useForceAtlas2) {
      const graph = {
        nodes: nodes.map((n) => ({ id: n.id(), position: { ...(n as NodeSingular).position() } })),
        edges: drawn(this.cy.edges()).map((e) => ({ source: e.source().id(), target: e.target().id() })),
      };
      const compute: ForceAtlas2Runner =
        this.hooks.forceAtlas2() ?? (async (g, onProgress) => forceAtlas2Positions(g, { iterations: forceAtlas2Iterations(g.nodes.length), onProgress }));
      const positions = await compute(graph, options.onProgress ?? (() => undefined));
      this.hooks.applyPositions(Object.fromEntries(Object.entries(positions).filter(([id]) => !pinned.has(id))));
      this.hooks.fit();
    } else {
      const elements = nodes.union(nodes.parents()).union(nodes.edgesWith(nodes));
      const layout = elements.layout(
        cytoscapeLayoutOptions(algorithm, { scores: options.scores, fixed: pinned, animate: this.hooks.animate && nodes.length < 300 }, (id) => this.cy.getElementById(id).position()),
      );
      const stopped = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
      layout.run();
      await stopped;
      // Layouts other than fcose know nothing of pins: put pinned entities back.
      this.hooks.applyPositions(Object.fromEntries([...pinned].filter((id) => before[id]).map((id) => [id, before[id]])));
    }
    return { before, after: entityPositions(this.cy) };
  }

  /** Puts `newNodes` next to a neighbour already on the chart (or near `centre`), then settles them with the rest held. */
  placeNewcomers(existing: NodeCollection, newNodes: NodeCollection, centre: Position): void {
    const existingIds = new Set(existing.map((node) => node.id()));
    placeAroundAnchors(this.cy, newNodes, (node) => firstNeighbourIn(node, existingIds), centre);
  }

  async settle(existing: NodeCollection, newNodes: NodeCollection): Promise<void> {
    const fixed = existing.union(this.cy.nodes('.pinned'));
    await settleNewNodes(this.cy, fixed, { animate: this.hooks.animate && newNodes.length < 300 });
  }
}

function firstNeighbourIn(node: NodeSingular, ids: Set<string>): NodeSingular | undefined {
  const neighbour = node.neighborhood('node').filter((candidate) => ids.has(candidate.id()));
  return neighbour.empty() ? undefined : (neighbour[0] as NodeSingular);
}
