// Large files, failed batches and cancel, against the real test Neo4j:
// - a generated call-record CSV (4 MB by default, SCHAKEL_IMPORT_TEST_MB=50 for the full size; the 50 MB
//   figure is documented by `npm run bench -- --only import`,
//   because a 50 MB import on a loaded 2-core test machine does not fit a test's time budget) imports
//   with flat memory and the right aggregate counts;
// - a batch that Neo4j refuses rolls back completely, the summary names the row to resume from, and
//   resuming finishes the import without duplicates;
// - cancelling stops between batches and also says where to resume.
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../graph-queries/migrations';
import { formatSummary, runImport, type ImportProgress } from '../../import';
import { recordId } from '../../import/record-ids';
import { writeSyntheticCallRecords } from '../../import/synthetic-call-records';
import { createTestDriver } from '../setup/neo4j';
import { countCase, readRows, specFor, tempDir } from './import-helpers';

let driver: Driver;
const dir = tempDir('import-large');
const LARGE_FILE_MB = Number(process.env.SCHAKEL_IMPORT_TEST_MB ?? 4);

beforeAll(async () => {
  driver = createTestDriver();
  await applyMigrations(driver);
});

afterAll(async () => {
  await driver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a large call-record file', () => {
  it(
    `imports ${LARGE_FILE_MB} MB of call records with flat memory and exact call counts`,
    async () => {
      const file = path.join(dir, 'retroactieve-telefonie.csv');
      const generated = await writeSyntheticCallRecords(file, { targetBytes: LARGE_FILE_MB * 1024 * 1024, phones: 1_000 });
      const spec = specFor('call-records', { aNumber: 'A-nummer', bNumber: 'B-nummer', time: 'Datum/tijd', duration: 'Duur' }, { options: { batchSize: 5_000 } });
      let peakHeap = 0;
      const summary = await runImport({
        spec,
        file,
        db: { driver },
        onProgress: () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)),
      });
      expect(summary).toMatchObject({ status: 'completed', rowsRead: generated.rows, rowsImported: generated.rows, rowsRejected: 0 });
      const [totals] = await readRows(
        driver,
        'MATCH (:Phone {caseId: $caseId})-[c:CALLED]->() RETURN count(c) AS pairs, sum(c.count) AS calls',
        { caseId: spec.case.id },
      );
      expect(totals).toEqual({ pairs: generated.pairs, calls: generated.rows });
      const counts = await countCase(driver, spec.case.id);
      expect(counts.byLabel).toEqual({ Case: 1, Source: 1, Phone: generated.phones });
      // Streaming: the heap holds batches and per-pair totals, not the file.
      expect(peakHeap).toBeLessThan(400 * 1024 * 1024);
    },
    180_000,
  );
});

describe('a batch Neo4j refuses', () => {
  const ROWS = 1_000;
  const BATCH = 100;
  const header = 'Naam;Voornaam;Geboortedatum\n';
  // Letters only: a person without a national number is known by name and date of birth, and names fold digits away.
  const letter = (n: number) => String.fromCharCode(97 + (n % 26));
  const surname = (i: number) => `Jansen-${letter(i)}${letter(Math.floor(i / 26))}${letter(Math.floor(i / 676))}`;
  const body = Array.from({ length: ROWS }, (_, i) => `${surname(i)};Piet;${String((i % 28) + 1).padStart(2, '0')}-03-19${50 + Math.floor(i / 676)}\n`).join('');

  it('rolls back the whole batch, says where to resume, and resuming completes without duplicates', async () => {
    const file = path.join(dir, 'brp-personen.csv');
    fs.writeFileSync(file, header + body);
    const spec = specFor('person-register', { person: { familyName: 'Naam', givenName: 'Voornaam', dateOfBirth: 'Geboortedatum' } }, { options: { batchSize: BATCH } });
    // A Source with the id row 451's provenance record will get, but without :Entity: the MERGE creates a
    // second node with that id and the unique constraint refuses the transaction of rows 402–501.
    const blockerId = recordId({ caseId: spec.case.id, fileName: 'brp-personen.csv' }, 'Source', 'row:451', 'NL');
    await driver.executeQuery('CREATE (:Source {id: $id, blocker: true})', { id: blockerId });

    const progress: ImportProgress[] = [];
    const failed = await runImport({ spec, file, db: { driver }, onProgress: (p) => progress.push(p) });
    expect(failed.status).toBe('failed');
    expect(failed.resumeFromRow).toBe(402);
    // Only committed rows count: 400 rows (2–401) are in the database, whatever was read after them.
    expect(failed.rowsImported).toBe(400);
    expect(formatSummary(failed)).toMatch(/Rows imported: +400\n/);
    const last = progress.at(-1)!;
    expect(last).toMatchObject({ phase: 'done', rowsWritten: 400 });
    expect(last.fraction).toBeGreaterThan(0);
    expect(last.fraction).toBeLessThanOrEqual(400 / last.rowsRead);
    expect(progress.every((p) => p.fraction < 1)).toBe(true);
    expect(failed.error?.message).toMatch(/Neo4j refused a batch/);
    const [{ persons, lastRow }] = await readRows(
      driver,
      'MATCH (p:Person {caseId: $caseId})-[:RECORDED_IN]->(s:Source) RETURN count(p) AS persons, max(s.row) AS lastRow',
      { caseId: spec.case.id },
    );
    expect({ persons, lastRow }).toEqual({ persons: 400, lastRow: 401 }); // nothing of the failed batch

    await driver.executeQuery('MATCH (s:Source {id: $id, blocker: true}) DELETE s', { id: blockerId });
    const resumed = await runImport({ spec, file, db: { driver }, fromRow: failed.resumeFromRow });
    expect(resumed).toMatchObject({ status: 'completed', rowsSkipped: 400, rowsImported: ROWS });
    const afterResume = await countCase(driver, spec.case.id);
    expect(afterResume.byLabel).toEqual({ Case: 1, Source: ROWS, Person: ROWS });

    const again = await runImport({ spec, file, db: { driver } });
    expect(again).toMatchObject({ status: 'completed', nodesCreated: 0, linksCreated: 0 });
    expect(await countCase(driver, spec.case.id)).toEqual(afterResume);
  });

  it('cancels between batches and says where to resume', async () => {
    const file = path.join(dir, 'brp-cancel.csv');
    fs.writeFileSync(file, header + body);
    const spec = specFor('person-register', { person: { familyName: 'Naam', givenName: 'Voornaam' } }, { options: { batchSize: BATCH } });
    const cancel = new AbortController();
    const cancelled = await runImport({ spec, file, db: { driver }, signal: cancel.signal, onProgress: () => cancel.abort() });
    expect(cancelled.status).toBe('cancelled');
    const [{ persons }] = await readRows(driver, 'MATCH (p:Person {caseId: $caseId}) RETURN count(p) AS persons', { caseId: spec.case.id });
    expect(persons).toBeGreaterThan(0);
    expect(persons).toBeLessThan(ROWS);
    expect(cancelled.resumeFromRow).toBe((persons as number) + 2); // header is row 1

    const resumed = await runImport({ spec, file, db: { driver }, fromRow: cancelled.resumeFromRow });
    expect(resumed.status).toBe('completed');
    expect((await countCase(driver, spec.case.id)).byLabel).toEqual({ Case: 1, Source: ROWS, Person: ROWS });
  });
});
