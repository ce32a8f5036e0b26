// Runs parameterised Cypher and hands back plain rows. Nothing outside graph-queries sees a driver record.
import neo4j, { type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { causalSession, retryBudgetMs } from './driver';
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
  const records =
    mode === 'READ'
      ? await autoCommitRead(ctx, cypher, params)
      : (await ctx.driver.executeQuery(cypher, params, { database: ctx.database, routing: neo4j.routing.WRITE })).records;
  return records.map((record) => {
    const row: Row = {};
    for (const key of record.keys) row[String(key)] = record.get(key);
    return row;
  });
}

const FIRST_RETRY_DELAY_MS = 200;

/**
 * A read as one auto-commit statement: RUN and PULL in one round trip, where a managed transaction
 * (executeQuery) adds BEGIN and a COMMIT round trip, which costs a typical expansion about a third of
 * its time. The session shares the driver's bookmarks, so the read still sees this user's writes on a
 * cluster. A read changes nothing, so it is simply run again on the errors the driver would retry
 * (a leader election, a member gone, a transient failure), with growing pauses, for as long as the driver
 * retries transactions.
 */
async function autoCommitRead(ctx: QueryContext, cypher: string, params: Record<string, unknown>): Promise<Neo4jRecord[]> {
  const started = Date.now();
  const budget = retryBudgetMs(ctx.driver);
  for (let delay = FIRST_RETRY_DELAY_MS; ; delay *= 2) {
    const session = causalSession(ctx.driver, { database: ctx.database, mode: 'READ' });
    let records: Neo4jRecord[];
    try {
      records = (await session.run(cypher, params)).records;
    } catch (error) {
      // Not awaited: on a driver closed underneath, closing the session would never settle either.
      void session.close().catch(() => undefined);
      const pause = delay * (0.8 + Math.random() * 0.4);
      if (!neo4j.isRetryableError(error) || Date.now() - started + pause > budget) throw error;
      await new Promise((resolve) => setTimeout(resolve, pause));
      continue;
    }
    await session.close();
    return records;
  }
}

/** Rows keep driver Node/Relationship values so the entity mappers can read labels; use toPlain for scalars. */
export const readRows = (ctx: QueryContext, cypher: string, params: Record<string, unknown> = {}) => run(ctx, cypher, params, 'READ');
export const writeRows = (ctx: QueryContext, cypher: string, params: Record<string, unknown> = {}) => run(ctx, cypher, params, 'WRITE');

export function plainNumber(value: unknown): number {
  const plain = toPlain(value);
  return typeof plain === 'number' ? plain : Number(plain ?? 0);
}

export const int = (value: number) => neo4j.int(Math.trunc(value));
