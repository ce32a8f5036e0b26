// The import's write path (column-wise parameters, types restored in Cypher) against the real test Neo4j:
// every kind of value is stored with the type the data model says, and writing the batch again changes nothing.
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimNewCallLinks, dateTimeValue, dateValue, writeImportBatch, type ImportWriteBatch } from '../../graph-queries/import-writes';
import { applyMigrations } from '../../graph-queries/migrations';
import { createTestDriver } from '../setup/neo4j';

let driver: Driver;
const prefix = `IW-${process.pid}-`;

beforeAll(async () => {
  driver = createTestDriver();
  await applyMigrations(driver);
});

afterAll(async () => {
  await driver.executeQuery('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix });
  await driver?.close();
});

const at = Date.UTC(2024, 2, 31, 0, 30, 15, 250); // the night the Netherlands and Belgium go to summer time

const batch = (count: number): ImportWriteBatch => ({
  nodes: [
    { id: `${prefix}P1`, type: 'Phone', props: { e164: '+31612345678', identifierValid: true, caseId: 'CASE-IW', aliases: ['06-12345678'] } },
    { id: `${prefix}P2`, type: 'Phone', props: { e164: '+32475123456', identifierValid: false, caseId: 'CASE-IW', aliases: ['0475 12 34 56', '0475/123456'] } },
    { id: `${prefix}PER`, type: 'Person', props: { familyName: 'Janssens', dateOfBirth: dateValue('1991-03-12'), caseId: 'CASE-IW' } },
  ],
  links: [
    { id: `${prefix}L1`, type: 'CALLED', from: `${prefix}P1`, to: `${prefix}P2`, props: { count, share: 0.75, from: dateTimeValue(at), until: dateTimeValue(at + 60_000), caseId: 'CASE-IW' } },
    { id: `${prefix}L2`, type: 'CALLED', from: `${prefix}P2`, to: `${prefix}P1`, props: { count: 1, share: 0.25, from: dateTimeValue(at), until: dateTimeValue(at), caseId: 'CASE-IW' } },
  ],
});

describe('writeImportBatch', () => {
  it('stores integers, floats, booleans, lists, dates and instants with their types', async () => {
    const first = await writeImportBatch({ driver }, batch(7));
    expect(first).toEqual({ nodesCreated: 3, nodesMatched: 0, linksCreated: 2, linksMatched: 0 });
    const { records } = await driver.executeQuery(
      `MATCH (a:Phone {id: $p1})-[r:CALLED {id: $l1}]->(b:Phone), (p:Person {id: $person})
       RETURN valueType(r.count) AS countType, r.count AS count, valueType(r.share) AS shareType,
              valueType(r.from) AS fromType, r.from.epochMillis AS fromMs, r.from.offsetSeconds AS offset, r.until.epochMillis AS untilMs,
              valueType(a.identifierValid) AS validType, b.identifierValid AS bValid, valueType(b.aliases) AS aliasesType, b.aliases AS aliases,
              valueType(p.dateOfBirth) AS dobType, toString(p.dateOfBirth) AS dob, r.caseId AS caseId, labels(p) AS labels`,
      { p1: `${prefix}P1`, l1: `${prefix}L1`, person: `${prefix}PER` },
    );
    const row = records[0].toObject();
    expect(row.countType).toBe('INTEGER NOT NULL');
    expect(neo4j.integer.toNumber(row.count)).toBe(7);
    expect(row.shareType).toBe('FLOAT NOT NULL');
    expect(row.fromType).toBe('ZONED DATETIME NOT NULL');
    expect(neo4j.integer.toNumber(row.fromMs)).toBe(at);
    expect(neo4j.integer.toNumber(row.offset)).toBe(0);
    expect(neo4j.integer.toNumber(row.untilMs)).toBe(at + 60_000);
    expect(row.validType).toBe('BOOLEAN NOT NULL');
    expect(row.bValid).toBe(false);
    expect(row.aliasesType).toBe('LIST<STRING NOT NULL> NOT NULL');
    expect(row.aliases).toEqual(['0475 12 34 56', '0475/123456']);
    expect(row.dobType).toBe('DATE NOT NULL');
    expect(row.dob).toBe('1991-03-12');
    expect(row.caseId).toBe('CASE-IW');
    expect(row.labels).toEqual(expect.arrayContaining(['Entity', 'Person']));
  });

  it('matches instead of duplicating when the batch is written again, and takes the new values', async () => {
    const again = await writeImportBatch({ driver }, batch(9));
    expect(again).toEqual({ nodesCreated: 0, nodesMatched: 3, linksCreated: 0, linksMatched: 2 });
    const { records } = await driver.executeQuery(
      'MATCH (:Phone {id: $p1})-[r:CALLED]->(:Phone {id: $p2}) RETURN count(r) AS links, collect(r.count) AS counts',
      { p1: `${prefix}P1`, p2: `${prefix}P2` },
    );
    expect(neo4j.integer.toNumber(records[0].get('links'))).toBe(1);
    expect(records[0].get('counts').map((c: unknown) => neo4j.integer.toNumber(c as number))).toEqual([9]);
  });
});

describe('claimNewCallLinks', () => {
  const source = (name: string) => ({ id: `${prefix}S-${name}`, type: 'Source' as const, props: { label: name } });

  it('says the links are new once, to one run only, even when two ask at the same time', async () => {
    await writeImportBatch({ driver }, { nodes: [source('fresh')], links: [] });
    const answers = await Promise.all([claimNewCallLinks({ driver }, `${prefix}S-fresh`), claimNewCallLinks({ driver }, `${prefix}S-fresh`)]);
    expect(answers.sort()).toEqual([false, true]);
    expect(await claimNewCallLinks({ driver }, `${prefix}S-fresh`)).toBe(false);
  });

  it('finds links already written from a source that was deleted and made again', async () => {
    await writeImportBatch({ driver }, { nodes: [source('remade')], links: [] });
    await writeImportBatch(
      { driver },
      { nodes: [], links: [{ id: `${prefix}L-remade`, type: 'CALLED', from: `${prefix}P1`, to: `${prefix}P2`, props: { count: 1, sourceId: `${prefix}S-remade` } }] },
    );
    expect(await claimNewCallLinks({ driver }, `${prefix}S-remade`)).toBe(false);
  });

  it('says nothing is new for a source that is not in the database', async () => {
    expect(await claimNewCallLinks({ driver }, `${prefix}S-missing`)).toBe(false);
  });
});
