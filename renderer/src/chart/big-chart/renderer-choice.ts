// Which renderer draws the chart. Cytoscape's canvas renderer holds the detailed chart (labels, icons,
// dashes, groups); past BIG_CHART_ELEMENTS it takes tens of seconds and hundreds of MB for a first frame,
// where sigma.js (WebGL) draws 50,000 nodes in seconds even on a software rasteriser (measured side by side:
// see the README, "Big charts"). Cytoscape's own WebGL renderer is never chosen: on a software rasteriser it
// is slower than its canvas renderer, and where a GPU exists sigma is faster still.
import { BIG_CHART_ELEMENTS } from '../../../../shared-values/chart-style';
import type { WebglSupport } from './webgl-support';

export { BIG_CHART_ELEMENTS };

export type ChartRenderer = 'cytoscape-canvas' | 'sigma-webgl';

export interface RendererChoice {
  renderer: ChartRenderer;
  /** Why, for the notice: the size, the analyst's choice, or the lack of WebGL. */
  reason: 'size' | 'chosen' | 'no-webgl';
}

/**
 * `preferred` is the analyst's explicit switch, which wins whenever it can be honoured; without one the
 * size decides. Without WebGL everything stays on the canvas, with a notice.
 */
export function chooseRenderer(elements: number, webgl: WebglSupport, preferred?: ChartRenderer): RendererChoice {
  if (webgl.kind === 'none') return { renderer: 'cytoscape-canvas', reason: preferred === 'sigma-webgl' || elements > BIG_CHART_ELEMENTS ? 'no-webgl' : 'size' };
  if (preferred) return { renderer: preferred, reason: 'chosen' };
  return { renderer: elements > BIG_CHART_ELEMENTS ? 'sigma-webgl' : 'cytoscape-canvas', reason: 'size' };
}
