// The plain records the demo generator produces: what gets written to Neo4j, with no driver types.
// Temporal values are ISO-8601 strings; graph-queries/seed-writes.ts turns them into DATE/DATETIME.
import type { EntityType, RelationshipType } from '../contract/model';

export type DemoValue = string | number | boolean | string[];
export type DemoProps = Record<string, DemoValue>;

export interface DemoNode {
  id: string;
  type: EntityType;
  /** All properties except `id`, named as in docs/data-model.md. */
  props: DemoProps;
}

export interface DemoRelationship {
  id: string;
  type: RelationshipType;
  from: string;
  fromType: EntityType;
  to: string;
  toType: EntityType;
  props: DemoProps;
}

/** The record kinds entity resolution is scored on. */
export type ResolvableType = 'Person' | 'Vehicle' | 'Phone';

/** One real-world person, vehicle or phone and every record that describes it. */
export interface GroundTruthEntity {
  realId: string;
  type: ResolvableType;
  recordIds: string[];
}

export interface GroundTruth {
  dataset: 'demo';
  seed: number;
  scale: number;
  /** Every real-world entity, singletons included: records not listed together are different entities. */
  entities: GroundTruthEntity[];
}

export interface DemoData {
  seed: number;
  scale: number;
  /** Person, Vehicle, Phone, Gang, Location and Incident records. */
  entities: DemoNode[];
  cases: DemoNode[];
  sources: DemoNode[];
  relationships: DemoRelationship[];
  groundTruth: GroundTruth;
}
