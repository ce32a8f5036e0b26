// "Colour by": which property of an entity its node colour shows. Type is the default (the stylesheet's
// per-type colours); country, case and community put a data colour on each node instead. The colours
// themselves come from the one chart style (shared-values/chart-style.ts), which the exports use too.
import type { EntitySummary } from '../../../contract/model';
import { NO_VALUE_COLOUR, caseColours, categoryColour, entityFill } from '../../../shared-values/chart-style';

export const COLOUR_BY_OPTIONS = ['type', 'country', 'case', 'community'] as const;
export type ColourBy = (typeof COLOUR_BY_OPTIONS)[number];

export interface ColourKey {
  /** What the legend says: "NL", "CASE-NL-2024-0007", "Community 1 (12)". */
  label: string;
  colour: string;
}

/**
 * Colour per entity id for `colourBy` (undefined for 'type': the stylesheet decides), plus the legend keys
 * for the values actually present on the chart. `entities` is everything on the chart, hidden ones too,
 * as the export engine sees the chart.
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
  const cases = colourBy === 'case' ? caseColours(entities.map((e) => e.caseId)) : new Map<string, string>();
  const caseOrder = new Map([...cases.keys()].map((caseId, index) => [caseId, index]));
  for (const entity of entities) {
    let key: string;
    let order: number;
    let colour: string;
    if (colourBy === 'community') {
      const community = communityOf[entity.id];
      if (community === undefined) {
        // Outside the time window or hidden: not drawn, so not in the legend either.
        colours.set(entity.id, NO_VALUE_COLOUR);
        continue;
      }
      colour = categoryColour(community);
      key = `Community ${community + 1}`;
      order = community;
    } else {
      colour = entityFill(entity, colourBy, cases);
      if (colourBy === 'country') {
        key = entity.country ?? 'No country';
        order = entity.country === 'NL' ? 0 : entity.country === 'BE' ? 1 : 2;
      } else {
        key = entity.caseId ?? 'No case';
        order = (entity.caseId ? caseOrder.get(entity.caseId) : undefined) ?? Number.MAX_SAFE_INTEGER;
      }
    }
    colours.set(entity.id, colour);
    note(key, colour, order);
  }
  const keys = [...counts.entries()]
    .sort(([, a], [, b]) => a.order - b.order)
    .map(([label, { colour, count }]) => ({ label: colourBy === 'community' ? `${label} (${count})` : label, colour }));
  return { colours, keys };
}
