// Import benchmark: `npx tsx import/benchmark.ts [--mb 50] [--out FILE.json]`.
// Generates a call-record CSV of the given size (numbers written in mixed Dutch/Belgian styles, times in
// three formats), then measures on the same machine and database:
//   1. a dry run (read, decode, parse, normalise; no database),
//   2. the import into a fresh case,
//   3. the same import again (idempotent: must create nothing),
//   4. Neo4j's own LOAD CSV on the same rows (when the database shares this file system), as the baseline
//      the import is compared with.
// Connects like `npm run import` (NEO4J_URI, else the managed local Neo4j). Prints a table and, with --out,
// JSON. Use a scratch database: it writes a benchmark case (dataset 'benchmark').
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { deleteLoadCsvBaseline, loadCsvBaseline } from '../graph-queries/import-writes';
import { applyMigrations } from '../graph-queries/migrations';
import { runImport, type ImportSummary } from './engine';
import { connectForImport } from './neo4j-connection';
import { parseImportSpec } from './spec';
import { SYNTHETIC_HEADER, writeSyntheticCallRecords } from './synthetic-call-records';

interface Measurement {
  seconds: number;
  rowsPerSecond: number;
  megabytesPerSecond: number;
}

function measure(seconds: number, rows: number, bytes: number): Measurement {
  return { seconds: round(seconds), rowsPerSecond: Math.round(rows / seconds), megabytesPerSecond: round(bytes / 1024 / 1024 / seconds) };
}

const round = (value: number) => Math.round(value * 100) / 100;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakHeapMb: number }> {
  let peak = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 200);
  const started = performance.now();
  try {
    const result = await work();
    return { result, seconds: (performance.now() - started) / 1000, peakHeapMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(sampler);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { mb: { type: 'string', default: '50' }, out: { type: 'string' }, phones: { type: 'string', default: '4000' } } });
  const megabytes = Number(values.mb);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-import-bench-'));
  const file = path.join(dir, 'benchmark-calls.csv');
  try {
    console.error(`Writing a ${megabytes} MB call-record file…`);
    const generated = await writeSyntheticCallRecords(file, { targetBytes: megabytes * 1024 * 1024, phones: Number(values.phones) });
    const [aColumn, bColumn] = SYNTHETIC_HEADER.split(';');
    const spec = parseImportSpec({
      name: 'benchmark call records',
      kind: 'call-records',
      dataset: 'benchmark',
      case: { id: `CASE-NL-BENCH-${Date.now()}`, reference: 'BENCHMARK', country: 'NL', agency: 'benchmark' },
      options: { batchSize: 5000 },
      columns: { aNumber: aColumn, bNumber: bColumn, time: 'Datum/tijd', duration: 'Duur' },
    });

    console.error('Dry run (no database)…');
    const dry = await timed(() => runImport({ spec, file, dryRun: true }));
    console.error(`  dry run: ${round(dry.seconds)} s`);

    const connection = await connectForImport({ onProgress: (line) => console.error(line) });
    const db = { driver: connection.driver };
    try {
      await applyMigrations(connection.driver);
      console.error(`Importing into ${connection.uri}…`);
      const first = await timed(() => runImport({ spec, file, db }));
      console.error(`  import: ${round(first.seconds)} s`);
      console.error('Importing the same file again…');
      const again = await timed(() => runImport({ spec, file, db }));
      console.error(`  re-import: ${round(again.seconds)} s`);
      let baseline: { seconds: number } | null = null;
      let baselineProblem: string | null = connection.local ? null : 'the database does not share this file system';
      if (connection.local) {
        console.error('Baseline: Neo4j LOAD CSV on the same rows…');
        try {
          baseline = await timed(() => loadCsvBaseline(db, `file://${file}`, { a: aColumn, b: bColumn, delimiter: ';' }));
        } catch (error) {
          baselineProblem = String((error as Error).message ?? error).split('\n')[0];
        } finally {
          await deleteLoadCsvBaseline(db);
        }
      }
      const report = {
        file: { megabytes: round(generated.bytes / 1024 / 1024), rows: generated.rows, phones: generated.phones, pairs: generated.pairs },
        dryRun: { ...measure(dry.seconds, generated.rows, generated.bytes), peakHeapMb: dry.peakHeapMb },
        import: { ...measure(first.seconds, generated.rows, generated.bytes), peakHeapMb: first.peakHeapMb, ...counts(first.result) },
        reimport: { ...measure(again.seconds, generated.rows, generated.bytes), ...counts(again.result) },
        loadCsvBaseline: baseline ? measure(baseline.seconds, generated.rows, generated.bytes) : null,
        loadCsvBaselineProblem: baselineProblem,
        importVsLoadCsv: baseline ? round(first.seconds / baseline.seconds) : null,
        machine: { cpus: os.cpus().length, loadAverage: os.loadavg().map(round), node: process.version, uri: connection.uri },
      };
      printReport(report);
      if (values.out) fs.writeFileSync(values.out, `${JSON.stringify(report, null, 2)}\n`);
    } finally {
      await connection.driver.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function counts(summary: ImportSummary) {
  return { status: summary.status, nodesCreated: summary.nodesCreated, linksCreated: summary.linksCreated, rowsRejected: summary.rowsRejected };
}

function printReport(report: Record<string, unknown>): void {
  const r = report as {
    file: { megabytes: number; rows: number; pairs: number };
    dryRun: Measurement & { peakHeapMb: number };
    import: Measurement & { peakHeapMb: number; nodesCreated: number; linksCreated: number };
    reimport: Measurement & { nodesCreated: number; linksCreated: number };
    loadCsvBaseline: Measurement | null;
    loadCsvBaselineProblem: string | null;
    importVsLoadCsv: number | null;
  };
  console.log(`File: ${r.file.megabytes} MB, ${r.file.rows.toLocaleString('en')} rows, ${r.file.pairs.toLocaleString('en')} calling pairs`);
  console.log(`Dry run:   ${r.dryRun.seconds} s  (${r.dryRun.rowsPerSecond.toLocaleString('en')} rows/s, peak heap ${r.dryRun.peakHeapMb} MB)`);
  console.log(`Import:    ${r.import.seconds} s  (${r.import.rowsPerSecond.toLocaleString('en')} rows/s, peak heap ${r.import.peakHeapMb} MB; created ${r.import.nodesCreated} records, ${r.import.linksCreated} links)`);
  console.log(`Re-import: ${r.reimport.seconds} s  (created ${r.reimport.nodesCreated} records, ${r.reimport.linksCreated} links)`);
  if (r.loadCsvBaseline) console.log(`LOAD CSV:  ${r.loadCsvBaseline.seconds} s  → import takes ${r.importVsLoadCsv}× LOAD CSV's time`);
  else console.log(`LOAD CSV baseline not measured: ${r.loadCsvBaselineProblem}.`);
}

try {
  await main();
} catch (error) {
  console.error(`Error: ${(error as Error).message?.split('\n')[0] ?? error}`);
  process.exitCode = 1;
}
