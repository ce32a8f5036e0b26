// Nothing lost: the database stops in the middle of a session, the analyst keeps annotating, the database
// comes back — every annotation reaches Neo4j with its original author and time, and the audit entries
// written to the local journal meanwhile join the same chain in Neo4j. Uses its OWN local Neo4j (a temp
// data dir), because it stops and restarts it.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { verifyDatabaseChain } from '../../backend/audit/verify';
import { auditDir, JOURNAL_FILE_NAME } from '../../backend/audit/journal';
import { auditKeyFile, AuditKeyring, readAuditKey } from '../../backend/audit/keys';
import { createDriver } from '../../graph-queries/driver';
import { startLocalNeo4j, stopLocalNeo4j } from '../../local-neo4j/manager';
import { findFreePort } from '../../local-neo4j/process-utils';
import { tempDataDir } from '../setup/temp-data-dir';
import { call } from './annotations-support';
import type { AnalystLinkRecord } from '../../contract/annotations';

const neo4jDir = tempDataDir('schakel-offline-neo4j-');
const appDir = tempDataDir('schakel-offline-app-');
let port: number;
let uri: string;
let workbench: Workbench;

const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 90_000, interval: 500 });

async function withDriver<T>(use: (driver: ReturnType<typeof createDriver>) => Promise<T>): Promise<T> {
  const driver = createDriver({ uri });
  try {
    return await use(driver);
  } finally {
    await driver.close();
  }
}

beforeAll(async () => {
  port = await findFreePort();
  uri = (await startLocalNeo4j({ dataDir: neo4jDir, port })).boltUri!;
  workbench = createWorkbench({ neo4j: { uri }, log: () => undefined, localDataDir: appDir, identity: { name: 'Offline Olga' } });
  await workbench.start();
  await withDriver((driver) =>
    driver.executeQuery(`UNWIND ['P-OFF-1', 'P-OFF-2', 'P-OFF-3'] AS id MERGE (p:Entity {id: id}) SET p:Person, p.label = 'Person ' + id`),
  );
}, 240_000);

afterAll(async () => {
  await workbench?.shutdown();
  await stopLocalNeo4j({ dataDir: neo4jDir });
  fs.rmSync(neo4jDir, { recursive: true, force: true });
  fs.rmSync(appDir, { recursive: true, force: true });
}, 120_000);

describe('offline journal', () => {
  it('keeps annotations and audit entries made while Neo4j is down, and writes them when it is back', async () => {
    const online = (await call(workbench, 'createAnalystLink', { fromId: 'P-OFF-1', toId: 'P-OFF-2', status: 'hypothesis', sourceReliability: 'B', informationReliability: '2', handling: 'H0' }))
      .annotation as AnalystLinkRecord;

    await stopLocalNeo4j({ dataDir: neo4jDir });

    const created = await call(workbench, 'createAnalystLink', { fromId: 'P-OFF-2', toId: 'P-OFF-3', status: 'associate', note: 'made offline', sourceReliability: 'A', informationReliability: '1', handling: 'H2' });
    expect(created).toMatchObject({ pending: true, annotation: { kind: 'link', createdBy: 'Offline Olga' }, link: { type: 'ANALYST_LINK', source: 'P-OFF-2', target: 'P-OFF-3' } });
    expect(created.message).toMatch(/kept on this computer/);
    const noted = await call(workbench, 'addNote', { targetId: 'P-OFF-1', targetKind: 'entity', text: 'Note written offline' });
    expect(noted.pending).toBe(true);
    const updated = await call(workbench, 'updateAnnotation', { id: online.id, expectedVersion: 1, changes: { status: 'confirmed' } });
    expect(updated.pending).toBe(true);
    // A grading outside the scheme is refused at once, offline too.
    await expect(call(workbench, 'addNote', { targetId: 'P-OFF-1', targetKind: 'entity', text: 'x', handling: 'P' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const waiting = await call(workbench, 'getPendingWrites', {});
    expect(waiting.pending.map((w) => w.operation)).toEqual(['createAnalystLink', 'addNote', 'updateAnnotation']);
    expect(waiting.pending.every((w) => w.by === 'Offline Olga')).toBe(true);
    const journal = path.join(auditDir(appDir), JOURNAL_FILE_NAME);
    const journaled = fs.readFileSync(journal, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { operation: string });
    expect(journaled.map((e) => e.operation)).toEqual(expect.arrayContaining(['createAnalystLink', 'addNote', 'updateAnnotation']));

    await startLocalNeo4j({ dataDir: neo4jDir, port });

    // The workbench notices by itself (periodic retry): no user action needed.
    await eventually(async () => (await call(workbench, 'getPendingWrites', {})).pending.length).toBe(0);
    await eventually(async () => (await call(workbench, 'listAuditEntries', { limit: 1 })).journalPending).toBe(0);

    const stored = await withDriver(async (driver) => {
      const { records } = await driver.executeQuery(
        `MATCH (a)-[r:ANALYST_LINK]->(b) RETURN r.id AS id, a.id AS a, b.id AS b, r.status AS status, r.version AS version, r.createdBy AS by, r.note AS note ORDER BY a`,
      );
      return records.map((r) => ({ id: r.get('id'), a: r.get('a'), b: r.get('b'), status: r.get('status'), version: Number(r.get('version')), by: r.get('by'), note: r.get('note') }));
    });
    expect(stored).toEqual([
      { id: online.id, a: 'P-OFF-1', b: 'P-OFF-2', status: 'confirmed', version: 2, by: 'Offline Olga', note: '' },
      { id: created.annotation!.id, a: 'P-OFF-2', b: 'P-OFF-3', status: 'associate', version: 1, by: 'Offline Olga', note: 'made offline' },
    ]);
    const notes = await call(workbench, 'listAnnotations', { targetId: 'P-OFF-1' });
    expect(notes.notes.map((n) => [n.text, n.createdBy])).toEqual([['Note written offline', 'Offline Olga']]);
    // Stamped with when the analyst made it, not when it was replayed.
    expect(notes.notes[0].createdAt).toBe(waiting.pending[1].queuedAt);
    expect((await call(workbench, 'getPendingWrites', {})).notSaved).toEqual([]);

    // The audit entries from the journal are in Neo4j, in one intact chain.
    const audit = await call(workbench, 'listAuditEntries', { user: 'Offline Olga' });
    expect(audit.journalPending).toBe(0);
    const offlineOps = audit.entries.filter((e) => e.details?.pendingLocally === true).map((e) => e.operation);
    expect(offlineOps.sort()).toEqual(['addNote', 'createAnalystLink', 'updateAnnotation']);
    const keyring = new AuditKeyring([readAuditKey(auditKeyFile(appDir, {}))]);
    const verdict = await withDriver((driver) => verifyDatabaseChain({ driver }, keyring));
    expect(verdict).toMatchObject({ chain: { intact: true }, problems: [] });
    // The shipped journal stays on disk as local evidence.
    const kept = fs.readFileSync(journal, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { operation: string });
    expect(kept.map((e) => e.operation)).toEqual(expect.arrayContaining(['createAnalystLink', 'addNote', 'updateAnnotation']));
  }, 300_000);

  it('tells exactly what could not be saved when a colleague changed the same link meanwhile', async () => {
    const link = (await call(workbench, 'createAnalystLink', { fromId: 'P-OFF-1', toId: 'P-OFF-3', status: 'hypothesis', sourceReliability: 'C', informationReliability: '4', handling: 'H0' }))
      .annotation as AnalystLinkRecord;
    await stopLocalNeo4j({ dataDir: neo4jDir });
    expect((await call(workbench, 'updateAnnotation', { id: link.id, expectedVersion: 1, changes: { status: 'confirmed' } })).pending).toBe(true);
    await startLocalNeo4j({ dataDir: neo4jDir, port });
    // A colleague saves first, straight into the database.
    await withDriver((driver) => driver.executeQuery(`MATCH ()-[r:ANALYST_LINK {id: $id}]->() SET r.version = 2, r.status = 'associate', r.updatedBy = 'Colleague'`, { id: link.id }));

    await eventually(async () => (await call(workbench, 'getPendingWrites', {})).notSaved.length).toBe(1);
    const { notSaved, pending } = await call(workbench, 'getPendingWrites', {});
    expect(pending).toEqual([]);
    expect(notSaved[0]).toMatchObject({ operation: 'updateAnnotation', by: 'Offline Olga' });
    expect(notSaved[0].summary).toContain(link.id);
    expect(notSaved[0].reason).toMatch(/Colleague changed this analyst link/);
  }, 300_000);
});
