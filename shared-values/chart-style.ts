// The one chart style: how an entity type, a country, a link type, a hypothesis and a colouring look, on
// screen (renderer/src/chart/stylesheet.ts) and in every export (export/chart-scene.ts, export/anx.ts), so
// a court exhibit shows what the analyst saw. Shapes differ as well as colours so types stay apart in
// print and for colour-blind users.
import type { Country, EntityType, RelationshipType } from './model';

/** Cytoscape node shapes the chart uses; the exporters draw the same ones as polygons. */
export type ShapeName = 'ellipse' | 'round-rectangle' | 'round-hexagon' | 'round-octagon' | 'round-pentagon' | 'round-diamond' | 'round-tag';

export interface EntityTypeStyle {
  colour: string;
  shape: ShapeName;
  /** Display name in English for lists and the legend. */
  name: string;
}

export const ENTITY_TYPE_STYLES: Record<EntityType, EntityTypeStyle> = {
  Person: { colour: '#2F6DB5', shape: 'ellipse', name: 'Person' },
  Vehicle: { colour: '#13847A', shape: 'round-rectangle', name: 'Vehicle' },
  Phone: { colour: '#7A4BB0', shape: 'round-hexagon', name: 'Phone' },
  Gang: { colour: '#A8322D', shape: 'round-octagon', name: 'Gang' },
  Location: { colour: '#5B7F1F', shape: 'round-pentagon', name: 'Location' },
  Incident: { colour: '#C26A00', shape: 'round-diamond', name: 'Incident' },
  Case: { colour: '#475569', shape: 'round-rectangle', name: 'Case' },
  Source: { colour: '#7C8794', shape: 'round-tag', name: 'Source' },
};

/** An entity's width and height in chart pixels, on screen and in every export. */
export const NODE_SIZE = 34;

/** NL in Dutch orange; BE in the red of its flag (the badge adds the black–yellow–red stripes). */
export const COUNTRY_COLOURS: Record<Country, string> = {
  NL: '#F07800',
  BE: '#C8102E',
};
export const COUNTRY_NAMES: Record<Country, string> = {
  NL: 'Netherlands',
  BE: 'Belgium',
};

/** The selection: a blue halo on screen (Cytoscape) and a blue ring in the WebGL overview. */
export const SELECTION_COLOUR = '#1D4ED8';
/** Linked to both Dutch and Belgian records: an amber halo on screen, an amber ring in the WebGL overview. */
export const CROSS_BORDER_COLOUR = '#F59E0B';

/** Fill of an entity whose colouring has no value for it (no country, no case, outside the communities). */
export const NO_VALUE_COLOUR = '#94A3B8';

export const LINK_COLOURS: Partial<Record<RelationshipType, string>> = {
  CALLED: '#7A4BB0',
  MEMBER_OF: '#A8322D',
  ASSOCIATE_OF: '#2F6DB5',
  SIGHTED_AT: '#13847A',
  SAME_AS: '#15803D',
  RECORDED_IN: '#A3ACB8',
  PART_OF: '#A3ACB8',
};
export const DEFAULT_LINK_COLOUR = '#6B7280';

export function linkColour(type: RelationshipType): string {
  return LINK_COLOURS[type] ?? DEFAULT_LINK_COLOUR;
}

/** Readable relationship name for labels: CALLED → "called". */
export function linkTypeLabel(type: RelationshipType): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/** The parts of a link its drawing depends on. */
export interface StyledLink {
  type: RelationshipType;
  count?: number;
  properties: Record<string, unknown>;
}

/** Line width in chart pixels. CALLED grows with the call count on a log scale so one busy pair cannot drown the chart. */
export function linkWidth(link: Pick<StyledLink, 'type' | 'count'>): number {
  if (link.type !== 'CALLED' || typeof link.count !== 'number' || link.count <= 1) return 1.5;
  return Math.min(9, 1.5 + 1.6 * Math.log2(link.count));
}

/**
 * How far from a link, in screen pixels, a click still takes it. Thin and dashed links (hypotheses, SAME_AS)
 * are a pixel or two wide; Cytoscape alone takes a click within 8 px of the line, which misses too often.
 */
export const LINK_HIT_TOLERANCE_PX = 14;

/** Dash and gap of a hypothesis line, in chart pixels. */
export const HYPOTHESIS_DASH: readonly [number, number] = [6, 4];

/**
 * An analyst's hypothesis rather than a recorded fact: drawn dashed, like a pencil line on paper. Either
 * marked explicitly (`hypothesis: true`) or an association / analyst link whose status says so.
 */
export function isHypothesis(link: Pick<StyledLink, 'type' | 'properties'>): boolean {
  const { hypothesis, status } = link.properties;
  return hypothesis === true || hypothesis === 'true' || ((link.type === 'ASSOCIATE_OF' || link.type === 'ANALYST_LINK') && status === 'hypothesis');
}

/**
 * Entities plus links above which a chart is drawn as the WebGL overview instead of the detailed (canvas)
 * chart: about 7,000 nodes at two links each (measured: see the README, "Big charts").
 */
export const BIG_CHART_ELEMENTS = 20_000;

/** How much fainter a hypothesis is drawn where lines cannot be dashed (the WebGL overview). */
export const SOLID_HYPOTHESIS_OPACITY = 0.45;

/**
 * A link drawn without dashes (the WebGL overview draws only solid lines): the chart's colour and width, a
 * hypothesis thinner and fainter (a pencil line), a confirmed SAME_AS twice as wide, so both stay told apart.
 */
export function solidLinkLook(link: Pick<StyledLink, 'type' | 'count' | 'properties'>): { colour: string; width: number } {
  const colour = linkColour(link.type);
  const width = linkWidth(link);
  if (isHypothesis(link)) return { colour: withOpacity(colour, SOLID_HYPOTHESIS_OPACITY), width: width * 0.6 };
  if (link.type === 'SAME_AS') return { colour, width: width * 2 };
  return { colour, width };
}

/** `#RRGGBB` with an opacity, as a CSS rgba() colour. */
export function withOpacity(hex: string, opacity: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgba(${(value >> 16) & 255}, ${(value >> 8) & 255}, ${value & 255}, ${opacity})`;
}

// ---- Colouring ----------------------------------------------------------------------------------------

/** Twelve colours that stay apart on white and from each other (Tableau 10 + 2), for cases and communities. */
export const CATEGORY_PALETTE = [
  '#4E79A7',
  '#F28E2B',
  '#E15759',
  '#76B7B2',
  '#59A14F',
  '#EDC948',
  '#B07AA1',
  '#FF9DA7',
  '#9C755F',
  '#BAB0AC',
  '#2F4B7C',
  '#A05195',
];

export function categoryColour(index: number): string {
  return CATEGORY_PALETTE[((index % CATEGORY_PALETTE.length) + CATEGORY_PALETTE.length) % CATEGORY_PALETTE.length];
}

/**
 * The colour of each case on a chart: the cases in sorted order take the palette in turn, so up to twelve
 * cases get twelve different colours and a case keeps its colour however the chart was built. Computed over
 * every entity of the chart (hidden ones too), on screen and by the export engine before it leaves out
 * what was not selected or was withheld, so the exported drawing colours each case as the screen did.
 */
export function caseColours(caseIds: Iterable<string | undefined>): Map<string, string> {
  const distinct = [...new Set([...caseIds].filter((id): id is string => Boolean(id)))].sort();
  return new Map(distinct.map((caseId, index) => [caseId, categoryColour(index)]));
}

/** The colourings both the screen and the exports draw; the screen also colours by community. */
export type SharedColouring = 'type' | 'country' | 'case';

/** The fill of an entity under a colouring; `cases` comes from caseColours over the whole chart. */
export function entityFill(
  entity: { type: EntityType; country?: Country; caseId?: string },
  colouring: SharedColouring,
  cases: ReadonlyMap<string, string>,
): string {
  if (colouring === 'type') return ENTITY_TYPE_STYLES[entity.type].colour;
  if (colouring === 'country') return entity.country ? COUNTRY_COLOURS[entity.country] : NO_VALUE_COLOUR;
  return (entity.caseId && cases.get(entity.caseId)) || NO_VALUE_COLOUR;
}

/** Links are drawn a little translucent, so crossings stay readable; the exports paint them the same. */
export const LINK_OPACITY = 0.9;

/**
 * Labels in one font stack on screen and in every export: DejaVu Sans is what the PDF embeds, and where a
 * computer lacks it the screen and an SVG viewer fall back the same way.
 */
export const CHART_FONT_FAMILY = "'DejaVu Sans', 'Noto Sans', 'Segoe UI', Arial, sans-serif";

/** The arrowhead's scale against Cytoscape's default ('arrow-scale'). */
export const ARROW_SCALE = 0.8;

/**
 * The arrowhead at a link's target, in chart pixels, as Cytoscape sizes its 'triangle' arrow: its base
 * (Cytoscape's arrow width: max((width · 13.37)^0.9, 29) · scale) times 0.3 long and 0.15 either side.
 */
export function arrowHead(width: number): { length: number; halfWidth: number } {
  const size = Math.max(Math.pow(width * 13.37, 0.9), 29) * ARROW_SCALE;
  return { length: 0.3 * size, halfWidth: 0.15 * size };
}

/** The country ring around a detailed node (Cytoscape centres it on the outline). */
export const COUNTRY_RING_WIDTH = 3;

/** Link labels (the link's type along its middle): size in chart pixels and colour, on screen and on paper. */
export const LINK_LABEL_FONT_SIZE = 8;
export const LINK_LABEL_COLOUR = '#374151';
