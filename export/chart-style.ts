// The visual vocabulary of exported drawings (SVG, PDF). It mirrors renderer/src/chart/entity-styles.ts
// so a printed chart looks like the one on screen; chart-style.test.ts fails if the two drift apart.
// Kept separate because the renderer may not be imported by Node code and vice versa.
import type { Country, EntityType, RelationshipType } from '../contract/model';

export type ShapeName = 'ellipse' | 'round-rectangle' | 'round-hexagon' | 'round-octagon' | 'round-pentagon' | 'round-diamond' | 'round-tag';

export interface EntityTypeStyle {
  colour: string;
  shape: ShapeName;
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

export const COUNTRY_COLOURS: Record<Country, string> = {
  NL: '#F07800',
  BE: '#C8102E',
};
/** Fill for records without a country when colouring by country. */
export const NO_COUNTRY_COLOUR = '#94A3B8';

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

/** Analyst judgements rather than recorded facts are drawn dashed, as on i2 charts. */
export const DASHED_LINK_TYPES: ReadonlySet<RelationshipType> = new Set(['ASSOCIATE_OF']);

export function linkColour(type: RelationshipType): string {
  return LINK_COLOURS[type] ?? DEFAULT_LINK_COLOUR;
}

/** Readable relationship name: CALLED → "called". */
export function linkTypeLabel(type: RelationshipType): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

/** Line width in chart units: 1.5 for a single fact, growing with the log of a call count. */
export function linkWidth(count: number | undefined): number {
  if (!count || count <= 1) return 1.5;
  return Math.min(8, 1.5 + Math.log2(count));
}

/** Fixed palette for colouring by case: a case keeps its colour from export to export. */
const CASE_PALETTE = ['#1F77B4', '#FF7F0E', '#2CA02C', '#D62728', '#9467BD', '#8C564B', '#E377C2', '#17BECF', '#BCBD22', '#7F7F7F'];

export function caseColour(caseId: string | undefined): string {
  if (!caseId) return NO_COUNTRY_COLOUR;
  let hash = 0;
  for (let index = 0; index < caseId.length; index++) hash = (hash * 31 + caseId.charCodeAt(index)) >>> 0;
  return CASE_PALETTE[hash % CASE_PALETTE.length];
}
