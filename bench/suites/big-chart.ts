// Big charts in headless Chromium (software WebGL, SwiftShader): the same 50,000-node / 100,000-link graph
// with the same preset positions drawn by Schakel's WebGL overview, by bare sigma.js 3 and by bare
// Cytoscape.js (canvas) in one run: elements in hand → first frame, JS heap held after GC, and the frame
// times while the mouse drags and wheels over the chart (pan and zoom).
import type { Page } from 'playwright-core';
import { launchChromium } from '../browser';
import { ensureChartPageBuilt } from '../chart-page-build';
import { randomGraph } from '../chart-graphs';
import type { BigChartSide, FrameTimes, RenderRun } from '../chart-page/protocol';
import { serveStatic } from '../static-server';
import { latencyRatio, type BenchmarkResult, type Figure } from '../report';
import { round, summarise } from '../stats';
import { callPage, heapAfterGc, openBenchPage, VIEWPORT } from './chart';
import type { SuiteContext } from './context';

const MB = 1024 * 1024;
const SIDES: BigChartSide[] = ['schakelOverview', 'bareSigma', 'bareCytoscape'];
const DESCRIPTIONS: Record<BigChartSide, string> = {
  schakelOverview: "Schakel's big-chart mode: BigChartView (sigma.js 3 on a graphology graph, Schakel's type colours, rings, selection and filter reducers)",
  bareSigma: 'bare sigma.js 3: new Sigma(graph, container) with default settings',
  bareCytoscape: 'bare Cytoscape.js canvas: cytoscape({ container, elements, layout: preset }) with the default style + fit',
};

interface SideFigures {
  firstFrame: number[];
  phases: RenderRun['phases'][];
  heapBytes?: number;
  frames: FrameTimes[];
}

/** Drags across the chart and wheels in and out, as an analyst surveys it; returns the frame times. */
async function panAndZoom(page: Page): Promise<FrameTimes> {
  const centre = { x: VIEWPORT.width / 2, y: VIEWPORT.height / 2 };
  await callPage(page, 'startFrameTimes');
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x - 300, centre.y - 160, { steps: 25 });
  await page.mouse.move(centre.x, centre.y, { steps: 25 });
  await page.mouse.up();
  for (const delta of [-240, -240, -240, 240, 240, 240]) {
    await page.mouse.wheel(0, delta);
    await page.waitForTimeout(120);
  }
  return callPage<FrameTimes>(page, 'stopFrameTimes');
}

export async function bigChartBenchmarks(ctx: SuiteContext): Promise<BenchmarkResult[]> {
  // Quick runs too: 50,000 nodes is the size this benchmark is about (one round instead of two).
  const nodes = 50_000;
  const repetitions = ctx.quick ? 1 : 2;
  const graph = randomGraph(nodes);
  const described = `random ${graph.nodes.length.toLocaleString('en')} nodes / ${graph.links.length.toLocaleString('en')} links`;
  ctx.log(`  big chart, ${described} (Schakel overview, bare sigma.js, bare Cytoscape canvas)…`);
  const server = await serveStatic(ensureChartPageBuilt());
  const browser = await launchChromium();
  const figures = Object.fromEntries(SIDES.map((side) => [side, { firstFrame: [], phases: [], frames: [] } as SideFigures])) as Record<BigChartSide, SideFigures>;
  let webgl = 'unknown';
  try {
    const { context, page, cdp } = await openBenchPage(browser, server.url);
    try {
      // (A string: this file is compiled without DOM types.)
      webgl = await page.evaluate<string>(`(() => {
        const gl = document.createElement('canvas').getContext('webgl2');
        const info = gl && gl.getExtension('WEBGL_debug_renderer_info');
        return gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'no WebGL';
      })()`);
      await callPage(page, 'load', graph);
      const emptyHeap = await heapAfterGc(cdp);
      for (let i = 0; i < repetitions; i++) {
        // A different side goes first each round, so none always runs on the freshest heap.
        const order = [...SIDES.slice(i % SIDES.length), ...SIDES.slice(0, i % SIDES.length)];
        for (const side of order) {
          const run = await callPage<RenderRun>(page, 'renderBig', side);
          figures[side].firstFrame.push(run.ms);
          figures[side].phases.push(run.phases);
          if (i === 0) figures[side].heapBytes = (await heapAfterGc(cdp)) - emptyHeap;
          figures[side].frames.push(await panAndZoom(page));
          await callPage(page, 'clear');
          await cdp.send('HeapProfiler.collectGarbage');
        }
      }
    } finally {
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }

  const parameters = { graph: 'random', nodes: graph.nodes.length, links: graph.links.length, viewport: VIEWPORT, positions: 'same preset scatter on every side', webgl };
  const firstFrame = (side: BigChartSide): Figure => ({
    description: DESCRIPTIONS[side],
    latency: summarise(figures[side].firstFrame),
    details: { phasesP50Ms: Object.fromEntries((['build', 'frame'] as const).map((key) => [key, summarise(figures[side].phases.map((p) => p[key])).p50])) },
  });
  const heap = (side: BigChartSide): Figure => ({ description: `JS heap held after GC (minus the empty page): ${DESCRIPTIONS[side]}`, value: round((figures[side].heapBytes ?? 0) / MB, 1) });
  const frames = (side: BigChartSide): Figure => {
    const runs = figures[side].frames;
    return {
      description: `mean frame time while dragging and wheel-zooming: ${DESCRIPTIONS[side]}`,
      value: round(runs.reduce((sum, r) => sum + r.meanMs, 0) / Math.max(1, runs.length), 1),
      details: { frames: runs.map((r) => r.frames), p95Ms: runs.map((r) => round(r.p95Ms, 1)), longestMs: runs.map((r) => round(r.longestMs, 1)) },
    };
  };
  const results: BenchmarkResult[] = [];
  for (const baselineSide of ['bareCytoscape', 'bareSigma'] as const) {
    const against = baselineSide === 'bareCytoscape' ? 'bare Cytoscape canvas' : 'bare sigma.js';
    const plan = { warmup: 0, repetitions };
    const schakelFirst = firstFrame('schakelOverview');
    const baseFirst = firstFrame(baselineSide);
    results.push({
      name: `big chart first frame: ${described}, vs ${against}`,
      group: 'big-chart',
      parameters,
      unit: 'ms',
      ...plan,
      schakel: schakelFirst,
      baseline: baseFirst,
      ratio: latencyRatio(schakelFirst, baseFirst),
      ratioMeaning: `Schakel's big-chart mode p50 / ${against} p50 (lower is better)`,
      ...(baselineSide === 'bareCytoscape' && nodes === 50_000 ? { aim: 'Schakel ≤ 10 s' } : {}),
    });
    const schakelHeap = heap('schakelOverview');
    const baseHeap = heap(baselineSide);
    results.push({
      name: `big chart JS heap: ${described}, vs ${against}`,
      group: 'big-chart',
      parameters,
      unit: 'MB',
      warmup: 0,
      repetitions: 1,
      schakel: schakelHeap,
      baseline: baseHeap,
      ratio: baseHeap.value ? round(schakelHeap.value! / baseHeap.value, 3) : undefined,
      ratioMeaning: `Schakel heap / ${against} heap`,
      ...(baselineSide === 'bareCytoscape' && nodes === 50_000 ? { aim: 'Schakel ≤ 150 MB' } : {}),
    });
    const schakelFrames = frames('schakelOverview');
    const baseFrames = frames(baselineSide);
    results.push({
      name: `big chart pan/zoom frame time: ${described}, vs ${against}`,
      group: 'big-chart',
      parameters,
      unit: 'ms',
      ...plan,
      schakel: schakelFrames,
      baseline: baseFrames,
      ratio: latencyRatio(schakelFrames, baseFrames),
      ratioMeaning: `Schakel mean frame time / ${against} mean frame time while panning and zooming (lower is better)`,
      notes: ['Frame times of the mouse-driven pan (50 moves) and six wheel steps; each renderer redraws on its own frame loop, so compare ratios, not absolute values.'],
    });
  }
  return results;
}
