// The type icons drawn inside chart nodes, as on screen: shared-values/chart-icons.ts holds the one set of
// 24×24 line drawings; here they are turned into pdfkit calls for the PDF (the SVG writes the markup as is).
import type {} from 'pdfkit';
import type { EntityType } from '../contract/model';
import { TYPE_ICON_GRID, TYPE_ICON_MARKUP, TYPE_ICON_STROKE_WIDTH } from '../shared-values/chart-icons';

export type IconPrimitive =
  | { kind: 'path'; d: string }
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; rx: number };

const primitivesCache = new Map<EntityType, IconPrimitive[]>();

/** The icon's elements as data (our own fixed markup, not user input). */
export function iconPrimitives(type: EntityType): IconPrimitive[] {
  const cached = primitivesCache.get(type);
  if (cached) return cached;
  const primitives: IconPrimitive[] = [];
  for (const [, tag, attributeText] of TYPE_ICON_MARKUP[type].matchAll(/<(\w+)([^>]*)\/>/g)) {
    const attributes = Object.fromEntries([...attributeText!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, name, value]) => [name, value]));
    const number = (name: string) => Number(attributes[name] ?? 0);
    if (tag === 'path') primitives.push({ kind: 'path', d: attributes.d ?? '' });
    else if (tag === 'circle') primitives.push({ kind: 'circle', cx: number('cx'), cy: number('cy'), r: number('r') });
    else if (tag === 'rect') primitives.push({ kind: 'rect', x: number('x'), y: number('y'), width: number('width'), height: number('height'), rx: number('rx') });
  }
  primitivesCache.set(type, primitives);
  return primitives;
}

/** Draws the icon centred on (cx, cy), `size` points wide, in white lines like the screen. */
export function drawPdfIcon(doc: PDFKit.PDFDocument, type: EntityType, cx: number, cy: number, size: number, colour = '#FFFFFF'): void {
  const scale = size / TYPE_ICON_GRID;
  doc.save();
  doc.translate(cx - size / 2, cy - size / 2).scale(scale);
  for (const primitive of iconPrimitives(type)) {
    if (primitive.kind === 'path') doc.path(primitive.d);
    else if (primitive.kind === 'circle') doc.circle(primitive.cx, primitive.cy, primitive.r);
    else doc.roundedRect(primitive.x, primitive.y, primitive.width, primitive.height, primitive.rx);
  }
  doc.lineWidth(TYPE_ICON_STROKE_WIDTH).lineCap('round').lineJoin('round').strokeColor(colour).stroke();
  doc.restore();
}
