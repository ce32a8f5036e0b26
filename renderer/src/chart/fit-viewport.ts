// "Fit" without asking Cytoscape for bounding boxes. `cy.fit(elements)` computes every element's style and
// bounding box, measuring every label's text, before the first frame; on a chart of thousands of entities
// that was most of the time to the first picture. The extent here comes from what the chart already knows:
// node positions, node sizes and the stylesheet's label geometry (an upper estimate of the label's width
// from its length, never a text measurement), so the fitted view keeps nodes and their labels inside the
// padding just as before.
import { NODE_SIZE } from '../../../shared-values/chart-style';
import { GROUP_LABEL_FONT_SIZE, GROUP_PADDING, LABEL_MAX_WIDTH, LABEL_MARGIN_Y, nodeFontSize } from './stylesheet';

export interface Extent {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** One drawn entity as far as the fit is concerned. */
export interface FitNode {
  x: number;
  y: number;
  /** Node diameter in model px (`data(size)` when sized by a centrality, else the stylesheet's size). */
  size?: number;
  label?: string;
  /** The entity has a link to itself: Cytoscape draws a loop beside it. */
  hasLoop?: boolean;
  /** The group box (compound node) it sits in, if any. */
  group?: { id: string; label?: string };
}

/** Halo, border and outline reach this far beyond a node's body (cross-border underlay padding 9). */
const NODE_DECORATION = 9;
/** A self-link's loop reaches about this far beyond the node (Cytoscape's control-point step size). */
const LOOP_REACH = 40;
/** Wider than the average glyph of the sans-serif label font: the estimate errs towards a looser fit. */
const CHAR_WIDTH_EM = 0.62;
const LINE_HEIGHT_EM = 1.3;
/** The plate behind a label (text-background-padding). */
const LABEL_PLATE = 1;

function labelWidth(label: string | undefined, fontSize: number): number {
  if (!label) return 0;
  return Math.min(LABEL_MAX_WIDTH, label.length * fontSize * CHAR_WIDTH_EM) + 2 * LABEL_PLATE;
}

function grow(extent: Extent | undefined, x1: number, y1: number, x2: number, y2: number): Extent {
  if (!extent) return { x1, y1, x2, y2 };
  if (x1 < extent.x1) extent.x1 = x1;
  if (y1 < extent.y1) extent.y1 = y1;
  if (x2 > extent.x2) extent.x2 = x2;
  if (y2 > extent.y2) extent.y2 = y2;
  return extent;
}

/**
 * The model-space box holding every given node with its decorations, loop and label (drawn below the node,
 * centred), and the boxes and labels of the groups they sit in. Undefined when there is nothing to hold.
 */
export function chartExtent(nodes: Iterable<FitNode>): Extent | undefined {
  let extent: Extent | undefined;
  const groups = new Map<string, { label?: string; box: Extent }>();
  for (const node of nodes) {
    const size = node.size ?? NODE_SIZE;
    const half = size / 2 + NODE_DECORATION + (node.hasLoop ? LOOP_REACH : 0);
    const fontSize = nodeFontSize(node.size);
    const labelHalf = labelWidth(node.label, fontSize) / 2;
    const below = node.label ? size / 2 + LABEL_MARGIN_Y + fontSize * LINE_HEIGHT_EM + 2 * LABEL_PLATE : 0;
    const x1 = node.x - Math.max(half, labelHalf);
    const x2 = node.x + Math.max(half, labelHalf);
    const y1 = node.y - half;
    const y2 = node.y + Math.max(half, below);
    extent = grow(extent, x1, y1, x2, y2);
    if (node.group) {
      const entry = groups.get(node.group.id);
      if (entry) grow(entry.box, x1, y1, x2, y2);
      else groups.set(node.group.id, { label: node.group.label, box: { x1, y1, x2, y2 } });
    }
  }
  for (const { label, box } of groups.values()) {
    // The group box pads its members; its bold label sits on top of the box, centred.
    const labelHalf = labelWidth(label, GROUP_LABEL_FONT_SIZE) / 2;
    const centre = (box.x1 + box.x2) / 2;
    const above = label ? GROUP_LABEL_FONT_SIZE * LINE_HEIGHT_EM + LABEL_MARGIN_Y : 0;
    extent = grow(
      extent,
      Math.min(box.x1 - GROUP_PADDING, centre - labelHalf),
      box.y1 - GROUP_PADDING - above,
      Math.max(box.x2 + GROUP_PADDING, centre + labelHalf),
      box.y2 + GROUP_PADDING,
    );
  }
  return extent;
}

export interface FitLimits {
  /** Screen px left free around the extent. */
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** Fitting never zooms in further than this (a chart of two entities is not blown up to fill the screen). */
  maxZoomAfterFit: number;
}

/**
 * Zoom and pan that show `extent` in a viewport of `width` × `height` screen px with `padding` around it,
 * centred, as Cytoscape's `fit` does, but never zoomed in beyond `maxZoomAfterFit`. Undefined when the
 * viewport has no size (a hidden container): the view is then left as it is.
 */
export function fitViewport(extent: Extent, width: number, height: number, limits: FitLimits): { zoom: number; pan: { x: number; y: number } } | undefined {
  if (!(width > 0 && height > 0)) return undefined;
  const w = Math.max(extent.x2 - extent.x1, 1e-6);
  const h = Math.max(extent.y2 - extent.y1, 1e-6);
  let zoom = Math.min((width - 2 * limits.padding) / w, (height - 2 * limits.padding) / h);
  zoom = Math.min(zoom, limits.maxZoomAfterFit, limits.maxZoom);
  zoom = Math.max(zoom, limits.minZoom);
  return { zoom, pan: { x: (width - zoom * (extent.x1 + extent.x2)) / 2, y: (height - zoom * (extent.y1 + extent.y2)) / 2 } };
}
