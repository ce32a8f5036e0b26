// The data model as it crosses the API. Its vocabulary (types, countries, grading codes) lives in
// shared-values/ and is re-exported here for the backend and graph-queries.

export {
  COUNTRIES,
  ENTITY_ID_PREFIX,
  ENTITY_TYPES,
  RELATIONSHIP_TYPES,
  isEntityType,
  isRelationshipType,
  type Country,
  type EntityType,
  type RelationshipType,
} from '../shared-values/model';
export {
  HANDLING_CODES,
  INFORMATION_RELIABILITY,
  SOURCE_RELIABILITY,
  type HandlingCode,
  type InformationReliability,
  type SourceReliability,
} from '../shared-values/grading';
import type { Country, EntityType, RelationshipType } from '../shared-values/model';
import type { HandlingCode, InformationReliability, SourceReliability } from '../shared-values/grading';

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
  /**
   * A second line stored with the entity by an older chart file or another tool. The workbench writes none:
   * readers get it from the properties in their own language (entitySubtitle in shared-values), and this
   * one only where the properties say nothing.
   */
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
