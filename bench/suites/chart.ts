// Chart rendering and layout in headless Chromium (bench/chart-page): Schakel's chart pipeline against bare
// Cytoscape.js on the same elements. Render: the same preset positions on both sides, elements in hand →
// first frame drawn. Layout: Schakel's "Layout: force" on the open chart, from asking for it to the laid-out
// chart drawn (ForceAtlas2 in the analysis worker above 800 nodes), against bare Cytoscape + fcose, or bare
// graphology ForceAtlas2 where Schakel runs ForceAtlas2; each run capped, a run that hits the cap is recorded
// as not finished. The longest pause between frames during each layout shows whether the page stayed responsive.
import type { Driver } from 'neo4j-driver';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { launchChromium } from '../browser';
import type { BenchDatabase } from '../bench-database';
import { ensureChartPageBuilt } from '../chart-page-build';
import { clusteredGraph, randomGraph } from '../chart-graphs';
import { BIG_CHART_ELEMENTS } from '../../shared-values/chart-style';
import type { BenchGraph, BenchPageApi, LayoutRun, RenderRun } from '../chart-page/protocol';
import { serveStatic } from '../static-server';
import { latencyRatio, type BenchmarkResult, type Figure } from '../report';
import { round, summarise } from '../stats';
import type { SuiteContext } from './context';

export const VIEWPORT = { width: 1440, height: 860 };
const MB = 1024 * 1024;

interface OpenPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
}

export async function openBenchPage(browser: Browser, url: string): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForFunction('document.title.includes("(ready)")', undefined, { timeout: 30_000 }).catch(() => {
    throw new Error(`The chart benchmark page did not load${errors.length ? `: ${errors.join('; ')}` : ''}.`);
  });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp };
}

export function callPage<T>(page: Page, method: keyof BenchPageApi, arg?: unknown): Promise<T> {
  return page.evaluate(
    ([name, value]) => (globalThis as unknown as { schakelBench: Record<string, (x?: unknown) => unknown> }).schakelBench[name as string](value),
    [method, arg] as const,
  ) as Promise<T>;
}

export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return usage.usedSize;
}

type GraphKind = 'random' | 'clustered';

/** Where the time went (build / fit / first frame), p50 per phase: explains an overhead ratio. */
function phaseMedians(runs: RenderRun['phases'][]): Record<string, number> {
  const keys = ['build', 'fit', 'frame'] as const;
  return Object.fromEntries(keys.map((key) => [key, summarise(runs.map((run) => run[key])).p50]));
}

async function graphFor(kind: GraphKind, size: number, driver: Driver | undefined): Promise<BenchGraph | undefined> {
  if (kind === 'random') return randomGraph(size);
  return driver ? clusteredGraph(driver, size) : undefined;
}

function describeGraph(kind: GraphKind, graph: BenchGraph): string {
  return `${kind} ${graph.nodes.length.toLocaleString('en')} nodes / ${graph.links.length.toLocaleString('en')} links`;
}

export async function chartRenderBenchmarks(ctx: SuiteContext, db: BenchDatabase | undefined): Promise<BenchmarkResult[]> {
  const sizes = ctx.quick ? [1_000] : [1_000, 5_000, 10_000];
  // Nine pairs at every size: on this class of machine one draw of a big chart moves by ±10 % from the
  // next, so with five pairs the median alone still put a size's ratio on either side of its aim from one
  // run to the next.
  const plan = ctx.quick ? { warmup: 1, repetitions: 3 } : { warmup: 1, repetitions: 9 };
  const server = await serveStatic(ensureChartPageBuilt());
  const browser = await launchChromium();
  const results: BenchmarkResult[] = [];
  try {
    for (const kind of ['random', 'clustered'] as const) {
      for (const size of sizes) {
        const graph = await graphFor(kind, size, db?.driver);
        if (!graph) {
          results.push({ name: `chart render: ${kind} ${size}`, group: 'chart', parameters: { size }, unit: 'ms', ...plan, skipped: 'no database for the clustered demo network' });
          continue;
        }
        ctx.log(`  chart render, ${describeGraph(kind, graph)}…`);
        const { context, page, cdp } = await openBenchPage(browser, server.url);
        try {
          await callPage(page, 'load', graph);
          const emptyHeap = await heapAfterGc(cdp);
          const samples = { schakel: [] as number[], baseline: [] as number[] };
          const phases = { schakel: [] as RenderRun['phases'][], baseline: [] as RenderRun['phases'][] };
          const heap = { schakel: 0, baseline: 0 };
          const fittedZoom = { schakel: 0, baseline: 0 };
          for (let i = 0; i < plan.warmup + plan.repetitions; i++) {
            // Alternate who goes first so neither side always runs on a warmer JIT or a fresher heap.
            const order = i % 2 === 0 ? (['schakel', 'baseline'] as const) : (['baseline', 'schakel'] as const);
            for (const side of order) {
              const run = await callPage<RenderRun>(page, side === 'schakel' ? 'renderSchakel' : 'renderBare');
              if (i >= plan.warmup) {
                samples[side].push(run.ms);
                phases[side].push(run.phases);
                fittedZoom[side] = run.zoom;
              }
              if (i === plan.warmup) heap[side] = (await heapAfterGc(cdp)) - emptyHeap;
              await callPage(page, 'clear');
              await cdp.send('HeapProfiler.collectGarbage');
            }
          }
          const schakel: Figure = {
            description:
              'ChartController.mount + replaceContent (model, element conversion, Schakel stylesheet: type shapes, colours and country borders; labels, icons and arrowheads only from zoom 0.5 on) + fit (extent from positions, node sizes and label lengths)',
            latency: summarise(samples.schakel),
            details: { jsHeapMB: round(heap.schakel / MB, 1), phasesP50Ms: phaseMedians(phases.schakel), fittedZoom: round(fittedZoom.schakel, 3) },
          };
          const baseline: Figure = {
            description: 'cytoscape({ container, elements, layout: preset }) with the default style + fit',
            latency: summarise(samples.baseline),
            details: { jsHeapMB: round(heap.baseline / MB, 1), phasesP50Ms: phaseMedians(phases.baseline), fittedZoom: round(fittedZoom.baseline, 3) },
          };
          const parameters = { graph: kind, nodes: graph.nodes.length, links: graph.links.length, viewport: VIEWPORT, positions: 'same preset scatter on both sides' };
          results.push({
            name: `chart render: ${describeGraph(kind, graph)}`,
            group: 'chart',
            parameters,
            unit: 'ms',
            ...plan,
            schakel,
            baseline,
            ratio: latencyRatio(schakel, baseline),
            ratioMeaning: 'Schakel p50 / bare Cytoscape p50 (overhead; lower is better)',
            aim: '≤ 1.2',
          });
          results.push({
            name: `chart JS heap: ${describeGraph(kind, graph)}`,
            group: 'chart',
            parameters,
            unit: 'MB',
            warmup: plan.warmup,
            repetitions: 1,
            schakel: { description: 'JS heap held by the Schakel chart after GC (minus the empty page)', value: round(heap.schakel / MB, 1) },
            baseline: { description: 'JS heap held by bare Cytoscape after GC (minus the empty page)', value: round(heap.baseline / MB, 1) },
            ratio: heap.baseline > 0 ? round(heap.schakel / heap.baseline, 3) : undefined,
            ratioMeaning: 'Schakel heap / bare Cytoscape heap',
          });
        } finally {
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return results;
}

/** One layout run in a fresh page, abandoned (page closed) when it exceeds `capMs`. */
async function timedLayout(
  browser: Browser,
  url: string,
  graph: BenchGraph,
  side: 'layoutSchakel' | 'layoutBare' | 'layoutGraphology',
  capMs: number,
  ...args: unknown[]
): Promise<LayoutRun | { didNotFinish: string }> {
  const { context, page } = await openBenchPage(browser, url);
  let timer: NodeJS.Timeout | undefined;
  try {
    await callPage(page, 'load', graph);
    const cap = new Promise<{ didNotFinish: string }>((resolve) => {
      timer = setTimeout(() => resolve({ didNotFinish: `did not finish within ${Math.round(capMs / 1000)} s` }), capMs);
    });
    const run = callPage<LayoutRun>(page, side, ...args).catch((error: Error) => ({ didNotFinish: `failed: ${error.message.split('\n')[0]}` }));
    return await Promise.race([run, cap]);
  } finally {
    clearTimeout(timer);
    // A layout still running blocks the page's main thread; closing the context ends its renderer process.
    await Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 15_000))]);
  }
}

export async function layoutBenchmarks(ctx: SuiteContext): Promise<BenchmarkResult[]> {
  const sizes = ctx.quick ? [300] : [1_000, 5_000, 10_000, 50_000];
  const capMs = ctx.quick ? 60_000 : 300_000;
  const server = await serveStatic(ensureChartPageBuilt());
  let browser = await launchChromium();
  const results: BenchmarkResult[] = [];
  try {
    for (const size of sizes) {
      const graph = randomGraph(size);
      ctx.log(`  layout, ${describeGraph('random', graph)} (cap ${capMs / 1000} s per run)…`);
      // Past the big-chart threshold the chart opens in the WebGL overview, not the detailed (Cytoscape) chart:
      // there the layout is measured as the computation alone.
      const beyondDetailedChart = size + graph.links.length > BIG_CHART_ELEMENTS;
      const runs: Record<'schakel' | 'baseline', LayoutRun | { didNotFinish: string }> = {
        schakel: beyondDetailedChart
          ? await timedLayout(browser, server.url, graph, 'layoutGraphology', capMs, 'tuned')
          : await timedLayout(browser, server.url, graph, 'layoutSchakel', capMs),
        baseline: { didNotFinish: 'not run' },
      };
      // Above the large-layout limit Schakel runs ForceAtlas2, so its baseline is bare graphology ForceAtlas2 on the
      // same graph; the settings used before tuning run too, for the speed-up and the quality kept.
      const forceAtlas2 = !('didNotFinish' in runs.schakel) && runs.schakel.engine === 'forceatlas2';
      runs.baseline = forceAtlas2
        ? await timedLayout(browser, server.url, graph, 'layoutGraphology', capMs, 'graphologyDefaults')
        : await timedLayout(browser, server.url, graph, 'layoutBare', capMs);
      const previous = forceAtlas2 ? await timedLayout(browser, server.url, graph, 'layoutGraphology', capMs, 'previous') : undefined;
      if ('didNotFinish' in runs.baseline || 'didNotFinish' in runs.schakel || (previous && 'didNotFinish' in previous)) {
        // A page killed mid-layout can leave the browser unhealthy; start the next size on a fresh one.
        await browser.close().catch(() => undefined);
        browser = await launchChromium();
      }
      const figure = (run: LayoutRun | { didNotFinish: string }, description: string): Figure =>
        'didNotFinish' in run
          ? { description, didNotFinish: run.didNotFinish }
          : {
              description: `${description}: ${run.layout}`,
              value: round(run.ms / 1000, 2),
              details: { chartOpenedBeforeMs: run.chartOpenMs === undefined ? undefined : Math.round(run.chartOpenMs), longestFrameGapMs: Math.round(run.longestFrameGapMs), fittedZoom: round(run.zoom, 3), normalisedStress: run.stress === undefined ? undefined : round(run.stress, 4) },
            };
      const schakel = figure(runs.schakel, beyondDetailedChart ? "Schakel's force layout for this size (the computation alone)" : "Schakel's force layout for this size on the open chart, from asking for it to the laid-out chart drawn");
      const baseline = figure(runs.baseline, forceAtlas2 ? 'bare graphology ForceAtlas2 (the computation alone)' : 'bare Cytoscape.js + fcose on the open chart, from starting it to the chart redrawn');
      const ratio = latencyRatio(schakel, baseline);
      const notes: string[] = [];
      let ratioAtMost: number | undefined;
      if (ratio === undefined && schakel.value !== undefined && baseline.didNotFinish) {
        ratioAtMost = round(schakel.value / (capMs / 1000), 3);
        notes.push(`The baseline ${baseline.didNotFinish}; the ratio is at most ${ratioAtMost} (Schakel's time / the cap).`);
      }
      const quality = (run: LayoutRun | { didNotFinish: string } | undefined) => (run && !('didNotFinish' in run) ? run.stress : undefined);
      const stressNow = quality(runs.schakel);
      const stressBefore = quality(previous);
      if (previous && !('didNotFinish' in previous) && !('didNotFinish' in runs.schakel)) {
        notes.push(
          `Before tuning (${previous.layout}): ${round(previous.ms / 1000, 2)} s, normalised stress ${round(previous.stress ?? NaN, 4)}; ` +
            `tuned / before: time ×${round(runs.schakel.ms / previous.ms, 3)}, stress ×${stressNow !== undefined && stressBefore ? round(stressNow / stressBefore, 3) : 'n/a'} (stress: lower is better).`,
        );
      } else if (previous && 'didNotFinish' in previous) notes.push(`Before-tuning settings: ${previous.didNotFinish}.`);
      results.push({
        name: `layout: random ${size.toLocaleString('en')} nodes / ${graph.links.length.toLocaleString('en')} links`,
        group: 'layout',
        parameters: { nodes: size, links: graph.links.length, capSeconds: capMs / 1000, viewport: VIEWPORT },
        unit: 's',
        warmup: 0,
        repetitions: 1,
        schakel,
        baseline,
        ratio,
        ratioAtMost,
        ratioMeaning: forceAtlas2 ? 'Schakel seconds / bare graphology ForceAtlas2 seconds (lower is better)' : 'Schakel seconds / bare fcose seconds (lower is better)',
        aim: forceAtlas2 ? (size === 5_000 ? '≤ 4 s, stress within 5 % of before tuning' : size === 10_000 ? '≤ 8 s, stress within 5 % of before tuning' : undefined) : undefined,
        notes,
      });
    }
  } finally {
    await browser.close().catch(() => undefined);
    await server.close();
  }
  return results;
}
