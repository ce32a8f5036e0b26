// The visual vocabulary shared by the chart and the panels: one shape and colour per entity type, one
// colour per country. Shapes differ as well as colours so types stay apart in print and for colour-blind users.
import type { Country, EntityType, RelationshipType } from '../../../contract/model';

export interface EntityTypeStyle {
  colour: string;
  /** A Cytoscape node shape. */
  shape: string;
  /** The type's name in English (the interface shows common:entityType in its own language). */
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

/** NL in Dutch orange; BE in the red of its flag (the badge adds the black–yellow–red stripes). */
export const COUNTRY_COLOURS: Record<Country, string> = {
  NL: '#F07800',
  BE: '#C8102E',
};

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

// The renderer may take only types from contract/ (no runtime imports across the boundary); the Records
// above are typed over every EntityType / Country, so these lists are complete by construction.
export const STYLED_ENTITY_TYPES = Object.keys(ENTITY_TYPE_STYLES) as EntityType[];
export const STYLED_COUNTRIES = Object.keys(COUNTRY_COLOURS) as Country[];
