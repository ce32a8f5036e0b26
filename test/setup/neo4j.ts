/**
 * Helpers for tests that need the shared test Neo4j started by test/setup/global-neo4j.ts.
 *
 *   const driver = createTestDriver();            // close it in afterAll
 *   await withTestDriver(async (driver) => ...);  // opened and closed around the callback
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { inject } from 'vitest';

/** The bolt URI of the test database. */
export function testNeo4jUri(): string {
  const uri = process.env.SCHAKEL_TEST_NEO4J_URI || injectedUri();
  if (!uri) {
    throw new Error(
      'No test Neo4j: run through "npm test", or a Vitest project with test/setup/global-neo4j.ts ' +
        '(integration, e2e), or set SCHAKEL_TEST_NEO4J_URI.',
    );
  }
  return uri;
}

function injectedUri(): string | undefined {
  try {
    return inject('neo4jUri');
  } catch {
    return undefined; // not inside a Vitest worker
  }
}

/**
 * Credentials: the managed local instance has auth disabled (any token works); an external server given
 * via SCHAKEL_TEST_NEO4J_URI may need SCHAKEL_TEST_NEO4J_USER / SCHAKEL_TEST_NEO4J_PASSWORD.
 */
export function testNeo4jAuth() {
  return neo4j.auth.basic(process.env.SCHAKEL_TEST_NEO4J_USER ?? 'neo4j', process.env.SCHAKEL_TEST_NEO4J_PASSWORD ?? 'neo4j');
}

export function createTestDriver(): Driver {
  return neo4j.driver(testNeo4jUri(), testNeo4jAuth());
}

export async function withTestDriver<T>(use: (driver: Driver) => Promise<T>): Promise<T> {
  const driver = createTestDriver();
  try {
    return await use(driver);
  } finally {
    await driver.close();
  }
}

/**
 * Deletes every node and relationship, in batches so a big test graph does not need one huge
 * transaction. Only for the test database: tests share it, so call this in beforeEach/afterAll of
 * files that need an empty graph.
 */
export async function clearTestDatabase(driver: Driver): Promise<void> {
  const session = driver.session();
  try {
    await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}
