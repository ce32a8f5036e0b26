/**
 * The shared test database from test/setup/global-neo4j.ts is reachable through the helpers every
 * integration and e2e test uses.
 */
import { describe, expect, it } from 'vitest';
import { testNeo4jUri, withTestDriver } from '../setup/neo4j';

describe('shared test Neo4j', () => {
  it('exposes a bolt URI that answers queries', async () => {
    expect(testNeo4jUri()).toMatch(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//);
    const answer = await withTestDriver(async (driver) => {
      const { records } = await driver.executeQuery('RETURN 40 + 2 AS answer');
      return records[0].get('answer').toNumber();
    });
    expect(answer).toBe(42);
  });
});
