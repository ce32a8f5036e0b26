// The type icons drawn inside chart nodes, as on screen: the same 24×24 line drawings as
// renderer/src/chart/icons.ts (chart-style.test.ts fails if the two drift apart), written straight into
// the SVG and turned into pdfkit calls for the PDF.
import type {} from 'pdfkit';
import type { EntityType } from '../contract/model';

export const ICON_GRID = 24;
export const ICON_STROKE_WIDTH = 2;
/** Share of the node's width the icon takes, as the screen's 'background-width: 56%'. */
export const ICON_SHARE = 0.56;

export const ENTITY_ICON_MARKUP: Record<EntityType, string> = {
  Person: '<circle cx="12" cy="8" r="4"/><path d="M4 21v-1a8 8 0 0 1 16 0v1"/>',
  Vehicle:
    '<path d="M5 17H3v-5l2.4-5h13.2l2.4 5v5h-2"/><path d="M9 17h6"/><path d="M3 12h18"/><circle cx="7" cy="17" r="2"/><circle cx="17" cy="17" r="2"/>',
  Phone: '<rect x="6.5" y="2" width="11" height="20" rx="2"/><path d="M10.5 18h3"/>',
  Gang: '<circle cx="9" cy="8" r="3"/><circle cx="17" cy="9" r="2.5"/><path d="M3 20v-1a6 6 0 0 1 12 0v1"/><path d="M15.5 14.2a5 5 0 0 1 5.5 4.8v1"/>',
  Location: '<path d="M12 22s7-6.2 7-12a7 7 0 0 0-14 0c0 5.8 7 12 7 12z"/><circle cx="12" cy="10" r="2.5"/>',
  Incident: '<path d="M12 3l10 18H2z"/><path d="M12 10v5"/><path d="M12 18h.01"/>',
  Case: '<path d="M3 6.5a1.5 1.5 0 0 1 1.5-1.5H9l2 2h8.5A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z"/>',
  Source: '<path d="M6 2h8l5 5v15H6z"/><path d="M14 2v5h5"/><path d="M9 13h7"/><path d="M9 17h7"/>',
};

export type IconPrimitive =
  | { kind: 'path'; d: string }
  | { kind: 'circle'; cx: number; cy: number; r: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; rx: number };

const primitivesCache = new Map<EntityType, IconPrimitive[]>();

/** The icon's elements as data (our own fixed markup above, not user input). */
export function iconPrimitives(type: EntityType): IconPrimitive[] {
  const cached = primitivesCache.get(type);
  if (cached) return cached;
  const primitives: IconPrimitive[] = [];
  for (const [, tag, attributeText] of ENTITY_ICON_MARKUP[type].matchAll(/<(\w+)([^>]*)\/>/g)) {
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
  const scale = size / ICON_GRID;
  doc.save();
  doc.translate(cx - size / 2, cy - size / 2).scale(scale);
  for (const primitive of iconPrimitives(type)) {
    if (primitive.kind === 'path') doc.path(primitive.d);
    else if (primitive.kind === 'circle') doc.circle(primitive.cx, primitive.cy, primitive.r);
    else doc.roundedRect(primitive.x, primitive.y, primitive.width, primitive.height, primitive.rx);
  }
  doc.lineWidth(ICON_STROKE_WIDTH).lineCap('round').lineJoin('round').strokeColor(colour).stroke();
  doc.restore();
}
