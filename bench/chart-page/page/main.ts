// The chart benchmark page: the same graph drawn by Schakel's chart pipeline (ChartController with its
// stylesheet, model and element conversion) and by bare Cytoscape.js (default style), each from elements in
// hand to the first frame drawn. Driven by bench/suites/chart.ts through `window.schakelBench`.
import cytoscape, { type Core, type ElementDefinition } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { ChartController } from '../../../renderer/src/chart/chart-controller';
import { AnalysisRunner } from '../../../renderer/src/analysis/worker/analysis-runner';
import { forceAtlas2Iterations, forceAtlas2Positions } from '../../../renderer/src/chart/forceatlas2-layout';
import { normalisedStress } from '../../../renderer/src/chart/layout-quality';
import { LARGE_LAYOUT_NODE_LIMIT } from '../../../renderer/src/chart/layout-algorithms';
import { seededRandom } from '../../../shared-values/seeded-random';
import type { BenchGraph, BenchPageApi, FrameTimes, LayoutRun, RenderRun } from '../protocol';
import { renderBig, watchFrameTimes } from './big-chart';

cytoscape.use(fcose);

type Position = { x: number; y: number };

let graph: BenchGraph = { nodes: [], links: [] };
let presetPositions = new Map<string, Position>();
let current: { destroy(): void } | null = null;
let frameWatch: { stop(): FrameTimes } | undefined;

/** The same spread for both sides: a deterministic scatter sized so nodes do not pile up. */
function scatter(ids: readonly string[]): Map<string, Position> {
  const side = Math.sqrt(ids.length) * 90;
  const next = seededRandom(12345);
  return new Map(ids.map((id) => [id, { x: next() * side, y: next() * side }]));
}

function layoutGraph(): { nodes: { id: string }[]; edges: { source: string; target: string }[] } {
  return { nodes: graph.nodes.map((node) => ({ id: node.id })), edges: graph.links.map((link) => ({ source: link.source, target: link.target })) };
}

function freshContainer(): HTMLElement {
  api.clear();
  const container = document.createElement('div');
  container.className = 'chart';
  document.getElementById('stage')!.append(container);
  return container;
}

function timing(cy: Core, started: number, built: number, fitted: number): RenderRun {
  const drawn = performance.now();
  return { ms: drawn - started, phases: { build: built - started, fit: fitted - built, frame: drawn - fitted }, zoom: cy.zoom() };
}

/** Tracks the longest pause between animation frames until stopped: a frozen page shows up as one long gap. */
function watchFrames(): { stop(): number } {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const tick = (now: number) => {
    longest = Math.max(longest, now - last);
    last = now;
    if (running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop() {
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Resolves after Cytoscape has drawn a frame and the browser has moved on to the next one. */
async function firstDrawnFrame(cy: Core): Promise<void> {
  await new Promise<void>((resolve) => cy.one('render', () => resolve()));
  await nextFrame();
}

function bareElements(positions?: Map<string, Position>): ElementDefinition[] {
  return [
    ...graph.nodes.map((node) => ({ group: 'nodes' as const, data: { id: node.id, label: node.label }, ...(positions ? { position: { ...positions.get(node.id)! } } : {}) })),
    ...graph.links.map((link) => ({ group: 'edges' as const, data: { id: link.id, source: link.source, target: link.target } })),
  ];
}

function mountSchakel(container: HTMLElement): ChartController {
  const controller = ChartController.mount(container, { animate: false });
  current = controller;
  return controller;
}

function mountBare(container: HTMLElement, elements: ElementDefinition[]): Core {
  const cy = cytoscape({ container, elements, layout: { name: 'preset' } });
  current = cy;
  return cy;
}

const api: BenchPageApi = {
  load(input) {
    graph = input;
    presetPositions = scatter(graph.nodes.map((node) => node.id));
    return { nodes: graph.nodes.length, links: graph.links.length };
  },

  async renderSchakel(): Promise<RenderRun> {
    const container = freshContainer();
    const started = performance.now();
    const controller = mountSchakel(container);
    controller.replaceContent(graph.nodes, graph.links, presetPositions);
    const built = performance.now();
    controller.fit();
    const fitted = performance.now();
    await firstDrawnFrame(controller.cy);
    return timing(controller.cy, started, built, fitted);
  },

  async renderBare(): Promise<RenderRun> {
    const container = freshContainer();
    const started = performance.now();
    const cy = mountBare(container, bareElements(presetPositions));
    const built = performance.now();
    cy.fit(undefined, 48);
    const fitted = performance.now();
    await firstDrawnFrame(cy);
    return timing(cy, started, built, fitted);
  },

  async renderBig(side): Promise<RenderRun> {
    const container = freshContainer();
    const drawn = await renderBig(side, graph, presetPositions, container);
    current = drawn;
    return drawn.run;
  },

  startFrameTimes() {
    frameWatch = watchFrameTimes();
  },

  stopFrameTimes(): FrameTimes {
    const times = frameWatch?.stop() ?? { frames: 0, meanMs: 0, p95Ms: 0, longestMs: 0 };
    frameWatch = undefined;
    return times;
  },

  clear() {
    current?.destroy();
    current = null;
    document.getElementById('stage')!.replaceChildren();
  },

  async layoutSchakel(): Promise<LayoutRun> {
    // The chart is open and drawn before the clock starts: the figure is the analyst's wait from choosing
    // "Layout: force" to the laid-out chart on screen (opening the chart is the render benchmark's subject).
    const container = freshContainer();
    const opening = performance.now();
    const controller = mountSchakel(container);
    controller.replaceContent(graph.nodes, graph.links, presetPositions);
    controller.fit();
    await firstDrawnFrame(controller.cy);
    const chartOpenMs = performance.now() - opening;
    // What the app does on "Layout: force": fcose on the page up to LARGE_LAYOUT_NODE_LIMIT nodes,
    // ForceAtlas2 (Barnes–Hut) in the analysis worker above it (use-chart-tools wires the same runner).
    const runner = new AnalysisRunner();
    controller.setForceAtlas2Runner((layoutGraph, onProgress) =>
      runner.run({ kind: 'forceatlas2', graph: layoutGraph, iterations: forceAtlas2Iterations(layoutGraph.nodes.length) }, { onProgress, preferWorker: true }),
    );
    const watch = watchFrames();
    const started = performance.now();
    await controller.runLayout('force');
    await firstDrawnFrame(controller.cy);
    const ms = performance.now() - started;
    const inWorker = runner.usesWorker;
    runner.dispose();
    const positions = Object.fromEntries(controller.cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    const forceAtlas2 = graph.nodes.length > LARGE_LAYOUT_NODE_LIMIT;
    return {
      ms,
      chartOpenMs,
      stress: normalisedStress(layoutGraph(), positions),
      longestFrameGapMs: watch.stop(),
      zoom: controller.cy.zoom(),
      engine: forceAtlas2 ? 'forceatlas2' : 'fcose',
      layout: forceAtlas2
        ? `ForceAtlas2 (graphology, Barnes–Hut θ = 1.2, community-seeded start, stops on convergence, at most ${forceAtlas2Iterations(graph.nodes.length)} iterations) ${inWorker ? 'in a Web Worker' : 'on the page (worker unavailable)'}, via ChartController.runLayout('force'), positions applied and the chart redrawn`
        : "fcose with Schakel's options on the page, via ChartController.runLayout('force'), the chart redrawn",
    };
  },

  async layoutBare(): Promise<LayoutRun> {
    const container = freshContainer();
    const opening = performance.now();
    const cy = mountBare(container, bareElements(presetPositions));
    cy.fit(undefined, 48);
    await firstDrawnFrame(cy);
    const chartOpenMs = performance.now() - opening;
    const watch = watchFrames();
    const started = performance.now();
    await new Promise<void>((resolve) => {
      const layout = cy.layout({ name: 'fcose', animate: false, randomize: true, fit: true } as cytoscape.LayoutOptions);
      layout.one('layoutstop', () => resolve());
      layout.run();
    });
    await firstDrawnFrame(cy);
    const ms = performance.now() - started;
    const positions = Object.fromEntries(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
    return { ms, chartOpenMs, longestFrameGapMs: watch.stop(), zoom: cy.zoom(), stress: normalisedStress(layoutGraph(), positions), layout: 'cytoscape-fcose defaults (quality default, randomize, no animation) on the page, the chart redrawn' };
  },

  async layoutGraphology(variant): Promise<LayoutRun> {
    api.clear();
    const watch = watchFrames();
    const input = layoutGraph();
    const iterations = forceAtlas2Iterations(input.nodes.length);
    const started = performance.now();
    // On the page, not in a worker: the time is the algorithm's alone (no chart, no transfer).
    const positions = forceAtlas2Positions(input, { iterations, variant });
    const ms = performance.now() - started;
    const described = {
      graphologyDefaults: `bare graphology ForceAtlas2, default settings, ${iterations} iterations, spiral start, on the page`,
      previous: `graphology ForceAtlas2 with Schakel's previous settings (θ = 0.5, ${iterations} iterations), on the page`,
      tuned: `Schakel's tuned ForceAtlas2 (θ = 1.2, community-seeded start, stops on convergence, at most ${iterations} iterations) alone, on the page: the computation the analysis worker runs, without the detailed chart, which does not draw charts this big`,
    }[variant];
    return { ms, longestFrameGapMs: watch.stop(), zoom: 1, stress: normalisedStress(input, positions), layout: described, engine: 'forceatlas2' };
  },
};

(window as unknown as { schakelBench: BenchPageApi }).schakelBench = api;
document.title = 'Schakel chart benchmark (ready)';
