// Import throughput: the same call-record CSV through Schakel's importer (parse, normalise, validate, count
// calls per pair, batched idempotent MERGE transactions) and through Neo4j's own LOAD CSV with MERGE,
// each into an empty database on the same managed instance. Both build the same graph: a Phone per number
// and one CALLED {count, from, until, durationSeconds} per (A, B) pair.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import neo4j, { type Driver } from 'neo4j-driver';
import { applyMigrations } from '../../graph-queries/migrations';
import { parseImportSpec, runImport } from '../../import/index';
import { instancePaths } from '../../local-neo4j/paths';
import { openScratchDatabase } from '../bench-database';
import { CALL_RECORD_COLUMNS, ensureCallRecordsCsv } from '../call-records-csv';
import type { BenchmarkResult, Figure } from '../report';
import { round } from '../stats';
import type { SuiteContext } from './context';

async function emptyDatabase(driver: Driver): Promise<void> {
  // Relationships first, then nodes, each in small transactions: DETACH DELETE of a few thousand phones
  // with hundreds of calls each would exceed the transaction memory limit of a 1 GB heap.
  const session = driver.session();
  try {
    await session.run('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    await session.run('MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
  }
}

async function graphShape(driver: Driver): Promise<{ phones: number; calledLinks: number; calls: number }> {
  const { records } = await driver.executeQuery(
    `CALL () { MATCH (p:Phone) RETURN count(p) AS phones }
     CALL () { MATCH ()-[r:CALLED]->() RETURN count(r) AS links, sum(r.count) AS calls }
     RETURN phones, links, calls`,
  );
  const value = (key: string) => neo4j.integer.toNumber(records[0].get(key) ?? 0);
  return { phones: value('phones'), calledLinks: value('links'), calls: value('calls') };
}

/**
 * The URL under which this Neo4j's LOAD CSV reads `file`: an absolute file URL where the import directory
 * is not confined (the embedded launcher), else the name relative to the server's import directory.
 */
async function loadCsvUrl(driver: Driver, file: string): Promise<string> {
  const candidates = [pathToFileURL(file).href, `file:///${path.basename(file)}`];
  for (const url of candidates) {
    try {
      await driver.executeQuery("LOAD CSV FROM $url AS row FIELDTERMINATOR ';' WITH row LIMIT 1 RETURN count(row) AS n", { url });
      return url;
    } catch {
      // try the next form
    }
  }
  throw new Error(
    `Neo4j's LOAD CSV cannot read ${file} (tried ${candidates.join(' and ')}). ` +
      'Check dbms.security.allow_csv_import_from_file_urls and server.directories.import on the benchmark instance.',
  );
}

/** LOAD CSV the way the Neo4j documentation teaches it: MERGE per row, in transactions of 10,000 rows. */
const LOAD_CSV = `
LOAD CSV WITH HEADERS FROM $url AS row FIELDTERMINATOR ';'
CALL (row) {
  WITH row, datetime({datetime: localdatetime(replace(row.\`${CALL_RECORD_COLUMNS.time}\`, ' ', 'T')), timezone: 'Europe/Amsterdam'}) AS at,
       toInteger(row.\`${CALL_RECORD_COLUMNS.duration}\`) AS seconds
  MERGE (a:Entity {id: 'PH-' + row.\`${CALL_RECORD_COLUMNS.aNumber}\`}) ON CREATE SET a:Phone, a.e164 = row.\`${CALL_RECORD_COLUMNS.aNumber}\`, a.label = row.\`${CALL_RECORD_COLUMNS.aNumber}\`
  MERGE (b:Entity {id: 'PH-' + row.\`${CALL_RECORD_COLUMNS.bNumber}\`}) ON CREATE SET b:Phone, b.e164 = row.\`${CALL_RECORD_COLUMNS.bNumber}\`, b.label = row.\`${CALL_RECORD_COLUMNS.bNumber}\`
  MERGE (a)-[r:CALLED]->(b)
    ON CREATE SET r.count = 1, r.from = at, r.until = at, r.durationSeconds = seconds
    ON MATCH SET r.count = r.count + 1,
                 r.from = CASE WHEN at < r.from THEN at ELSE r.from END,
                 r.until = CASE WHEN at > r.until THEN at ELSE r.until END,
                 r.durationSeconds = r.durationSeconds + seconds
} IN TRANSACTIONS OF 10000 ROWS`;

export async function importBenchmark(ctx: SuiteContext): Promise<BenchmarkResult> {
  const rows = ctx.quick ? 20_000 : 1_000_000;
  // One run per side: a million rows take minutes, and each side starts from an emptied database.
  const repetitions = 1;
  const scratch = await openScratchDatabase(ctx.dataRoot, ctx.port === undefined ? undefined : ctx.port + 1, ctx.log);
  try {
    // The file goes where a Neo4j server's LOAD CSV looks (<home>/import); the embedded launcher also
    // accepts an absolute file URL, which loadCsvUrl tries first.
    const importDir = path.join(instancePaths(scratch.dataDir).home, 'import');
    ctx.log(`Writing ${rows.toLocaleString('en')} call records (first run only)…`);
    const csv = await ensureCallRecordsCsv(importDir, rows);
    await applyMigrations(scratch.driver);
    const csvUrl = await loadCsvUrl(scratch.driver, csv.file);
    const spec = parseImportSpec({
      name: 'bench call records',
      kind: 'call-records',
      case: { id: 'CASE-NL-BENCH-IMPORT', reference: 'BENCH-IMPORT', country: 'NL', agency: 'Benchmark' },
      options: { timeZone: 'Europe/Amsterdam', phoneCountry: 'case' },
      columns: CALL_RECORD_COLUMNS,
    });

    const schakelSeconds: number[] = [];
    const baselineSeconds: number[] = [];
    let schakelShape = { phones: 0, calledLinks: 0, calls: 0 };
    let baselineShape = { phones: 0, calledLinks: 0, calls: 0 };
    let importSummary: Record<string, unknown> = {};
    for (let i = 0; i < repetitions; i++) {
      await emptyDatabase(scratch.driver);
      ctx.log(`  Schakel importer, ${rows.toLocaleString('en')} rows…`);
      let started = performance.now();
      const summary = await runImport({ spec, file: csv.file, db: { driver: scratch.driver }, rejectsPath: `${csv.file}.rejects.csv` });
      schakelSeconds.push((performance.now() - started) / 1000);
      if (summary.status !== 'completed') throw new Error(`Schakel's import ended ${summary.status}: ${summary.error?.message ?? 'no reason given'}`);
      importSummary = { rowsImported: summary.rowsImported, rowsRejected: summary.rowsRejected, nodesCreated: summary.nodesCreated, linksCreated: summary.linksCreated };
      schakelShape = await graphShape(scratch.driver);

      await emptyDatabase(scratch.driver);
      ctx.log(`  LOAD CSV, ${rows.toLocaleString('en')} rows…`);
      started = performance.now();
      const session = scratch.driver.session();
      try {
        await session.run(LOAD_CSV, { url: csvUrl });
      } finally {
        await session.close();
      }
      baselineSeconds.push((performance.now() - started) / 1000);
      baselineShape = await graphShape(scratch.driver);
    }
    fs.rmSync(`${csv.file}.rejects.csv`, { force: true });
    const rate = (seconds: number[]) => round(rows / (seconds.reduce((a, b) => a + b, 0) / seconds.length), 0);
    const schakel: Figure = {
      description: 'runImport (call-records spec): parse, normalise numbers, validate, count calls per pair, batched idempotent MERGE',
      throughput: rate(schakelSeconds),
      details: { seconds: schakelSeconds.map((s) => round(s, 1)), graph: schakelShape, summary: importSummary },
    };
    const baseline: Figure = {
      description: "Neo4j LOAD CSV WITH HEADERS + MERGE per row, CALL { } IN TRANSACTIONS OF 10000 ROWS, same uniqueness constraint",
      throughput: rate(baselineSeconds),
      details: { seconds: baselineSeconds.map((s) => round(s, 1)), graph: baselineShape },
    };
    const notes: string[] = [];
    if (schakelShape.phones !== baselineShape.phones || schakelShape.calledLinks !== baselineShape.calledLinks || schakelShape.calls !== baselineShape.calls) {
      notes.push('The two sides did not build identical graphs; compare details.graph before reading the ratio.');
    }
    return {
      name: `import: ${rows.toLocaleString('en')} call records`,
      group: 'import',
      parameters: { rows, bytes: csv.bytes, distinctNumbers: csv.phones, emptyDatabaseBeforeEachSide: true },
      unit: 'rows/s',
      warmup: 0,
      repetitions,
      schakel,
      baseline,
      ratio: round(schakel.throughput! / baseline.throughput!, 3),
      ratioMeaning: 'Schakel rows/s / LOAD CSV rows/s (higher is better; ≥ 1 means Schakel loads faster)',
      aim: '≥ 1.0',
      notes,
    };
  } finally {
    await scratch.stop();
  }
}
