// The data model's vocabulary, shared by the backend, graph-queries and the renderer.
// No Node or DOM imports here: the renderer bundles this file.

/** Node labels Schakel reads and writes. Cypher may only interpolate labels from this list. */
export const ENTITY_TYPES = [
  'Person',
  'Vehicle',
  'Phone',
  'Gang',
  'Location',
  'Incident',
  'Case',
  'Source',
] as const;
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

/** EU 4x4 grading (Europol Regulation Art. 29) and handling codes; see README "Grading". */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
export const INFORMATION_RELIABILITY = ['1', '2', '3', '4'] as const;
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export type InformationReliability = (typeof INFORMATION_RELIABILITY)[number];
export type HandlingCode = (typeof HANDLING_CODES)[number];

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationshipType(value: unknown): value is RelationshipType {
  return typeof value === 'string' && (RELATIONSHIP_TYPES as readonly string[]).includes(value);
}

/** A property value as it crosses the API: temporal values are ISO-8601 strings, integers are numbers. */
export type PropertyValue = string | number | boolean | null | string[] | number[];
export type Properties = Record<string, PropertyValue>;

/** Provenance shared by every record-level entity and every relationship. */
export interface Provenance {
  sourceId?: string;
  caseId?: string;
  country?: Country;
  agency?: string;
  sourceReliability?: SourceReliability;
  informationReliability?: InformationReliability;
  handling?: HandlingCode;
}

export interface EntitySummary extends Provenance {
  id: string;
  type: EntityType;
  /** Human-readable label for lists and the chart. */
  label: string;
  /** Secondary line, e.g. date of birth or E.164 number. */
  subtitle?: string;
  properties: Properties;
}

export interface LinkSummary extends Provenance {
  id: string;
  type: RelationshipType;
  source: string;
  target: string;
  /** ISO-8601: an instant (`at`) or a validity window (`from`/`until`). */
  at?: string;
  from?: string;
  until?: string;
  /** CALLED: number of calls. */
  count?: number;
  properties: Properties;
}
