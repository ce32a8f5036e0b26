// Runs parameterised Cypher and hands back plain rows. Nothing outside graph-queries sees a driver record.
import neo4j, { type Driver } from 'neo4j-driver';
import { toPlain } from './mapper';

export interface QueryContext {
  driver: Driver;
  database?: string;
}

export type Row = Record<string, unknown>;

export type QueryObserver = (query: { cypher: string; params: Record<string, unknown>; mode: 'READ' | 'WRITE' }) => void;

const observers = new Set<QueryObserver>();

/** Sees every statement run through readRows/writeRows (the query-plan test checks each one); returns a stop. */
export function observeQueries(observer: QueryObserver): () => void {
  observers.add(observer);
  return () => observers.delete(observer);
}

async function run(ctx: QueryContext, cypher: string, params: Record<string, unknown>, mode: 'READ' | 'WRITE'): Promise<Row[]> {
  for (const observer of observers) observer({ cypher, params, mode });
  const { records } = await ctx.driver.executeQuery(cypher, params, {
    database: ctx.database,
    routing: mode === 'READ' ? neo4j.routing.READ : neo4j.routing.WRITE,
  });
  return records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = record.get(key);
    return row;
  });
}

/** Rows keep driver Node/Relationship values so the entity mappers can read labels; use toPlain for scalars. */
export const readRows = (ctx: QueryContext, cypher: string, params: Record<string, unknown> = {}) => run(ctx, cypher, params, 'READ');
export const writeRows = (ctx: QueryContext, cypher: string, params: Record<string, unknown> = {}) => run(ctx, cypher, params, 'WRITE');

export function plainNumber(value: unknown): number {
  const plain = toPlain(value);
  return typeof plain === 'number' ? plain : Number(plain ?? 0);
}

export const int = (value: number) => neo4j.int(Math.trunc(value));
