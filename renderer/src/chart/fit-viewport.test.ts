import { describe, expect, it } from 'vitest';
import { chartExtent, fitViewport } from './fit-viewport';
import { NODE_SIZE } from '../../../shared-values/chart-style';
import { LABEL_MAX_WIDTH } from './stylesheet';

const limits = { padding: 48, minZoom: 0.05, maxZoom: 4, maxZoomAfterFit: 1.6 };

describe('chartExtent', () => {
  it('is undefined for nothing', () => {
    expect(chartExtent([])).toBeUndefined();
  });

  it('holds each node body with its decorations and the label below it', () => {
    const extent = chartExtent([
      { x: 0, y: 0, label: 'Jan de Vries' },
      { x: 500, y: 300, label: 'Phone 0612345678' },
    ])!;
    // Bodies (34 px) plus halo, and the label hangs below the lower node.
    expect(extent.x1).toBeLessThanOrEqual(-NODE_SIZE / 2);
    expect(extent.y1).toBeLessThanOrEqual(-NODE_SIZE / 2);
    expect(extent.x2).toBeGreaterThanOrEqual(500 + NODE_SIZE / 2);
    expect(extent.y2).toBeGreaterThan(300 + NODE_SIZE / 2 + 10);
    // Never wider than the labels can be.
    expect(extent.x2 - 500).toBeLessThanOrEqual(LABEL_MAX_WIDTH / 2 + 2);
  });

  it('makes room for a label wider than its node, for bigger nodes and for loops', () => {
    const narrow = chartExtent([{ x: 0, y: 0, label: 'A' }])!;
    const wide = chartExtent([{ x: 0, y: 0, label: 'A rather long label for one entity' }])!;
    expect(wide.x2 - wide.x1).toBeGreaterThan(narrow.x2 - narrow.x1);
    expect(wide.x2 - wide.x1).toBeLessThanOrEqual(LABEL_MAX_WIDTH + 2);
    const big = chartExtent([{ x: 0, y: 0, size: 78 }])!;
    expect(big.y1).toBeLessThanOrEqual(-39);
    const looped = chartExtent([{ x: 0, y: 0, hasLoop: true }])!;
    const plain = chartExtent([{ x: 0, y: 0 }])!;
    expect(looped.x2).toBeGreaterThan(plain.x2);
  });

  it('holds group boxes with their padding and the group label above them', () => {
    const members = [
      { x: 0, y: 0, group: { id: 'g', label: 'Phones of Jan de Vries' } },
      { x: 100, y: 0, group: { id: 'g', label: 'Phones of Jan de Vries' } },
    ];
    const grouped = chartExtent(members)!;
    const loose = chartExtent(members.map(({ x, y }) => ({ x, y })))!;
    expect(grouped.y1).toBeLessThan(loose.y1 - 14);
    expect(grouped.x1).toBeLessThan(loose.x1);
    expect(grouped.x2).toBeGreaterThan(loose.x2);
  });
});

describe('fitViewport', () => {
  it('fits the extent inside the padding and centres it', () => {
    const extent = { x1: 0, y1: 0, x2: 2000, y2: 1000 };
    const viewport = fitViewport(extent, 1000, 800, limits)!;
    expect(viewport.zoom).toBeCloseTo((1000 - 96) / 2000, 6);
    // Model → screen: the extent's corners land inside the padded viewport, its centre in the middle.
    const screen = (x: number, y: number) => ({ x: x * viewport.zoom + viewport.pan.x, y: y * viewport.zoom + viewport.pan.y });
    expect(screen(0, 0).x).toBeCloseTo(48, 6);
    expect(screen(2000, 1000).x).toBeCloseTo(952, 6);
    expect(screen(1000, 500)).toEqual({ x: 500, y: 400 });
    expect(screen(0, 0).y).toBeGreaterThanOrEqual(48);
  });

  it('zooms in no further than the limit after a fit, centred', () => {
    const viewport = fitViewport({ x1: -20, y1: -20, x2: 20, y2: 20 }, 1000, 800, limits)!;
    expect(viewport.zoom).toBe(1.6);
    expect(viewport.pan).toEqual({ x: 500, y: 400 });
  });

  it('zooms out no further than the minimum zoom', () => {
    const viewport = fitViewport({ x1: 0, y1: 0, x2: 1e7, y2: 1e7 }, 1000, 800, limits)!;
    expect(viewport.zoom).toBe(0.05);
  });

  it('leaves the view alone when the chart has no size on screen', () => {
    expect(fitViewport({ x1: 0, y1: 0, x2: 10, y2: 10 }, 0, 800, limits)).toBeUndefined();
    expect(fitViewport({ x1: 0, y1: 0, x2: 10, y2: 10 }, Number.NaN, 800, limits)).toBeUndefined();
  });
});
