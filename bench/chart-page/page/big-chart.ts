// The big-chart side of the benchmark page: one graph drawn by Schakel's WebGL overview (BigChartView:
// sigma.js with Schakel's colours, rings, reducers and selection), by bare sigma.js 3 (default settings) and
// by bare Cytoscape.js (canvas, default style), each from elements in hand to the first frame, plus the frame
// times while the Node side drags and wheels over the chart.
import cytoscape from 'cytoscape';
import Graph from 'graphology';
import Sigma from 'sigma';
import { BigChartView } from '../../../renderer/src/chart/big-chart/big-chart-view';
import type { BenchGraph, BigChartSide, FrameTimes, RenderRun } from '../protocol';

type Position = { x: number; y: number };

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Two animation frames after the drawing call: the first frame has been drawn and presented. */
async function presented(): Promise<void> {
  await nextFrame();
  await nextFrame();
}

export async function renderBig(side: BigChartSide, graph: BenchGraph, positions: Map<string, Position>, container: HTMLElement): Promise<{ run: RenderRun; destroy(): void }> {
  const started = performance.now();
  if (side === 'schakelOverview') {
    const view = new BigChartView(container);
    view.load(graph.nodes, graph.links, positions);
    const built = performance.now();
    await presented();
    return { run: timing(started, built, built), destroy: () => view.destroy() };
  }
  if (side === 'bareSigma') {
    const sigmaGraph = new Graph({ multi: true });
    for (const node of graph.nodes) sigmaGraph.addNode(node.id, { ...positions.get(node.id)!, size: 3, label: node.label });
    for (const link of graph.links) sigmaGraph.addEdgeWithKey(link.id, link.source, link.target);
    const sigma = new Sigma(sigmaGraph, container);
    const built = performance.now();
    await presented();
    return { run: timing(started, built, built), destroy: () => sigma.kill() };
  }
  const cy = cytoscape({
    container,
    elements: [
      ...graph.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: node.label }, position: { ...positions.get(node.id)! } })),
      ...graph.links.map((link) => ({ group: 'edges' as const, data: { id: link.id, source: link.source, target: link.target } })),
    ],
    layout: { name: 'preset' },
  });
  const built = performance.now();
  cy.fit(undefined, 48);
  const fitted = performance.now();
  await new Promise<void>((resolve) => cy.one('render', () => resolve()));
  await nextFrame();
  return { run: { ...timing(started, built, fitted), zoom: cy.zoom() }, destroy: () => cy.destroy() };
}

function timing(started: number, built: number, fitted: number): RenderRun {
  const drawn = performance.now();
  return { ms: drawn - started, phases: { build: built - started, fit: fitted - built, frame: drawn - fitted }, zoom: 1 };
}

/** Gaps between animation frames while the Node side pans and zooms: how long each frame took to come. */
export function watchFrameTimes(): { stop(): FrameTimes } {
  const gaps: number[] = [];
  let last = performance.now();
  let running = true;
  const started = last;
  const tick = (now: number) => {
    gaps.push(now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      const sorted = [...gaps].sort((a, b) => a - b);
      const elapsed = performance.now() - started;
      return {
        frames: gaps.length,
        meanMs: gaps.length ? elapsed / gaps.length : elapsed,
        p95Ms: sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] ?? elapsed,
        longestMs: sorted[sorted.length - 1] ?? elapsed,
      };
    },
  };
}
