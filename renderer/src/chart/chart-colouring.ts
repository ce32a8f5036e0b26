// "Colour by": which property of an entity its node colour shows. Type is the default (the stylesheet's
// per-type colours); country, case and community put a data colour on each node instead.
import type { EntitySummary } from '../../../contract/model';
import { COUNTRY_COLOURS } from './entity-styles';

export const COLOUR_BY_OPTIONS = ['type', 'country', 'case', 'community'] as const;
export type ColourBy = (typeof COLOUR_BY_OPTIONS)[number];

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
export const UNKNOWN_COLOUR = '#CBD5E1';

export function categoryColour(index: number): string {
  return CATEGORY_PALETTE[((index % CATEGORY_PALETTE.length) + CATEGORY_PALETTE.length) % CATEGORY_PALETTE.length];
}

export interface ColourKey {
  /** What the legend says: "NL", "CASE-NL-2024-0007", "Community 1 (12)". */
  label: string;
  colour: string;
}

/**
 * Colour per entity id for `colourBy` (undefined for 'type': the stylesheet decides), plus the legend keys
 * for the values actually present on the chart.
 */
export function nodeColours(
  entities: readonly EntitySummary[],
  colourBy: ColourBy,
  communityOf: Record<string, number> = {},
): { colours: Map<string, string>; keys: ColourKey[] } | undefined {
  if (colourBy === 'type') return undefined;
  const colours = new Map<string, string>();
  const counts = new Map<string, { colour: string; count: number; order: number }>();
  const note = (key: string, colour: string, order: number) => {
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { colour, count: 1, order });
  };
  const caseIndex = new Map<string, number>();
  if (colourBy === 'case') {
    // Sorted so a case keeps its colour however the chart was built.
    [...new Set(entities.map((e) => e.caseId).filter((c): c is string => Boolean(c)))].sort().forEach((c, i) => caseIndex.set(c, i));
  }
  for (const entity of entities) {
    let key: string;
    let colour: string;
    let order: number;
    if (colourBy === 'country') {
      const country = entity.country;
      colour = country ? COUNTRY_COLOURS[country] : UNKNOWN_COLOUR;
      key = country ?? 'No country';
      order = country === 'NL' ? 0 : country === 'BE' ? 1 : 2;
    } else if (colourBy === 'case') {
      const index = entity.caseId ? caseIndex.get(entity.caseId) : undefined;
      colour = index === undefined ? UNKNOWN_COLOUR : categoryColour(index);
      key = entity.caseId ?? 'No case';
      order = index ?? Number.MAX_SAFE_INTEGER;
    } else {
      const community = communityOf[entity.id];
      if (community === undefined) {
        // Outside the time window or hidden: not drawn, so not in the legend either.
        colours.set(entity.id, UNKNOWN_COLOUR);
        continue;
      }
      colour = categoryColour(community);
      key = `Community ${community + 1}`;
      order = community;
    }
    colours.set(entity.id, colour);
    note(key, colour, order);
  }
  const keys = [...counts.entries()]
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([label, { colour, count }]) => ({ label: colourBy === 'community' ? `${label} (${count})` : label, colour }));
  return { colours, keys };
}
