// `npm run import -- --spec SPEC.json FILE [--dry-run] [--preview [N]] [--from-row N] [--no-resolve]`: imports a
// CSV, XLSX or network file into Neo4j as the specification describes, prints the summary (rows read /
// created / matched existing / repeated / rejected, the rejects file, where to resume), then runs entity
// resolution so new match candidates reach the review queue. Connects to NEO4J_URI when set, else to the
// managed local Neo4j (started if needed). Ctrl-C cancels between batches and says where to resume.
// Any failure prints one message and a hint and exits non-zero, never a stack trace.
// Every line it prints is in the language of --language or the environment (import/locales, `commandLine`
// and `summary`), numbers with that language's separators.
import { ApiError } from '../contract/api';
import { applyMigrations } from '../graph-queries/migrations';
import { commandLineText, importUsage, parseImportArgs, requestedLanguage, UsageError, type ImportArgs } from '../import/cli-args';
import { describeWriteFailure } from '../import/engine';
import { describeImportError, formatSummary, ImportError, loadImportSpec, previewFile, runImport, type ImportProgress, type ImportSpec } from '../import/index';
import { connectForImport } from '../import/neo4j-connection';
import { describeRejection, type ImportLanguage } from '../import/rejections';
import { describeFileFormat } from '../import/summary';
import type { QueryContext } from '../graph-queries/run';
import { LocalNeo4jError } from '../local-neo4j/manager';
import { runResolution } from '../resolution/run-in-database';

async function showPreview(args: ImportArgs, spec: ImportSpec): Promise<void> {
  const { language } = args;
  const preview = await previewFile(args.file, { ...spec.options, rows: args.preview });
  const format = describeFileFormat(preview, language);
  const detected = preview.format === 'graphml' || preview.format === 'gexf' ? commandLineText('previewNetwork', { format }, language) : format;
  console.log(commandLineText('previewFile', { file: preview.fileName, detected, bytes: preview.totalBytes }, language));
  console.log(commandLineText('previewColumns', { columns: preview.headers.map((h) => `"${h}"`).join(', ') }, language));
  for (const row of preview.rows) {
    const problems = row.problems
      .map((problem) => ` [${describeRejection({ ...problem.reason, values: { ...problem.reason.values, column: preview.headers[problem.column] ?? String(problem.column + 1) } }, language)}]`)
      .join('');
    console.log(`  ${commandLineText('previewRow', { row: String(row.number), cells: row.cells.join(' | ') }, language)}${problems}`);
  }
}

function progressPrinter(language: ImportLanguage): (progress: ImportProgress) => void {
  let lastShown = -1;
  return (progress) => {
    const percent = Math.floor(progress.fraction * 100);
    if (percent === lastShown || (percent % 10 !== 0 && !process.stderr.isTTY)) return;
    lastShown = percent;
    const line = commandLineText('progress', { percent, read: progress.rowsRead, written: progress.rowsWritten, rejected: progress.rowsRejected }, language);
    if (process.stderr.isTTY) process.stderr.write(`\r${line}   ${progress.phase === 'done' ? '\n' : ''}`);
    else console.error(line);
  };
}

async function run(args: ImportArgs): Promise<number> {
  const { language } = args;
  const spec = loadImportSpec(args.spec);
  if (args.preview !== undefined) {
    await showPreview(args, spec);
    return 0;
  }
  const cancel = new AbortController();
  const onInterrupt = () => {
    console.error(`\n${commandLineText('cancelling', {}, language)}`);
    cancel.abort();
  };
  process.once('SIGINT', onInterrupt);
  const common = { spec, file: args.file, fromRow: args.fromRow, batchSize: args.batchSize, rejectsPath: args.rejects, language, signal: cancel.signal, onProgress: progressPrinter(language) };
  try {
    if (args.dryRun) {
      const summary = await runImport({ ...common, dryRun: true });
      console.log(formatSummary(summary, language));
      return 0;
    }
    const { driver, uri } = await connectForImport({ dataDir: args.dataDir, onProgress: (line) => console.error(line) });
    try {
      console.error(args.database ? commandLineText('importingIntoDatabase', { uri, database: args.database }, language) : commandLineText('importingInto', { uri }, language));
      await driver.verifyConnectivity({ database: args.database });
      await applyMigrations(driver, args.database);
      const db = { driver, database: args.database };
      const summary = await runImport({ ...common, db });
      console.log(formatSummary(summary, language));
      if (summary.status === 'completed') await resolveAfterImport(db, args.resolve, language);
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
async function resolveAfterImport(db: QueryContext, resolve: boolean, language: ImportLanguage): Promise<void> {
  if (!resolve) {
    console.log(commandLineText('resolutionSkipped', {}, language));
    return;
  }
  console.error(commandLineText('resolutionRunning', {}, language));
  try {
    const result = await runResolution(db);
    console.log(commandLineText('resolutionDone', { added: result.added, proposed: result.proposed }, language));
  } catch (error) {
    console.log(commandLineText('resolutionFailed', { error: String((error as Error)?.message ?? error).split('\n')[0].slice(0, 200) }, language));
  }
}

/**
 * What happened and what to do, for every failure we can name; never a stack trace. The local Neo4j's own
 * errors are shared with `npm run db:start` and the app, and stay in English.
 */
function describeFailure(error: unknown, language: ImportLanguage): { message: string; hint: string } {
  const text = (key: Parameters<typeof commandLineText>[0], values: Parameters<typeof commandLineText>[1] = {}) => commandLineText(key, values, language);
  if (error instanceof ImportError) return describeImportError(error, language);
  if (error instanceof UsageError) return error.describe(language);
  if (error instanceof LocalNeo4jError) return { message: error.message, hint: error.hint };
  if (error instanceof ApiError) return { message: error.message, hint: error.hint ?? text('connectionHint') };
  const code = String((error as { code?: unknown } | null)?.code ?? '');
  const where = process.env.NEO4J_URI ?? text('theLocalNeo4j');
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return { message: text('unreachable', { where }), hint: text(process.env.NEO4J_URI ? 'unreachableHintServer' : 'unreachableHintLocal') };
  }
  if (code.startsWith('Neo.ClientError.Security')) return { message: text('credentialsRefused', { where }), hint: text('credentialsRefusedHint') };
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') return { message: text('databaseNotFound'), hint: text('databaseNotFoundHint') };
  return describeWriteFailure(error, language);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let language = requestedLanguage(argv);
  try {
    const args = parseImportArgs(argv);
    language = args.language;
    if (args.help) {
      console.log(importUsage(language));
      return;
    }
    process.exitCode = await run(args);
  } catch (error) {
    const { message, hint } = describeFailure(error, language);
    console.error(`${commandLineText('errorLine', { message }, language)}\n${commandLineText('hintLine', { hint }, language)}`);
    process.exitCode = 1;
  }
}

await main();
