// The outline of each chart node shape exactly as Cytoscape.js draws it (its unit polygons stretched to the
// node's box, corners rounded by a tangent arc of Cytoscape's 'auto' corner radius), as SVG path data. The
// SVG and PDF exports draw these paths, so a Phone's hexagon or a Vehicle's rounded box is the same figure
// on paper as on screen; the link ends use the same outline to stop where the screen stops them.
import type { ShapeName } from './chart-style';

type UnitPoints = readonly number[];

/** Cytoscape's generateUnitNgonPoints: a regular polygon on the unit circle, a flat top for even sides. */
function unitPolygon(sides: number): number[] {
  const increment = (2 * Math.PI) / sides;
  const start = sides % 2 === 0 ? Math.PI / 2 + increment / 2 : Math.PI / 2;
  return Array.from({ length: sides }, (_, index) => [Math.cos(start + index * increment), Math.sin(-(start + index * increment))]).flat();
}

/** Cytoscape's fitPolygonToSquare: stretched to fill the box from -1 to 1 on both axes, top at -1. */
function fitToSquare(points: number[]): number[] {
  const xs = points.filter((_, index) => index % 2 === 0);
  const ys = points.filter((_, index) => index % 2 === 1);
  const sx = 2 / (Math.max(...xs) - Math.min(...xs));
  const sy = 2 / (Math.max(...ys) - Math.min(...ys));
  const scaled = points.map((value, index) => value * (index % 2 === 0 ? sx : sy));
  const minY = Math.min(...scaled.filter((_, index) => index % 2 === 1));
  return minY < -1 ? scaled.map((value, index) => (index % 2 === 1 ? value + (-1 - minY) : value)) : scaled;
}

/** The polygon shapes' corners on a box from -1 to 1 (y down), as Cytoscape registers them. */
const UNIT_POINTS: Record<Exclude<ShapeName, 'ellipse'>, UnitPoints> = {
  'round-rectangle': [-1, -1, 1, -1, 1, 1, -1, 1],
  'round-hexagon': fitToSquare(unitPolygon(6)),
  'round-octagon': fitToSquare(unitPolygon(8)),
  'round-pentagon': fitToSquare(unitPolygon(5)),
  'round-diamond': [0, 1, 1, 0, 0, -1, -1, 0],
  'round-tag': [-1, -1, 0.25, -1, 1, 0, 0.25, 1, -1, 1],
};

/** Cytoscape's 'auto' corner radius: rectangles min(w/4, h/4, 8), round polygons min(w/10, h/10, 8). */
function cornerRadius(shape: Exclude<ShapeName, 'ellipse'>, size: number): number {
  return shape === 'round-rectangle' ? Math.min(size / 4, 8) : Math.min(size / 10, 8);
}

const round = (value: number) => String(Math.round(value * 1000) / 1000);

/** The corners of `shape` for a node of `size` centred on (cx, cy); undefined for the ellipse. */
export function shapeCorners(shape: ShapeName, cx: number, cy: number, size: number): [number, number][] | undefined {
  if (shape === 'ellipse') return undefined;
  const unit = UNIT_POINTS[shape];
  const corners: [number, number][] = [];
  for (let index = 0; index < unit.length; index += 2) corners.push([cx + (size / 2) * unit[index]!, cy + (size / 2) * unit[index + 1]!]);
  return corners;
}

/** SVG path data of the node's outline (absolute commands M, L, A, Z; PDFKit's path() reads the same). */
export function nodeOutlinePath(shape: ShapeName, cx: number, cy: number, size: number): string {
  const corners = shapeCorners(shape, cx, cy, size);
  if (!corners) {
    const r = size / 2;
    return `M${round(cx - r)} ${round(cy)}A${round(r)} ${round(r)} 0 1 0 ${round(cx + r)} ${round(cy)}A${round(r)} ${round(r)} 0 1 0 ${round(cx - r)} ${round(cy)}Z`;
  }
  const radius = cornerRadius(shape as Exclude<ShapeName, 'ellipse'>, size);
  const commands: string[] = [];
  corners.forEach((corner, index) => {
    const previous = corners[(index + corners.length - 1) % corners.length]!;
    const next = corners[(index + 1) % corners.length]!;
    const arc = tangentArc(previous, corner, next, radius);
    commands.push(`${index === 0 ? 'M' : 'L'}${round(arc.start[0])} ${round(arc.start[1])}`);
    if (arc.radius > 0) commands.push(`A${round(arc.radius)} ${round(arc.radius)} 0 0 ${arc.clockwise ? 1 : 0} ${round(arc.end[0])} ${round(arc.end[1])}`);
  });
  return `${commands.join('')}Z`;
}

/** The arc of `radius` touching both sides of a corner (Cytoscape's getRoundCorner), shortened where the sides are short. */
function tangentArc(previous: [number, number], corner: [number, number], next: [number, number], radius: number): { start: [number, number]; end: [number, number]; radius: number; clockwise: boolean } {
  const toPrevious = unit(previous[0] - corner[0], previous[1] - corner[1]);
  const toNext = unit(next[0] - corner[0], next[1] - corner[1]);
  const halfAngle = Math.acos(Math.max(-1, Math.min(1, toPrevious.x * toNext.x + toPrevious.y * toNext.y))) / 2;
  const limit = Math.min(toPrevious.length, toNext.length) / 2;
  let along = radius / Math.tan(halfAngle);
  let arcRadius = radius;
  if (along > limit) {
    along = limit;
    arcRadius = along * Math.tan(halfAngle);
  }
  const incomingX = -toPrevious.x;
  const incomingY = -toPrevious.y;
  return {
    start: [corner[0] + toPrevious.x * along, corner[1] + toPrevious.y * along],
    end: [corner[0] + toNext.x * along, corner[1] + toNext.y * along],
    radius: arcRadius,
    clockwise: incomingX * toNext.y - incomingY * toNext.x > 0,
  };
}

function unit(x: number, y: number): { x: number; y: number; length: number } {
  const length = Math.hypot(x, y) || 1;
  return { x: x / length, y: y / length, length };
}

/**
 * How far from the centre, along the unit direction (ux, uy), the outline of a node of `size` lies: where
 * Cytoscape ends a straight link at that node (the outline grown by half the border, as Cytoscape's outer
 * width does).
 */
export function outlineDistance(shape: ShapeName, ux: number, uy: number, size: number): number {
  const corners = shapeCorners(shape, 0, 0, size);
  if (!corners) return size / 2;
  let nearest = Infinity;
  corners.forEach((a, index) => {
    const b = corners[(index + 1) % corners.length]!;
    // The ray t·u meets the side a + s·(b − a) for 0 ≤ s ≤ 1 and t > 0.
    const ex = b[0] - a[0];
    const ey = b[1] - a[1];
    const denominator = ux * ey - uy * ex;
    if (Math.abs(denominator) < 1e-12) return;
    const t = (a[0] * ey - a[1] * ex) / denominator;
    const s = (a[0] * uy - a[1] * ux) / denominator;
    if (t > 0 && s >= -1e-9 && s <= 1 + 1e-9) nearest = Math.min(nearest, t);
  });
  return Number.isFinite(nearest) ? nearest : size / 2;
}
