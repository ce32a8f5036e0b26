// Runs one import: file → rows → records → batched, idempotent transactions, with a rejects file, progress
// and cancel. Problems found before anything is written (unreadable or empty file, bad spec, missing
// columns, case of another country) throw ImportError; once writing has started, the import always ends
// with a summary, which on failure or cancel says from which row to resume (`fromRow`).
//
// Every batch is one transaction, so a failure leaves whole batches behind, never half a batch; ids are
// deterministic, so running the import again (or resuming) creates nothing that exists already.
import fs from 'node:fs';
import path from 'node:path';
import { claimNewCallLinks, ensureImportCase, ImportWriteError, prepareImportBatch, writeImportBatch, type ImportWriteResult, type LinksAre } from '../graph-queries/import-writes';
import type { QueryContext } from '../graph-queries/run';
import type { ImportCounts } from '../contract/imports';
import { CallAggregator } from './call-aggregation';
import { EdgeAggregator } from './network-links';
import { ImportError, describeImportError, describeNote, describeProblem } from './errors';
import { createRowMapper, isBlankRow, type RowMapper } from './mapping';
import { RejectsFile } from './rejects-file';
import { rowList, term, type ImportLanguage, type ReasonValue } from './rejections';
import type { ImportKind, ImportSpec } from './spec';
import { openTabularFile, type FileFormat, type TabularFile } from './tabular-file';
import { BatchBuilder, CommittedIds } from './write-batch';

export interface ImportOptions {
  spec: ImportSpec;
  file: string;
  /** The database to write to; not needed for a dry run. */
  db?: QueryContext;
  /** Read, check and write the rejects file, but write nothing to the database. */
  dryRun?: boolean;
  /** Resume: rows before this one were written by an earlier run and are only checked, not written again. */
  fromRow?: number;
  /** Rows per transaction (default: the spec's options.batchSize). */
  batchSize?: number;
  /** Default: `<file>.rejects.csv` beside the file. */
  rejectsPath?: string;
  /** The language of the rejects file's header and reasons (default English). */
  language?: ImportLanguage;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportProgress {
  phase: 'reading' | 'linking' | 'done';
  rowsRead: number;
  rowsRejected: number;
  /** Rows whose transaction has committed. */
  rowsWritten: number;
  bytesRead: number;
  totalBytes: number;
  /** 0..1, for a progress bar. */
  fraction: number;
}

export type ImportStatus = 'completed' | 'dry-run' | 'failed' | 'cancelled';

export interface ImportSummary extends ImportCounts {
  status: ImportStatus;
  file: string;
  specName: string;
  kind: ImportKind;
  caseId: string;
  format: FileFormat;
  encoding?: string;
  delimiter?: string;
  sheet?: string;
  rejectsFile?: string;
  /** On failure or cancel: run the import again with fromRow = this. */
  resumeFromRow?: number;
  error?: { message: string; hint: string };
  warnings: string[];
  elapsedMs: number;
}

export function defaultRejectsPath(file: string): string {
  const parsed = path.parse(file);
  return path.join(parsed.dir, `${parsed.name}.rejects.csv`);
}

/** Why a write failed, in words for the summary: never a stack trace. */
export function describeWriteFailure(error: unknown, language: ImportLanguage = 'en'): { message: string; hint: string } {
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = String((error as { message?: unknown })?.message ?? error);
  if (error instanceof ImportWriteError) {
    return describeProblem({ key: 'BATCH_FAULT', values: { error: message } }, language);
  }
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ECONNRESET|connection/i.test(message)) {
    return describeProblem({ key: 'CONNECTION_LOST', values: {} }, language);
  }
  if (/Neo\.TransientError/.test(code) || /out of memory|MemoryLimit/i.test(message)) {
    return describeProblem({ key: 'BATCH_TRANSIENT', values: { error: code || term('transientError') } }, language);
  }
  return describeProblem({ key: 'BATCH_REFUSED', values: { error: message.split('\n')[0].slice(0, 300) } }, language);
}

/** Row numbers for a note: the count and the first few. */
class RowList {
  count = 0;
  private readonly first: number[] = [];

  add(row: number): void {
    this.count += 1;
    if (this.first.length < 10) this.first.push(row);
  }

  rows(): ReasonValue {
    return rowList(this.first, this.count, 'rowHas');
  }
}

/** New in the database, already in the database before this import, and mentioned again within the file. */
class Counters {
  nodesCreated = 0;
  nodesMatched = 0;
  nodesRepeated = 0;
  linksCreated = 0;
  linksMatched = 0;
  linksRepeated = 0;

  addWrite(result: ImportWriteResult): void {
    this.nodesCreated += result.nodesCreated;
    this.nodesMatched += result.nodesMatched;
    this.linksCreated += result.linksCreated;
    this.linksMatched += result.linksMatched;
  }

  addRepeats(batch: BatchBuilder): void {
    this.nodesRepeated += batch.nodesRepeated;
    this.linksRepeated += batch.linksRepeated;
  }
}

/** Writes batches one at a time while the next one is being read, so parsing and Neo4j overlap. */
class BatchWriter {
  private inFlight: Promise<void> | null = null;
  failure: { error: unknown; firstRow: number | undefined } | null = null;
  rowsWritten = 0;
  /** First row not yet committed (for resume). */
  nextUncommittedRow: number | undefined;

  constructor(
    private readonly db: QueryContext | undefined,
    private readonly counters: Counters,
    private readonly committed: CommittedIds,
  ) {}

  async submit(batch: BatchBuilder, linksAre: LinksAre = 'maybe existing'): Promise<void> {
    if (this.failure || batch.isEmpty) return this.settle();
    // Prepared while the batch before is still being written: the driver values and statements cost CPU time
    // that would otherwise leave Neo4j waiting.
    const prepared = this.db ? prepareImportBatch(batch.build(), linksAre) : null;
    await this.settle();
    if (this.failure) return;
    this.nextUncommittedRow ??= batch.firstRow;
    if (!this.db) {
      this.counters.addRepeats(batch);
      this.committed.addAll(batch.ids());
      this.rowsWritten += batch.rows;
      return;
    }
    const db = this.db;
    this.inFlight = writeImportBatch(db, prepared!).then(
      (result) => {
        this.counters.addWrite(result);
        this.counters.addRepeats(batch);
        this.committed.addAll(batch.ids());
        this.rowsWritten += batch.rows;
        this.nextUncommittedRow = batch.lastRow === undefined ? this.nextUncommittedRow : batch.lastRow + 1;
      },
      (error: unknown) => {
        this.failure = { error, firstRow: batch.firstRow ?? this.nextUncommittedRow };
      },
    );
  }

  async settle(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    if (pending) await pending;
  }
}

async function openAndMap(options: ImportOptions): Promise<{ file: TabularFile; mapper: RowMapper }> {
  const file = await openTabularFile(options.file, options.spec.options);
  try {
    return { file, mapper: createRowMapper(options.spec, file.headers, file.fileName) };
  } catch (error) {
    await file.close();
    throw error;
  }
}

async function ensureCase(db: QueryContext, mapper: RowMapper, spec: ImportSpec, counters: Counters): Promise<void> {
  const kase = mapper.factory.caseNode();
  const { created, country } = await ensureImportCase(db, kase);
  if (created) counters.nodesCreated += 1;
  else counters.nodesMatched += 1;
  if (country && country !== spec.case.country) {
    throw new ImportError('CASE_CONFLICT', 'CASE_CONFLICT', { caseId: spec.case.id, country: String(country), specCountry: spec.case.country });
  }
}

export async function runImport(options: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const { spec } = options;
  const dryRun = options.dryRun === true;
  if (!dryRun && !options.db) throw new Error('runImport needs a database unless dryRun is set');
  const db = dryRun ? undefined : options.db;
  const batchRows = options.batchSize ?? spec.options.batchSize;
  const fromRow = options.fromRow ?? 0;

  const { file, mapper } = await openAndMap(options);
  const counters = new Counters();
  const committed = new CommittedIds();
  const writer = new BatchWriter(db, counters, committed);
  const rejectsPath = options.rejectsPath ?? defaultRejectsPath(options.file);
  const language = options.language ?? 'en';
  const rejects = new RejectsFile(rejectsPath, file.headers, language);
  const calls = spec.kind === 'call-records' ? new CallAggregator() : null;
  const edges = spec.kind === 'network' ? new EdgeAggregator() : null;
  // Links counted over the whole file, written after every row's records.
  const aggregated = calls ?? edges;
  const warnings: string[] = [];
  const placeNotes = new RowList();
  // Rows that passed every check; the summary's rowsImported counts only those whose batch committed.
  const counts = { rowsRead: 0, rowsChecked: 0, rowsBlank: 0, rowsSkipped: 0 };
  let status: ImportStatus = dryRun ? 'dry-run' : 'completed';
  let lastRow = 0;

  // The bar follows what is committed, not what is read: the share of the file read, scaled by the share of
  // the rows read so far that are settled (committed, or blank or rejected). After a failure it shows how far
  // the database got, never 100 %.
  const progress = (phase: ImportProgress['phase'], finished = false) => {
    const bytesRead = file.bytesRead();
    const readFraction = file.totalBytes > 0 ? Math.min(1, bytesRead / file.totalBytes) : 1;
    const settledRows = counts.rowsSkipped + writer.rowsWritten + (counts.rowsRead - counts.rowsChecked);
    const committedFraction = counts.rowsRead > 0 ? readFraction * Math.min(1, settledRows / counts.rowsRead) : 0;
    options.onProgress?.({
      phase,
      rowsRead: counts.rowsRead,
      rowsRejected: rejects.count,
      rowsWritten: writer.rowsWritten,
      bytesRead,
      totalBytes: file.totalBytes,
      fraction: finished ? 1 : phase === 'linking' ? 0.95 : committedFraction * (aggregated ? 0.95 : 1),
    });
  };

  let readFailure: ImportError | null = null;
  try {
    if (db) await ensureCase(db, mapper, spec, counters);
    await fs.promises.rm(rejectsPath, { force: true }); // a stale file from an earlier run would mislead

    const fileSource = mapper.factory.fileSource();
    let batch = new BatchBuilder(committed);
    if (fileSource) batch.addRecords(fileSource);

    try {
      for await (const row of file.rows) {
        if (options.signal?.aborted) {
          status = 'cancelled';
          break;
        }
        counts.rowsRead += 1;
        lastRow = row.number;
        if (isBlankRow(row)) {
          counts.rowsBlank += 1;
          continue;
        }
        const outcome = mapper.map(row);
        if (!outcome.ok) {
          await rejects.add(row.number, outcome.reason, row.cells);
          continue;
        }
        counts.rowsChecked += 1;
        if (outcome.mapped.nodes.some((node) => node.props.coordinateIssue !== undefined)) placeNotes.add(row.number);
        if (outcome.mapped.call) calls?.add(outcome.mapped.call);
        for (const edge of outcome.mapped.edges ?? []) edges?.add(edge);
        if (row.number < fromRow) {
          counts.rowsSkipped += 1;
          continue;
        }
        batch.addRow(row.number, outcome.mapped);
        if (batch.rows >= batchRows) {
          await writer.submit(batch);
          if (writer.failure) break;
          batch = new BatchBuilder(committed);
          progress('reading');
        }
      }
    } catch (error) {
      // The file became unreadable half-way (removed, disk error): keep what is committed, say where to resume.
      if (!(error instanceof ImportError)) throw error;
      readFailure = error;
    }
    if (status !== 'cancelled' && !writer.failure && !readFailure) await writer.submit(batch);
    await writer.settle();

    if (aggregated && status !== 'cancelled' && !writer.failure && !readFailure) {
      progress('linking');
      let linksAre: LinksAre = 'maybe existing';
      try {
        if (calls && db && fileSource && (await claimNewCallLinks(db, fileSource.nodes[0].id))) linksAre = 'known new';
      } catch (error) {
        writer.failure = { error, firstRow: undefined };
      }
      for (const links of writer.failure ? [] : aggregated.linkBatches(mapper.factory, Math.max(batchRows, 1000))) {
        if (options.signal?.aborted) {
          status = 'cancelled';
          break;
        }
        const linkBatch = new BatchBuilder(committed);
        linkBatch.addRecords({ nodes: [], links });
        // Not settled here: the next batch is built while this one is written (submit waits for it).
        await writer.submit(linkBatch, linksAre);
        if (writer.failure) break;
      }
    }
  } finally {
    await file.close();
    await writer.settle();
  }
  const rejectsFile = await rejects.close();

  let error: ImportSummary['error'];
  let resumeFromRow: number | undefined;
  if (writer.failure) {
    status = 'failed';
    error = describeWriteFailure(writer.failure.error, language);
    // A failure while writing CALLED links: every row's records are in; resuming after the last row
    // re-counts the calls and writes the links only.
    resumeFromRow = writer.failure.firstRow ?? lastRow + 1;
  } else if (readFailure) {
    status = 'failed';
    error = describeImportError(readFailure, language);
    resumeFromRow = writer.nextUncommittedRow ?? lastRow;
  } else if (status === 'cancelled') {
    resumeFromRow = writer.nextUncommittedRow ?? (writer.rowsWritten === 0 ? undefined : lastRow + 1);
  }
  if (placeNotes.count > 0) {
    warnings.push(describeNote({ key: 'PLACES_DOUBTFUL', values: { rows: placeNotes.rows() } }, language));
  }
  if (counts.rowsRead === 0) warnings.push(describeNote({ key: 'NO_DATA_ROWS', values: { file: file.fileName } }, language));
  if (counts.rowsRead > 0 && counts.rowsChecked === 0) warnings.push(describeNote({ key: 'EVERY_ROW_REJECTED', values: {} }, language));

  progress('done', status === 'completed' || status === 'dry-run');
  const { rowsChecked: _checked, ...rowCounts } = counts;
  return {
    status,
    file: options.file,
    specName: spec.name,
    kind: spec.kind,
    caseId: spec.case.id,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    sheet: file.sheet,
    ...rowCounts,
    rowsImported: counts.rowsSkipped + writer.rowsWritten,
    rowsRejected: rejects.count,
    nodesCreated: counters.nodesCreated,
    nodesMatched: counters.nodesMatched,
    nodesRepeated: counters.nodesRepeated,
    linksCreated: counters.linksCreated,
    linksMatched: counters.linksMatched,
    linksRepeated: counters.linksRepeated,
    rejectsFile,
    resumeFromRow,
    error,
    warnings,
    elapsedMs: Math.round(performance.now() - started),
  };
}
