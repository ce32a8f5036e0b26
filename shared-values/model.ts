// The data model's vocabulary: the labels, relationship types and countries Schakel knows, and the record
// id prefixes. Plain values with no imports at all, so the renderer, the contract, the backend, the
// importer and the export engine all use these same lists at run time.

/** Node labels Schakel reads and writes. Cypher may only interpolate labels from this list. */
export const ENTITY_TYPES = ['Person', 'Vehicle', 'Phone', 'Gang', 'Location', 'Incident', 'Case', 'Source'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** The prefix of record ids per type ('P-NL-000123', 'PH-BE-…'), shared by the demo generator and the importer. */
export const ENTITY_ID_PREFIX: Record<EntityType, string> = {
  Person: 'P',
  Vehicle: 'V',
  Phone: 'PH',
  Gang: 'G',
  Location: 'L',
  Incident: 'I',
  Case: 'CASE',
  Source: 'S',
};

/** Relationship types Schakel reads and writes. Cypher may only interpolate types from this list. */
export const RELATIONSHIP_TYPES = [
  'MEMBER_OF', // Person -> Gang            (from/until)
  'USES', // Person -> Phone                (from/until)
  'OWNS', // Person -> Vehicle              (from/until; registered holder)
  'DRIVES', // Person -> Vehicle            (at or from/until; observed driver)
  'CALLED', // Phone -> Phone               (count, from = first call, until = last call)
  'SIGHTED_AT', // Vehicle -> Location      (at; ANPR camera hit)
  'LIVES_AT', // Person -> Location         (from/until)
  'INVOLVED_IN', // Person|Vehicle|Phone -> Incident (role)
  'OCCURRED_AT', // Incident -> Location    (at)
  'PART_OF', // Incident|Source -> Case
  'RECORDED_IN', // any entity record -> Source (the record it was taken from)
  'ASSOCIATE_OF', // Person -> Person       (from intelligence or an analyst)
  'SAME_AS', // record -> record of the same real-world entity (confirmed match, reversible)
  'ANALYST_LINK', // any -> any: asserted by an analyst (status hypothesis | associate | confirmed), graded, audited
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const COUNTRIES = ['NL', 'BE'] as const;
export type Country = (typeof COUNTRIES)[number];

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationshipType(value: unknown): value is RelationshipType {
  return typeof value === 'string' && (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** The chart file's format name and version (contract/chart.ts validates files against them). */
export const CHART_FORMAT = 'schakel-chart';
export const CHART_FORMAT_VERSION = 1;
