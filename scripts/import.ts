// `npm run import -- --spec SPEC.json FILE [--dry-run] [--preview [N]] [--from-row N] [--no-resolve]`: imports a
// CSV, XLSX or network file into Neo4j as the specification describes, prints the summary (rows read /
// created / matched existing / repeated / rejected, the rejects file, where to resume), then runs entity
// resolution so new match candidates reach the review queue. Connects to NEO4J_URI when set, else to the
// managed local Neo4j (started if needed). Ctrl-C cancels between batches and says where to resume.
// Any failure prints one message and a hint and exits non-zero, never a stack trace.
import { ApiError } from '../contract/api';
import { applyMigrations } from '../graph-queries/migrations';
import { IMPORT_USAGE, parseImportArgs, UsageError, type ImportArgs } from '../import/cli-args';
import { describeWriteFailure } from '../import/engine';
import { describeImportError, formatSummary, ImportError, loadImportSpec, previewFile, runImport, type ImportProgress, type ImportSpec } from '../import/index';
import { connectForImport } from '../import/neo4j-connection';
import { describeRejection, type ImportLanguage } from '../import/rejections';
import type { QueryContext } from '../graph-queries/run';
import { LocalNeo4jError } from '../local-neo4j/manager';
import { runResolution } from '../resolution/run-in-database';

async function showPreview(args: ImportArgs, spec: ImportSpec): Promise<void> {
  const preview = await previewFile(args.file, { ...spec.options, rows: args.preview });
  const detected =
    preview.format === 'xlsx'
      ? `XLSX, sheet "${preview.sheet}"`
      : preview.format === 'csv'
        ? `CSV, ${preview.encoding?.toUpperCase()}, delimiter ${preview.delimiter === '\t' ? 'tab' : `"${preview.delimiter}"`}`
        : `${preview.format === 'graphml' ? 'GraphML' : 'GEXF'} network, one row per node and per edge`;
  console.log(`${preview.fileName}: ${detected}, ${preview.totalBytes.toLocaleString('en')} bytes`);
  console.log(`Columns: ${preview.headers.map((h) => `"${h}"`).join(', ')}`);
  for (const row of preview.rows) {
    const problems = row.problems
      .map((problem) => ` [${describeRejection({ ...problem.reason, values: { ...problem.reason.values, column: preview.headers[problem.column] ?? String(problem.column + 1) } }, args.language)}]`)
      .join('');
    console.log(`  row ${row.number}: ${row.cells.join(' | ')}${problems}`);
  }
}

function progressPrinter(): (progress: ImportProgress) => void {
  let lastShown = -1;
  return (progress) => {
    const percent = Math.floor(progress.fraction * 100);
    if (percent === lastShown || (percent % 10 !== 0 && !process.stderr.isTTY)) return;
    lastShown = percent;
    const line = `${percent}%  ${progress.rowsRead.toLocaleString('en')} rows read, ${progress.rowsWritten.toLocaleString('en')} written, ${progress.rowsRejected.toLocaleString('en')} rejected`;
    if (process.stderr.isTTY) process.stderr.write(`\r${line}   ${progress.phase === 'done' ? '\n' : ''}`);
    else console.error(line);
  };
}

async function run(args: ImportArgs): Promise<number> {
  const spec = loadImportSpec(args.spec);
  if (args.preview !== undefined) {
    await showPreview(args, spec);
    return 0;
  }
  const cancel = new AbortController();
  const onInterrupt = () => {
    console.error('\nCancelling after the current batch…');
    cancel.abort();
  };
  process.once('SIGINT', onInterrupt);
  const common = { spec, file: args.file, fromRow: args.fromRow, batchSize: args.batchSize, rejectsPath: args.rejects, language: args.language, signal: cancel.signal, onProgress: progressPrinter() };
  try {
    if (args.dryRun) {
      const summary = await runImport({ ...common, dryRun: true });
      console.log(formatSummary(summary));
      return 0;
    }
    const { driver, uri } = await connectForImport({ dataDir: args.dataDir, onProgress: (line) => console.error(line) });
    try {
      console.error(`Importing into ${uri}${args.database ? ` (database ${args.database})` : ''}…`);
      await driver.verifyConnectivity({ database: args.database });
      await applyMigrations(driver, args.database);
      const db = { driver, database: args.database };
      const summary = await runImport({ ...common, db });
      console.log(formatSummary(summary));
      if (summary.status === 'completed') await resolveAfterImport(db, args.resolve);
      return summary.status === 'completed' ? 0 : summary.status === 'cancelled' ? 130 : 1;
    } finally {
      await driver.close();
    }
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}

/**
 * Entity resolution over the database, as the app runs it after an import, so the new records' match
 * candidates wait in the review queue. The import is complete whatever happens here.
 */
async function resolveAfterImport(db: QueryContext, resolve: boolean): Promise<void> {
  if (!resolve) {
    console.log('Entity resolution was not run (--no-resolve): open Review matches in Schakel and choose "Find matches", or import again without --no-resolve (nothing is duplicated).');
    return;
  }
  console.error('Looking for matches with existing records (entity resolution)…');
  try {
    const result = await runResolution(db);
    console.log(`Entity resolution:  ${result.added.toLocaleString('en')} new match candidates in the review queue (${result.proposed.toLocaleString('en')} pairs above the threshold)`);
  } catch (error) {
    console.log(`Entity resolution failed (${String((error as Error)?.message ?? error).split('\n')[0].slice(0, 200)}); the import is complete. Run "Find matches" in Review matches.`);
  }
}

/** What happened and what to do, for every failure we can name; never a stack trace. */
function describeFailure(error: unknown, language: ImportLanguage | undefined): { message: string; hint: string } {
  // The importer's own errors follow --language, like the rejects file; the command line's frame is English.
  if (error instanceof ImportError) return describeImportError(error, language);
  if (error instanceof UsageError || error instanceof LocalNeo4jError) return { message: error.message, hint: error.hint };
  if (error instanceof ApiError) return { message: error.message, hint: error.hint ?? 'Check NEO4J_URI.' };
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const where = process.env.NEO4J_URI ?? 'the local Neo4j';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return {
      message: `Cannot reach Neo4j at ${where}.`,
      hint: process.env.NEO4J_URI ? 'Check that the server runs and NEO4J_URI is right.' : 'Check "npm run db:status"; start it with "npm run db:start".',
    };
  }
  if (code.startsWith('Neo.ClientError.Security')) {
    return { message: `Neo4j at ${where} refused the user name or password, or this user may not write.`, hint: 'Check NEO4J_USER and NEO4J_PASSWORD.' };
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return { message: 'That Neo4j database does not exist.', hint: 'Check --database, or leave it out to use the default database.' };
  }
  return describeWriteFailure(error);
}

async function main(): Promise<void> {
  let language: ImportLanguage | undefined;
  try {
    const args = parseImportArgs(process.argv.slice(2));
    language = args.language;
    if (args.help) {
      console.log(IMPORT_USAGE);
      return;
    }
    process.exitCode = await run(args);
  } catch (error) {
    const { message, hint } = describeFailure(error, language);
    console.error(`Error: ${message}\nHint: ${hint}`);
    process.exitCode = 1;
  }
}

await main();
