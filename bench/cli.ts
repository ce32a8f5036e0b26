// `npm run bench -- --out FILE.json [--scale N] [--quick]`: runs every benchmark with warm-up and repetitions
// against its baseline in the same run, prints a table and writes the JSON (see report.ts for its shape).
// A benchmark that fails is recorded as skipped with the reason, so one broken piece never hides the rest;
// the exit code is 1 when any did.
import { createWorkbench, type Workbench } from '../backend/workbench';
import { LocalNeo4jError } from '../local-neo4j/manager';
import { benchWorkbenchDir, openBenchDatabase, type BenchDatabase } from './bench-database';
import { BENCH_USAGE, BenchUsageError, parseBenchArgs, type BenchArgs, type BenchGroup } from './cli-args';
import { describeMachine, neo4jVersion } from './machine';
import { FAILED_PREFIX, formatTable, RESULT_SCHEMA_VERSION, writeRun, type BenchmarkResult, type BenchRun } from './report';
import { bigChartBenchmarks } from './suites/big-chart';
import { chartRenderBenchmarks, layoutBenchmarks } from './suites/chart';
import type { SuiteContext } from './suites/context';
import { importBenchmark } from './suites/import';
import { expandBenchmarks, pathsBenchmark, searchBenchmarks } from './suites/queries';
import { concurrencyBenchmarks } from './suites/concurrency';
import { resolutionBenchmark } from './suites/resolution';
import { appStartupBenchmark, dbStartupBenchmark } from './suites/startup';
import { createDriver } from '../graph-queries/driver';

const log = (line: string) => console.error(`[bench] ${line}`);



async function guardedRun(group: BenchGroup, name: string, results: BenchmarkResult[], task: () => Promise<BenchmarkResult | BenchmarkResult[]>): Promise<void> {
  log(`Running ${name}…`);
  try {
    const produced = await task();
    for (const result of Array.isArray(produced) ? produced : [produced]) {
      results.push(result);
      if (!result.skipped) log(`  ${result.name}: done${result.ratio === undefined ? '' : ` (ratio ${result.ratio})`}`);
      else log(`  ${result.name}: skipped (${result.skipped})`);
    }
  } catch (error) {
    const message = error instanceof LocalNeo4jError ? `${error.message} ${error.hint}` : (error as Error).message ?? String(error);
    log(`  ${name} failed: ${message}`);
    results.push({ name, group, parameters: {}, unit: '', warmup: 0, repetitions: 0, skipped: `${FAILED_PREFIX}${message.split('\n')[0].slice(0, 400)}` });
  }
}

export async function runBenchmarks(args: BenchArgs, onPartial?: (run: BenchRun) => void): Promise<BenchRun> {
  const startedAt = new Date().toISOString();
  const machine = describeMachine();
  const notes: string[] = [];
  // Free text about the circumstances of the run (e.g. "other builds ran meanwhile"), kept in the JSON.
  if (process.env.SCHAKEL_BENCH_NOTE?.trim()) notes.push(process.env.SCHAKEL_BENCH_NOTE.trim());
  if (machine.loadAverageAtStart[0] > machine.cpus * 0.5) {
    notes.push(
      `The machine was busy when the run started (1-minute load ${machine.loadAverageAtStart[0]} on ${machine.cpus} cores): ` +
        'other work competed for CPU, so absolute figures are pessimistic; ratios are measured interleaved and hold better.',
    );
  }
  const ctx: SuiteContext = {
    quick: args.quick,
    scale: args.scale,
    log,
    // A full run measures the steady state of a long session: Neo4j has just started, and its JIT compiles a
    // query shape only after it has run many times, sooner for the simpler bare query than for Schakel's.
    queryPlan: args.quick ? { warmup: 3, repetitions: 10 } : { warmup: 100, repetitions: 200 },
    dataRoot: args.dataRoot,
    port: args.port,
    notes,
  };
  const wants = (group: BenchGroup) => args.groups.includes(group);
  const results: BenchmarkResult[] = [];
  const snapshot = (): BenchRun => ({ schemaVersion: RESULT_SCHEMA_VERSION, mode: args.quick ? 'quick' : 'full', scale: args.scale, startedAt, finishedAt: new Date().toISOString(), machine, notes, benchmarks: results });
  // Written after every benchmark, so a run cut short (a long full run on a busy machine) keeps what it measured.
  const guarded = async (...guardArgs: Parameters<typeof guardedRun>) => {
    await guardedRun(...guardArgs);
    onPartial?.({ ...snapshot(), notes: [...notes, 'Partial results: the run was still going when this was written.'] });
  };

  const needsDatabase = (['startup', 'search', 'expand', 'paths', 'concurrency', 'chart'] as const).some(wants);
  let db: BenchDatabase | undefined;
  let workbench: Workbench | undefined;
  try {
    if (needsDatabase) {
      log(`Opening the benchmark database (scale ${args.scale})…`);
      db = await openBenchDatabase({ dataRoot: args.dataRoot, scale: args.scale, port: args.port, log });
      if (db.seededSeconds !== undefined) notes.push(`Seeded demo data at scale ${args.scale} in this run (${db.seededSeconds} s).`);
      notes.push(`Benchmark database: ${db.counts.entities.toLocaleString('en')} entities, ${db.counts.relationships.toLocaleString('en')} relationships.`);
      machine.neo4j = await neo4jVersion(db.driver);

      if (wants('startup')) {
        const database = db;
        await guarded('startup', 'startup: db:start → first query answered', results, async () => {
          const { result, uri } = await dbStartupBenchmark(ctx, database);
          if (uri) {
            database.uri = uri;
            database.driver = createDriver({ uri });
          }
          return result;
        });
      }
      workbench = createWorkbench({ neo4j: { uri: db.uri }, localDataDir: benchWorkbenchDir(args.dataRoot), log: () => undefined });
      await workbench.start();
      const [database, handlers] = [db, workbench];
      if (wants('search')) await guarded('search', 'search', results, () => searchBenchmarks(ctx, handlers, database.driver, database.counts.entities));
      if (wants('expand')) await guarded('expand', 'expand', results, () => expandBenchmarks(ctx, handlers, database.driver, database.counts.entities));
      if (wants('paths')) await guarded('paths', 'paths', results, () => pathsBenchmark(ctx, handlers, database.driver, database.counts.entities));
      if (wants('concurrency')) await guarded('concurrency', 'concurrent clients', results, () => concurrencyBenchmarks(ctx, handlers, database.driver, database.counts.entities));
      if (wants('startup')) await guarded('startup', 'startup: app launch → interactive search', results, () => appStartupBenchmark(ctx, database.uri, 'jan'));
    }
    if (wants('entity-resolution')) await guarded('entity-resolution', 'entity resolution', results, () => resolutionBenchmark(ctx));
    if (wants('import')) await guarded('import', 'import: call records', results, () => importBenchmark(ctx));
    if (wants('chart')) await guarded('chart', 'chart render', results, () => chartRenderBenchmarks(ctx, db));
    if (wants('big-chart')) await guarded('big-chart', 'big chart render', results, () => bigChartBenchmarks(ctx));
    if (wants('layout')) await guarded('layout', 'layout at scale', results, () => layoutBenchmarks(ctx));
  } finally {
    await workbench?.shutdown().catch(() => undefined);
    await db?.driver.close().catch(() => undefined);
  }
  if (db?.managedDataDir) notes.push(`The managed benchmark database keeps running (data in ${db.managedDataDir}); stop it with npm run db:stop -- --data-dir ${db.managedDataDir}.`);
  return snapshot();
}

async function main(argv: string[]): Promise<number> {
  let args: BenchArgs | 'help';
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    if (error instanceof BenchUsageError) {
      console.error(`${error.message}\n\n${BENCH_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (args === 'help') {
    console.log(BENCH_USAGE);
    return 0;
  }
  const target = args.out;
  const run = await runBenchmarks(args, (partial) => writeRun(target, partial));
  writeRun(args.out, run);
  console.log(formatTable(run.benchmarks));
  console.log(`\nResults written to ${args.out}`);
  const failed = run.benchmarks.filter((b) => b.skipped?.startsWith(FAILED_PREFIX));
  if (failed.length > 0) console.error(`${failed.length} benchmark(s) failed; see "skipped" in the JSON.`);
  return failed.length > 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof LocalNeo4jError ? `${error.message}\n${error.hint}` : (error as Error)?.message ?? String(error);
    console.error(`The benchmark could not run: ${message}`);
    process.exit(1);
  },
);
