// What the legend lists: only what is on the chart now (types, countries, link types, the current
// colouring's values), so it explains this chart rather than every possible one.
import type { Country, EntitySummary, EntityType, LinkSummary, RelationshipType } from '../../../contract/model';
import type { ColourBy, ColourKey } from './chart-colouring';
import { isHypothesis } from '../../../shared-values/chart-style';
import { COUNTRIES, ENTITY_TYPES } from '../../../shared-values/model';

export interface LegendData {
  types: EntityType[];
  countries: Country[];
  linkTypes: RelationshipType[];
  hypotheses: boolean;
  colourBy: ColourBy;
  colourKeys: ColourKey[];
  /** The measure nodes are sized by, if any. */
  sizedBy?: string;
  crossBorder: number;
  pinned: number;
  groups: number;
}

export function legendData(
  entities: readonly EntitySummary[],
  links: readonly LinkSummary[],
  extra: Omit<LegendData, 'types' | 'countries' | 'linkTypes' | 'hypotheses'>,
): LegendData {
  const types = new Set(entities.map((e) => e.type));
  const countries = new Set(entities.map((e) => e.country).filter(Boolean));
  const linkTypes = [...new Set(links.map((l) => l.type))].sort();
  return {
    types: ENTITY_TYPES.filter((t) => types.has(t)),
    countries: COUNTRIES.filter((c) => countries.has(c)),
    linkTypes,
    hypotheses: links.some(isHypothesis),
    ...extra,
  };
}
