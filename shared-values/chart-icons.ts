// Type icons and country badges as inline SVG data URIs: they work under the renderer's CSP (img-src
// data:) and in an offline build, and stay sharp at any zoom. Line icons drawn for a 24×24 grid.
import type { Country, EntityType } from './model';

/** The icon drawings' grid (viewBox 0 0 24 24) and line width, shared by the screen and the exports. */
export const TYPE_ICON_GRID = 24;
export const TYPE_ICON_STROKE_WIDTH = 2;
/** Share of a chart node's width the icon takes (the stylesheet's background-width). */
export const TYPE_ICON_SHARE = 0.56;

/** Each type's icon as SVG elements on the 24×24 grid: the screen's data URIs and the SVG/PDF exports draw these. */
export const TYPE_ICON_MARKUP: Record<EntityType, string> = {
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

function svgDataUri(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** White line icon for drawing on the type's colour (chart nodes, result badges). */
export function typeIconUri(type: EntityType, stroke = '#ffffff'): string {
  return svgDataUri(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${TYPE_ICON_GRID} ${TYPE_ICON_GRID}" width="${TYPE_ICON_GRID}" height="${TYPE_ICON_GRID}" fill="none" stroke="${stroke}" stroke-width="${TYPE_ICON_STROKE_WIDTH}" stroke-linecap="round" stroke-linejoin="round">${TYPE_ICON_MARKUP[type]}</svg>`,
  );
}

/** The country badge's size in chart pixels, drawn on the node's top-right corner on screen and in exports. */
export const COUNTRY_BADGE_WIDTH = 15;
export const COUNTRY_BADGE_HEIGHT = 11;

/** A flag's stripes and its thin outline on the 15 × 11 badge: the screen's data URI and the exports draw these. */
export const COUNTRY_BADGE_STRIPES: Record<Country, { x: number; y: number; width: number; height: number; fill: string }[]> = {
  NL: [
    { x: 0, y: 0, width: 15, height: 3.67, fill: '#AE1C28' },
    { x: 0, y: 3.67, width: 15, height: 3.67, fill: '#FFFFFF' },
    { x: 0, y: 7.33, width: 15, height: 3.67, fill: '#21468B' },
  ],
  BE: [
    { x: 0, y: 0, width: 5, height: 11, fill: '#1A1A1A' },
    { x: 5, y: 0, width: 5, height: 11, fill: '#FDDA24' },
    { x: 10, y: 0, width: 5, height: 11, fill: '#EF3340' },
  ],
};
export const COUNTRY_BADGE_OUTLINE = { inset: 0.25, colour: '#4B5563', width: 0.5 } as const;

/** The badge as SVG elements on its 15 × 11 grid. */
export function countryBadgeMarkup(country: Country): string {
  const stripes = COUNTRY_BADGE_STRIPES[country]
    .map(({ x, y, width, height, fill }) => `<rect${x ? ` x="${x}"` : ''}${y ? ` y="${y}"` : ''} width="${width}" height="${height}" fill="${fill}"/>`)
    .join('');
  const { inset, colour, width } = COUNTRY_BADGE_OUTLINE;
  return `${stripes}<rect x="${inset}" y="${inset}" width="${COUNTRY_BADGE_WIDTH - 2 * inset}" height="${COUNTRY_BADGE_HEIGHT - 2 * inset}" fill="none" stroke="${colour}" stroke-width="${width}"/>`;
}

/** Small flag: recognisable without text or fonts, and by stripe direction even without colour vision. */
export function countryBadgeUri(country: Country): string {
  return svgDataUri(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${COUNTRY_BADGE_WIDTH} ${COUNTRY_BADGE_HEIGHT}" width="${COUNTRY_BADGE_WIDTH}" height="${COUNTRY_BADGE_HEIGHT}">${countryBadgeMarkup(country)}</svg>`,
  );
}
