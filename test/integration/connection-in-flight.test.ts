// What runs on the database while the connection changes: a switch lets it finish on the database it
// started on, and shutdown fails what outlives its grace period instead of leaving it waiting for ever
// (neo4j-driver never settles a query whose driver was closed under it).
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseConnection } from '../../backend/connection';
import { trackDriverUse } from '../../backend/driver-in-use';
import { createDriver } from '../../graph-queries/driver';
import { readRows } from '../../graph-queries/run';
import { testNeo4jUri } from '../setup/neo4j';

/** A read that keeps the server busy for a while (well past the time the test needs to act meanwhile). */
const SLOW_COUNT = 'UNWIND range(1, $n) AS x RETURN count(x) AS c';
const SLOW_N = 3_000_000;

/** Resolves with what the promise did, or 'pending' when it has not settled within `ms`. */
function outcome(promise: Promise<unknown>, ms: number): Promise<string> {
  return Promise.race([
    promise.then(
      () => 'resolved',
      (error: { code?: unknown }) => `rejected ${String(error.code)}`,
    ),
    new Promise<string>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);
}

let connection: DatabaseConnection | undefined;

afterEach(async () => {
  await connection?.close();
  connection = undefined;
});

describe('queries in flight while the connection changes', () => {
  it('a switch lets a running query finish on the old driver, which is closed once it has', async () => {
    connection = new DatabaseConnection();
    await connection.open({ uri: testNeo4jUri() }, 'remote');
    const { driver: before } = connection.context();
    const running = before.executeQuery(SLOW_COUNT, { n: SLOW_N });

    await connection.open({ uri: testNeo4jUri() }, 'remote');
    expect(connection.context().driver).not.toBe(before);
    const { records } = await running;
    expect(Number(records[0].get('c'))).toBe(SLOW_N);
    // Closed once idle: its pool no longer hands out connections that reach the server.
    await expect.poll(async () => (await before.getServerInfo().then(() => 'open', () => 'closed')), { timeout: 10_000 }).toBe('closed');
  });

  it('shutdown fails a query that outlives the grace period instead of leaving it pending', async () => {
    connection = new DatabaseConnection({ shutdownGraceMs: 200 });
    await connection.open({ uri: testNeo4jUri() }, 'remote');
    const running = connection.context().driver.executeQuery(SLOW_COUNT, { n: SLOW_N * 100 });
    const closed = connection.close();
    expect(await outcome(running, 10_000)).toBe('rejected DB_UNAVAILABLE');
    await closed;
  });

  it("shutdown fails a workbench read (an auto-commit statement in a session) that outlives the grace period", async () => {
    connection = new DatabaseConnection({ shutdownGraceMs: 200 });
    await connection.open({ uri: testNeo4jUri() }, 'remote');
    const running = readRows(connection.context(), SLOW_COUNT, { n: SLOW_N * 100 });
    const closed = connection.close();
    expect(await outcome(running, 10_000)).toBe('rejected DB_UNAVAILABLE');
    await closed;
  });

  it('a workbench read that finishes in time answers, and its session no longer counts as in flight', async () => {
    const use = trackDriverUse(createDriver({ uri: testNeo4jUri() }));
    const [row] = await readRows({ driver: use.driver }, SLOW_COUNT, { n: 1_000 });
    expect(Number(row.c)).toBe(1_000);
    expect(use.inFlight()).toBe(0);
    await use.closeWhenIdle(Number.POSITIVE_INFINITY);
  });

  it('counts queries and open sessions, and waits for both before closing', async () => {
    const use = trackDriverUse(createDriver({ uri: testNeo4jUri() }));
    const session = use.driver.session();
    const query = use.driver.executeQuery('RETURN 1 AS one');
    expect(use.inFlight()).toBe(2);
    await query;
    expect(use.inFlight()).toBe(1);
    const closing = use.closeWhenIdle(Number.POSITIVE_INFINITY);
    expect(await outcome(closing, 300)).toBe('pending');
    await session.run('RETURN 1');
    await session.close();
    expect(use.inFlight()).toBe(0);
    expect(await outcome(closing, 5_000)).toBe('resolved');
  });
});
