// What the Node side and the benchmark page exchange. Types only: this file is compiled for both.
import type { EntitySummary, LinkSummary } from '../../contract/model';

export interface BenchGraph {
  nodes: EntitySummary[];
  links: LinkSummary[];
}

export interface RenderRun {
  /** Elements in hand → first frame drawn after the layout (ms). */
  ms: number;
  /** Where the time went: building the chart, fitting, waiting for the first frame (ms). */
  phases: { build: number; fit: number; frame: number };
  /** Zoom after the fit: below the chart's DETAIL_ZOOM the first frame is an overview (no labels, icons, arrowheads). */
  zoom: number;
}

export interface LayoutRun {
  /** From asking for the layout on the open chart to the laid-out chart drawn (ms). */
  ms: number;
  /** Opening and drawing the chart before the layout, not part of `ms` (ms; absent when no chart is drawn). */
  chartOpenMs?: number;
  /** Which layout ran, in words (algorithm and where). */
  layout: string;
  /** Longest gap between two animation frames on the page while the layout ran: how long the UI froze. */
  longestFrameGapMs: number;
  /** Zoom after the layout's fit. */
  zoom: number;
  /** Normalised stress of the result (renderer/src/chart/layout-quality.ts; 0 is perfect, lower is better). */
  stress?: number;
  /** Which algorithm Schakel's "Layout: force" chose for this size. */
  engine?: 'forceatlas2' | 'fcose';
}

/** Who draws a big chart: Schakel's WebGL overview, bare sigma.js 3, or bare Cytoscape.js (canvas). */
export type BigChartSide = 'schakelOverview' | 'bareSigma' | 'bareCytoscape';

/** Animation frames while the chart was panned and zoomed by mouse. */
export interface FrameTimes {
  frames: number;
  /** Elapsed time over frames: the average time a frame took to come. */
  meanMs: number;
  p95Ms: number;
  longestMs: number;
}

/** Exposed on the page as `window.schakelBench`. */
export interface BenchPageApi {
  /** Stores the graph on the page (and deterministic preset positions for the render benchmark). */
  load(graph: BenchGraph): { nodes: number; links: number };
  renderSchakel(): Promise<RenderRun>;
  renderBare(): Promise<RenderRun>;
  /** Removes the last chart (so the next measurement starts from an empty page). */
  clear(): void;
  layoutSchakel(): Promise<LayoutRun>;
  layoutBare(): Promise<LayoutRun>;
  /**
   * Graphology ForceAtlas2 alone (no chart): bare defaults, the settings Schakel used before tuning, or
   * Schakel's tuned run (what the analysis worker computes, for charts too big for the detailed chart).
   */
  layoutGraphology(variant: 'graphologyDefaults' | 'previous' | 'tuned'): Promise<LayoutRun>;
  /** Draws the loaded graph (preset positions) with one big-chart side, elements in hand → first frame. */
  renderBig(side: BigChartSide): Promise<RenderRun>;
  /** Starts / stops recording frame times (the Node side drags and wheels in between). */
  startFrameTimes(): void;
  stopFrameTimes(): FrameTimes;
}
