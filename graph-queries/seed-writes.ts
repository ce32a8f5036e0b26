// Cypher that writes generated or loaded records (demo data, CAVIAR) in idempotent batches:
// nodes MERGE on their `id`, relationships MERGE on their `id` between endpoints matched by id.
// Labels and relationship types are interpolated only after checking them against the allow-list in
// contract/model.ts; values always travel as parameters. Temporal properties arrive as ISO strings and
// are stored as DATE / DATETIME, as docs/data-model.md requires.
import neo4j, { type Driver } from 'neo4j-driver';
import { ENTITY_LABEL } from './migrations';
import { ENTITY_TYPES, RELATIONSHIP_TYPES, isEntityType, isRelationshipType, type EntityType, type RelationshipType } from '../contract/model';
import { causalSession } from './driver';

/** A property value as generators produce it; temporal values are ISO-8601 strings. */
export type WritableValue = string | number | boolean | string[] | number[];

export interface NodeRecord {
  id: string;
  type: EntityType;
  props: Record<string, WritableValue>;
}

export interface RelationshipRecord {
  id: string;
  type: RelationshipType;
  from: string;
  fromType: EntityType;
  to: string;
  toType: EntityType;
  props: Record<string, WritableValue>;
}

/** Node properties stored as DATE or DATETIME rather than strings (docs/data-model.md). */
const NODE_TEMPORALS: Partial<Record<EntityType, Record<string, 'date' | 'datetime'>>> = {
  Person: { dateOfBirth: 'date' },
  Case: { opened: 'date' },
  Incident: { at: 'datetime' },
  Source: { recordedAt: 'datetime' },
};
/** Every relationship's time is a DATETIME: an instant (`at`) or a window (`from`/`until`). */
const RELATIONSHIP_TEMPORALS = ['at', 'from', 'until'] as const;

export const DEFAULT_BATCH_SIZE = 5_000;

function assertLabel(type: string): asserts type is EntityType {
  if (!isEntityType(type)) throw new Error(`Refusing to write label "${type}": not on the allow-list`);
}

function assertRelationshipType(type: string): asserts type is RelationshipType {
  if (!isRelationshipType(type)) throw new Error(`Refusing to write relationship type "${type}": not on the allow-list`);
}

export function nodeUpsertQuery(type: EntityType): string {
  assertLabel(type);
  const temporals = Object.entries(NODE_TEMPORALS[type] ?? {});
  const conversions = temporals.map(([key, kind]) => `, n.${key} = ${kind}(row.temporal.${key})`).join('');
  return `UNWIND $rows AS row
MERGE (n:${type} {id: row.id})
SET n:${ENTITY_LABEL}, n += row.props${conversions}`;
}

export function relationshipUpsertQuery(type: RelationshipType, fromType: EntityType, toType: EntityType): string {
  assertRelationshipType(type);
  assertLabel(fromType);
  assertLabel(toType);
  const conversions = RELATIONSHIP_TEMPORALS.map((key) => `, r.\`${key}\` = datetime(row.temporal.\`${key}\`)`).join('');
  return `UNWIND $rows AS row
MATCH (a:${fromType} {id: row.from})
MATCH (b:${toType} {id: row.to})
MERGE (a)-[r:${type} {id: row.id}]->(b)
SET r += row.props${conversions}`;
}

/** Splits temporal values out of `props` so they can be converted in Cypher; integers are sent as integers. */
function toRow(props: Record<string, WritableValue>, temporalKeys: readonly string[]) {
  const plain: Record<string, unknown> = {};
  const temporal: Record<string, string | null> = {};
  for (const key of temporalKeys) temporal[key] = null;
  for (const [key, value] of Object.entries(props)) {
    if (temporalKeys.includes(key)) temporal[key] = String(value);
    else plain[key] = toCypherValue(value);
  }
  return { props: plain, temporal };
}

/** JavaScript numbers would all arrive as floats; whole numbers (also in lists) are sent as integers. */
function toCypherValue(value: WritableValue): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'number' && Number.isInteger(v))) return (value as number[]).map((v) => neo4j.int(v));
  return value;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

export interface WriteOptions {
  database?: string;
  batchSize?: number;
  /** Called after each batch with the number of rows written so far. */
  onBatch?: (written: number, total: number) => void;
}

async function writeBatches(driver: Driver, query: string, rows: unknown[], opts: WriteOptions, progress: { written: number; total: number }): Promise<void> {
  const size = opts.batchSize ?? DEFAULT_BATCH_SIZE;
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const session = causalSession(driver, { database: opts.database, mode: 'WRITE' });
    try {
      await session.executeWrite((tx) => tx.run(query, { rows: batch }));
    } finally {
      await session.close();
    }
    progress.written += batch.length;
    opts.onBatch?.(progress.written, progress.total);
  }
}

/** MERGEs nodes by id, one label at a time, a batch per transaction. Returns how many rows were written. */
export async function upsertNodes(driver: Driver, nodes: readonly NodeRecord[], opts: WriteOptions = {}): Promise<number> {
  const progress = { written: 0, total: nodes.length };
  for (const [type, group] of groupBy(nodes, (n) => n.type)) {
    assertLabel(type);
    const temporalKeys = Object.keys(NODE_TEMPORALS[type] ?? {});
    const rows = group.map((node) => ({ id: node.id, ...toRow(node.props, temporalKeys) }));
    await writeBatches(driver, nodeUpsertQuery(type), rows, opts, progress);
  }
  return progress.written;
}

/** MERGEs relationships by id between endpoints matched by id; endpoints must already exist. */
export async function upsertRelationships(driver: Driver, relationships: readonly RelationshipRecord[], opts: WriteOptions = {}): Promise<number> {
  const progress = { written: 0, total: relationships.length };
  for (const group of groupBy(relationships, (r) => `${r.type}|${r.fromType}|${r.toType}`).values()) {
    const { type, fromType, toType } = group[0];
    const rows = group.map((rel) => ({ id: rel.id, from: rel.from, to: rel.to, ...toRow(rel.props, RELATIONSHIP_TEMPORALS) }));
    await writeBatches(driver, relationshipUpsertQuery(type, fromType, toType), rows, opts, progress);
  }
  return progress.written;
}

/** Marks a data set as present, so the app can tell a seeded database from an empty one. */
export async function markDataset(driver: Driver, name: string, props: Record<string, string | number>, database?: string): Promise<void> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) params[key] = toCypherValue(value);
  await driver.executeQuery(
    `MERGE (d:SchakelDataset {name: $name})
     SET d += $props, d.loadedAt = datetime()`,
    { name, props: params },
    { database },
  );
}

/** The scale and seed a data set was loaded with, or null when it is not in the database. */
export async function readDatasetMark(driver: Driver, name: string, database?: string): Promise<{ scale: number; seed: number } | null> {
  const { records } = await driver.executeQuery(`MATCH (d:SchakelDataset {name: $name}) RETURN d.scale AS scale, d.seed AS seed`, { name }, { database, routing: neo4j.routing.READ });
  const row = records[0];
  if (!row) return null;
  const num = (value: unknown) => (neo4j.isInt(value) ? neo4j.integer.toNumber(value) : Number(value));
  return { scale: num(row.get('scale')), seed: num(row.get('seed')) };
}

/** Node counts per label and relationship counts per type across the database (from the count store). */
export async function countGraph(driver: Driver, database?: string): Promise<{ nodesByType: Record<string, number>; relationshipsByType: Record<string, number> }> {
  const nodesByType: Record<string, number> = {};
  const relationshipsByType: Record<string, number> = {};
  for (const label of ENTITY_TYPES) {
    const { records } = await driver.executeQuery(`MATCH (n:${label}) RETURN count(n) AS c`, {}, { database, routing: neo4j.routing.READ });
    nodesByType[label] = neo4j.integer.toNumber(records[0].get('c'));
  }
  for (const type of RELATIONSHIP_TYPES) {
    const { records } = await driver.executeQuery(`MATCH ()-[r:${type}]->() RETURN count(r) AS c`, {}, { database, routing: neo4j.routing.READ });
    relationshipsByType[type] = neo4j.integer.toNumber(records[0].get('c'));
  }
  return { nodesByType, relationshipsByType };
}
