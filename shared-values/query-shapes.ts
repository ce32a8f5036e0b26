// The catalogue of reviewed query shapes a saved query template may use. A template never carries Cypher:
// it names one of these shapes and fills its typed parameters; the Cypher of each shape lives in
// graph-queries/query-templates.ts and the request schema in contract/query-templates.ts. Plain values,
// so the renderer builds its parameter forms from the same list the backend validates against.
import type { EntityType } from './model';

export type QueryParameterSpec =
  | { name: string; kind: 'entity'; entityType: EntityType }
  | { name: string; kind: 'days'; min: number; max: number }
  | { name: string; kind: 'date' };

export const QUERY_SHAPE_PARAMETERS = {
  /** Phones used by members of a gang that made or received a call in the last N days. */
  'gang-phones-seen': [
    { name: 'gangId', kind: 'entity', entityType: 'Gang' },
    { name: 'days', kind: 'days', min: 1, max: 36_500 },
  ],
  /** Persons who own or drive a vehicle. */
  'persons-linked-to-vehicle': [{ name: 'vehicleId', kind: 'entity', entityType: 'Vehicle' }],
  /** Calls between the phones of two persons in a period. */
  'calls-between-persons': [
    { name: 'personAId', kind: 'entity', entityType: 'Person' },
    { name: 'personBId', kind: 'entity', entityType: 'Person' },
    { name: 'from', kind: 'date' },
    { name: 'until', kind: 'date' },
  ],
} as const satisfies Record<string, readonly QueryParameterSpec[]>;

export type QueryShape = keyof typeof QUERY_SHAPE_PARAMETERS;
export const QUERY_SHAPES = Object.keys(QUERY_SHAPE_PARAMETERS) as QueryShape[];

/** Most entities and links one template run adds to the chart. */
export const MAX_TEMPLATE_RESULTS = 2_000;
