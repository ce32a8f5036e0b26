// The audit log on the real Neo4j: every operation leaves a chained entry with its category, user and the
// entities concerned; `npm run audit:verify` says "N entries, chain intact", and after one stored entry is
// tampered with it fails AT that entry (exit code 1), for the database and for a JSONL file alike.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { chainEntry, EMPTY_HEAD, type AuditEntry } from '../../backend/audit/chain';
import { seedDemo } from '../../demo-data/seed';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { call, refusal, twoPeople } from './annotations-support';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs the real script as a user would; resolves with its exit code and output. */
async function auditVerify(...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', ...args], { cwd: ROOT, env: { ...process.env, NEO4J_URI: '' } });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

let driver: Driver;
let analyst: Workbench;
let reader: Workbench;
let people: [string, string];

beforeAll(async () => {
  driver = createTestDriver();
  await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  // Other test files audit too; this file checks a chain it watched from the start.
  await driver.executeQuery('MATCH (e:AuditEntry) DETACH DELETE e');
  analyst = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: tempDataDir(), identity: { name: 'Analyst Claes' } });
  reader = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: tempDataDir(), identity: { name: 'Reader Smit', role: 'read-only' } });
  await Promise.all([analyst.start(), reader.start()]);
  people = await twoPeople(driver);
});

afterAll(async () => {
  await Promise.all([analyst?.shutdown(), reader?.shutdown()]);
  await driver?.close();
});

describe('audit log', () => {
  it('records consultation and alteration with user, entities and outcome, and the viewer filters them', async () => {
    await call(analyst, 'search', { query: 'Jansen' });
    await call(analyst, 'getEntity', { id: people[0] });
    await call(analyst, 'expand', { ids: [people[0]] });
    const { annotation } = await call(analyst, 'createAnalystLink', { fromId: people[0], toId: people[1], status: 'hypothesis', sourceReliability: 'B', informationReliability: '2', handling: 'H0' });
    await call(analyst, 'updateAnnotation', { id: annotation!.id, expectedVersion: 1, changes: { status: 'confirmed' } });
    await call(analyst, 'retractAnnotation', { id: annotation!.id, expectedVersion: 2 });
    await refusal(reader, 'addNote', { targetId: people[0], targetKind: 'entity', text: 'attempt' });
    await call(reader, 'getEntity', { id: people[1] });

    const { entries } = await call(analyst, 'listAuditEntries', {});
    const byOperation = (operation: string) => entries.filter((e) => e.operation === operation);
    expect(byOperation('search')[0]).toMatchObject({ category: 'consultation', user: 'Analyst Claes', outcome: 'ok', details: { query: 'Jansen' } });
    expect(byOperation('getEntity').map((e) => e.user).sort()).toEqual(['Analyst Claes', 'Reader Smit']);
    expect(byOperation('expand')[0].entityIds).toContain(people[0]);
    for (const operation of ['createAnalystLink', 'updateAnnotation', 'retractAnnotation']) {
      expect(byOperation(operation)[0]).toMatchObject({ category: 'alteration', user: 'Analyst Claes', outcome: 'ok' });
      expect(byOperation(operation)[0].entityIds).toContain(annotation!.id);
    }
    expect(byOperation('createAnalystLink')[0].entityIds).toEqual(expect.arrayContaining(people));
    // The refused write is on record too, as the reader's attempt.
    expect(byOperation('addNote')[0]).toMatchObject({ user: 'Reader Smit', role: 'read-only', outcome: 'READ_ONLY' });

    // Filters: user, entity, operation, date.
    const mine = await call(analyst, 'listAuditEntries', { user: 'reader' });
    expect(new Set(mine.entries.map((e) => e.user))).toEqual(new Set(['Reader Smit']));
    const aboutLink = await call(analyst, 'listAuditEntries', { entityId: annotation!.id });
    expect(aboutLink.entries.map((e) => e.operation).sort()).toEqual(['createAnalystLink', 'retractAnnotation', 'updateAnnotation']);
    const retractions = await call(analyst, 'listAuditEntries', { operation: 'retract' });
    expect(retractions.entries).toHaveLength(1);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await call(analyst, 'listAuditEntries', { from: tomorrow })).entries).toHaveLength(0);
    // Newest first, seq without gaps, each chained to the one before.
    const seqs = entries.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    for (let i = 0; i < entries.length - 1; i++) expect(entries[i].prevHash).toBe(entries[i + 1].hash);
  });

  it('audit:verify reports an intact chain, then the FIRST tampered entry with exit code 1', async () => {
    const intact = await auditVerify('--uri', testNeo4jUri());
    expect(intact.output).toMatch(/\d+ entries, chain intact/);
    expect(intact.code).toBe(0);

    const { records } = await driver.executeQuery('MATCH (e:AuditEntry) RETURN max(e.seq) AS last');
    const last = Number(records[0].get('last'));
    const target = Math.max(2, last - 3);
    const original = await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) RETURN e.user AS user', { seq: neo4j.int(target) });
    const originalUser = String(original.records[0].get('user'));
    try {
      // Someone rewrites who did it.
      await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) SET e.user = "someone else"', { seq: neo4j.int(target) });
      const tampered = await auditVerify('--uri', testNeo4jUri());
      expect(tampered.code).toBe(1);
      expect(tampered.output).toContain(`chain BROKEN at entry seq ${target}:`);
      expect(tampered.output).toMatch(/hash does not match its content/);
      expect(tampered.output).toContain(`${target - 1} entries before it are intact`);
    } finally {
      await driver.executeQuery('MATCH (e:AuditEntry {seq: $seq}) SET e.user = $user', { seq: neo4j.int(target), user: originalUser });
    }
    expect((await auditVerify('--uri', testNeo4jUri())).code).toBe(0);
  });

  it('audit:verify finds a deleted entry and a tampered line of a JSONL file', async () => {
    const entries: AuditEntry[] = [];
    let head = EMPTY_HEAD;
    for (let i = 0; i < 5; i++) {
      const entry = chainEntry({ at: new Date(2024, 0, i + 1).toISOString(), user: 'u', role: 'analyst', operation: 'search', category: 'consultation', entityIds: [`P-${i}`], outcome: 'ok' }, head);
      entries.push(entry);
      head = entry;
    }
    const dir = tempDataDir();
    const file = path.join(dir, 'audit.jsonl');
    fs.writeFileSync(file, entries.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const ok = await auditVerify('--file', file);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.output).toContain('5 entries, chain intact');

    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    lines[2] = lines[2].replace('"P-2"', '"P-999"');
    fs.writeFileSync(file, lines.join('\n') + '\n');
    const tampered = await auditVerify('--file', file);
    expect(tampered.code).toBe(1);
    expect(tampered.output).toContain('chain BROKEN at entry seq 3, line 3');

    const withoutThird = entries.filter((e) => e.seq !== 3);
    fs.writeFileSync(file, withoutThird.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const gap = await auditVerify('--file', file);
    expect(gap.code).toBe(1);
    expect(gap.output).toMatch(/entry seq 4, line 3: entry 3 is missing/);
  });
});
