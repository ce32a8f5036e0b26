// Read-your-own-writes through routing: Schakel connects with neo4j:// (the local server answers routing
// requests as a single-member cluster), writes in one session (an import batch, an annotation-style write)
// and reads in another. On a cluster the read may go to a secondary; it waits for the write only if it
// carries the write's bookmark, so every session must share the driver's bookmark manager.
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { causalSession, createDriver } from '../../graph-queries/driver';
import { writeImportBatch } from '../../graph-queries/import-writes';
import { applyMigrations } from '../../graph-queries/migrations';
import { readRows, writeRows } from '../../graph-queries/run';
import { testNeo4jUri } from '../setup/neo4j';

let driver: Driver;
const prefix = `CC-${process.pid}-`;
const routingUri = () => testNeo4jUri().replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:');

beforeAll(async () => {
  const user = process.env.SCHAKEL_TEST_NEO4J_USER;
  driver = createDriver({ uri: routingUri(), ...(user ? { user, password: process.env.SCHAKEL_TEST_NEO4J_PASSWORD } : {}) });
  await applyMigrations(driver);
});

afterAll(async () => {
  await driver?.executeQuery('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  await driver?.close();
});

const bookmarks = async () => new Set(await driver.executeQueryBookmarkManager.getBookmarks());

describe('causal consistency over neo4j:// routing', () => {
  it('routes through the server (the driver discovered a routing table)', async () => {
    expect(routingUri()).toMatch(/^neo4j/);
    const info = await driver.getServerInfo();
    expect(info.address).toBeTruthy();
  });

  it('an import batch hands its bookmark to the next read, in another session', async () => {
    const before = await bookmarks();
    await writeImportBatch(
      { driver },
      { nodes: [{ id: `${prefix}PH`, type: 'Phone', props: { e164: '+32470000001', caseId: 'CASE-CC' } }], links: [] },
    );
    const after = await bookmarks();
    expect([...after].some((bookmark) => !before.has(bookmark))).toBe(true);

    // executeQuery (every graph-queries read) and a READ session both carry that bookmark.
    const rows = await readRows({ driver }, 'MATCH (p:Phone {e164: $e164}) RETURN p.id AS id', { e164: '+32470000001' });
    expect(rows.map((row) => row.id)).toEqual([`${prefix}PH`]);
    const session = causalSession(driver, { mode: 'READ' });
    try {
      const result = await session.executeRead((tx) => tx.run('MATCH (p:Entity {id: $id}) RETURN count(p) AS n', { id: `${prefix}PH` }));
      expect(Number(result.records[0].get('n'))).toBe(1);
    } finally {
      await session.close();
    }
  });

  it('a write through executeQuery and a write session both advance the one bookmark manager', async () => {
    const beforeQuery = await bookmarks();
    await writeRows({ driver }, 'MERGE (p:Entity {id: $id}) SET p:Person, p.label = $id', { id: `${prefix}PER` });
    const afterQuery = await bookmarks();
    expect(afterQuery).not.toEqual(beforeQuery);

    const session = causalSession(driver, { mode: 'WRITE' });
    try {
      await session.executeWrite((tx) => tx.run('MATCH (p:Entity {id: $id}) SET p.seen = true', { id: `${prefix}PER` }));
    } finally {
      await session.close();
    }
    const afterSession = await bookmarks();
    expect(afterSession).not.toEqual(afterQuery);
    const [row] = await readRows({ driver }, 'MATCH (p:Entity {id: $id}) RETURN p.seen AS seen', { id: `${prefix}PER` });
    expect(row.seen).toBe(true);
  });

  it('a session without the shared manager would leave the next read without the bookmark (the control)', async () => {
    const before = await bookmarks();
    const plain = driver.session({ database: undefined });
    try {
      await plain.executeWrite((tx) => tx.run('MATCH (p:Entity {id: $id}) SET p.plain = true', { id: `${prefix}PER` }));
    } finally {
      await plain.close();
    }
    expect(await bookmarks()).toEqual(before);
  });
});
