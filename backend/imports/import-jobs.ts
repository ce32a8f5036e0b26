// Imports started from the app: each runs in the background in the backend (the renderer polls its status),
// with progress, cancel, a summary, and entity resolution afterwards so new candidates reach the review
// queue. The file is kept in `<imports dir>/<import id>/` beside its rejects file, so the analyst can find
// both and a failed import can be resumed from the row the summary names.
import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../contract/api';
import type { ImportCounts, ImportJobStatus, ImportLanguage, ImportPreview } from '../../contract/imports';
import { ImportError, describeImportError, describeNote, describeProblem, formatSummary, parseImportSpec, previewFile, runImport, type ImportProgress, type ImportSpec, type ImportSummary } from '../../import/index';
import { createRowMapper } from '../../import/mapping/index';
import type { QueryContext } from '../../graph-queries/run';
import type { ResolutionRunResult } from '../../contract/resolution';
import type { AuditSink } from '../audit-sink';
import { listExampleSpecs } from './example-specs';
import { storeUploadedFile } from './uploaded-file';

export interface ImportJobsOptions {
  /** Where uploaded files and their rejects files are kept. */
  importsDir: string;
  context: () => QueryContext;
  /** Entity resolution after a completed import (resolution/run-in-database.ts in the workbench). */
  resolve: (ctx: QueryContext) => Promise<Pick<ResolutionRunResult, 'added' | 'proposed'>>;
  /** The import as a whole is one COLLECTION entry with its counts (the wrapper logs the request itself). */
  audit?: AuditSink;
  log?: (message: string) => void;
  /** Directory of example specifications (default: docs/import-specs). */
  examplesDir?: string;
}

interface Job {
  status: ImportJobStatus;
  controller: AbortController;
  /** Settles when the import (and the resolution after it) has ended; for tests and shutdown. */
  finished: Promise<void>;
}

const PREVIEW_ROWS = 20;
/** A preview shows enough to recognise a file: a header of thousands of columns is cut (cells are cut by previewFile). */
const PREVIEW_COLUMNS = 200;

/**
 * ImportError (bad spec, missing columns, unreadable file) as the API's error: what happened, what to do, in
 * the language of the request, which the error names so the renderer shows these words rather than its
 * generic text for the code.
 */
function asBadRequest(error: unknown, language: ImportLanguage): unknown {
  if (!(error instanceof ImportError)) return error;
  const { message, hint } = describeImportError(error, language);
  return new ApiError({ code: 'BAD_REQUEST', message, hint, ...(language === 'en' ? {} : { language }) });
}

function countsOf(summary: ImportSummary): ImportCounts {
  const { rowsRead, rowsImported, rowsRejected, rowsBlank, rowsSkipped, nodesCreated, nodesMatched, nodesRepeated, linksCreated, linksMatched, linksRepeated } = summary;
  return { rowsRead, rowsImported, rowsRejected, rowsBlank, rowsSkipped, nodesCreated, nodesMatched, nodesRepeated, linksCreated, linksMatched, linksRepeated };
}

function notFound(importId: string): ApiError {
  return new ApiError({ code: 'NOT_FOUND', message: `No import with id "${importId}" is known.`, hint: 'Imports are remembered until Schakel restarts; start the import again if needed.' });
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly log: (message: string) => void;

  constructor(private readonly options: ImportJobsOptions) {
    this.log = options.log ?? (() => undefined);
  }

  async preview(name: string, base64: string, language: ImportLanguage = 'en'): Promise<ImportPreview> {
    const dir = path.join(this.options.importsDir, 'previews', randomUUID());
    try {
      const file = await storeUploadedFile(dir, name, base64);
      let notice: ImportPreview['notice'];
      const preview = await previewFile(file, { rows: PREVIEW_ROWS }).catch(async (error: unknown) => {
        // Rows in two encodings: show the file read row by row and ask, rather than refuse the preview.
        if (!(error instanceof ImportError) || error.code !== 'ENCODING_MIXED') throw asBadRequest(error, language);
        notice = describeImportError(error, language);
        return previewFile(file, { rows: PREVIEW_ROWS, encoding: 'per-row' }).catch((again: unknown) => Promise.reject(asBadRequest(again, language)));
      });
      return {
        fileName: preview.fileName,
        format: preview.format,
        totalBytes: preview.totalBytes,
        encoding: preview.encoding,
        delimiter: preview.delimiter,
        sheet: preview.sheet,
        headers: preview.headers.slice(0, PREVIEW_COLUMNS),
        rows: preview.rows.map((row) => ({ number: row.number, cells: row.cells.slice(0, PREVIEW_COLUMNS) })),
        examples: listExampleSpecs(this.options.examplesDir),
        ...(notice ? { notice } : {}),
      };
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  }

  async start(request: { name: string; base64: string; spec: unknown; fromRow?: number; language?: ImportLanguage }): Promise<{ importId: string }> {
    let spec: ImportSpec;
    try {
      spec = parseImportSpec(request.spec);
    } catch (error) {
      throw asBadRequest(error, request.language ?? 'en');
    }
    const importId = `imp-${randomUUID()}`;
    const dir = path.join(this.options.importsDir, importId);
    const file = await storeUploadedFile(dir, request.name, request.base64);
    try {
      await this.checkColumns(file, spec);
    } catch (error) {
      await fs.promises.rm(dir, { recursive: true, force: true });
      throw asBadRequest(error, request.language ?? 'en');
    }
    const controller = new AbortController();
    const status: ImportJobStatus = {
      importId,
      fileName: path.basename(file),
      specName: spec.name,
      caseId: spec.case.id,
      state: 'running',
      phase: 'reading',
      fraction: 0,
      rowsRead: 0,
      rowsRejected: 0,
      rowsWritten: 0,
      startedAt: new Date().toISOString(),
      warnings: [],
    };
    const job: Job = { status, controller, finished: Promise.resolve() };
    job.finished = this.run(job, spec, file, request.fromRow, request.language ?? 'en');
    this.jobs.set(importId, job);
    return { importId };
  }

  status(importId: string): ImportJobStatus {
    const job = this.jobs.get(importId);
    if (!job) throw notFound(importId);
    return { ...job.status, warnings: [...job.status.warnings] };
  }

  /** Asks the import to stop after the batch in flight; the status turns 'cancelled' once it has. */
  cancel(importId: string): ImportJobStatus {
    const job = this.jobs.get(importId);
    if (!job) throw notFound(importId);
    if (job.status.state === 'running') job.controller.abort();
    return this.status(importId);
  }

  /** Resolves when the import has ended (done, failed or cancelled). */
  async whenFinished(importId: string): Promise<ImportJobStatus> {
    const job = this.jobs.get(importId);
    if (!job) throw notFound(importId);
    await job.finished;
    return this.status(importId);
  }

  /** Stops every running import (shutdown) and waits for each to end cleanly. */
  async cancelAll(): Promise<void> {
    for (const job of this.jobs.values()) job.controller.abort();
    await Promise.all([...this.jobs.values()].map((job) => job.finished));
  }

  /** Missing columns are reported at once, before the import is started, rather than as a failed job. */
  private async checkColumns(file: string, spec: ImportSpec): Promise<void> {
    const { sheet, encoding, delimiter } = spec.options;
    const preview = await previewFile(file, { rows: 0, sheet, encoding, delimiter });
    createRowMapper(spec, preview.headers, preview.fileName);
  }

  private async run(job: Job, spec: ImportSpec, file: string, fromRow: number | undefined, language: ImportLanguage): Promise<void> {
    const { status } = job;
    const onProgress = (progress: ImportProgress) => {
      status.phase = progress.phase === 'done' ? status.phase : progress.phase;
      status.fraction = progress.fraction * 0.9; // the last tenth is entity resolution
      status.rowsRead = progress.rowsRead;
      status.rowsRejected = progress.rowsRejected;
      status.rowsWritten = progress.rowsWritten;
    };
    try {
      const summary = await runImport({ spec, file, db: this.options.context(), fromRow, language, signal: job.controller.signal, onProgress });
      this.applySummary(status, summary, language);
      if (summary.status === 'completed') {
        status.phase = 'resolving';
        status.resolution = await this.resolve(language);
        await this.recordResolution(status);
      }
      status.state = summary.status === 'completed' ? 'done' : summary.status === 'cancelled' ? 'cancelled' : 'failed';
      status.phase = 'done';
      status.fraction = status.state === 'done' ? 1 : status.fraction;
    } catch (error) {
      // Thrown before anything was written (case of another country, file removed) or a fault of ours.
      status.state = 'failed';
      status.phase = 'done';
      status.error =
        error instanceof ImportError
          ? describeImportError(error, language)
          : describeProblem({ key: 'IMPORT_STOPPED', values: { error: String((error as Error)?.message ?? error).split('\n')[0].slice(0, 300) } }, language);
      this.log(`Import ${status.importId} failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      status.finishedAt = new Date().toISOString();
      await this.recordCollection(status);
    }
  }

  private applySummary(status: ImportJobStatus, summary: ImportSummary, language: ImportLanguage): void {
    status.counts = countsOf(summary);
    status.rowsRead = summary.rowsRead;
    status.rowsRejected = summary.rowsRejected;
    status.rejectsFile = summary.rejectsFile ? { name: path.basename(summary.rejectsFile), path: summary.rejectsFile } : undefined;
    status.resumeFromRow = summary.resumeFromRow;
    status.error = summary.error;
    status.warnings = summary.warnings;
    status.summaryText = formatSummary(summary, language);
  }

  private async resolve(language: ImportLanguage): Promise<ImportJobStatus['resolution']> {
    try {
      const { added, proposed } = await this.options.resolve(this.options.context());
      return { added, proposed };
    } catch (error) {
      // The import itself succeeded; resolution can be run again from the review panel.
      return { error: describeNote({ key: 'RESOLUTION_FAILED', values: { error: String((error as Error)?.message ?? error).slice(0, 200) } }, language) };
    }
  }

  /** Linking the new records to those of other cases is a combination of data (Art. 25), audited as such. */
  private async recordResolution(status: ImportJobStatus): Promise<void> {
    if (!this.options.audit || !status.resolution) return;
    try {
      await this.options.audit.record({
        category: 'combination',
        action: 'runResolution',
        details: { trigger: 'import', importId: status.importId, caseId: status.caseId, ...status.resolution },
      });
    } catch (error) {
      this.log(`AUDIT ENTRY LOST for the resolution after import ${status.importId}: ${(error as Error).message ?? error}`);
    }
  }

  private async recordCollection(status: ImportJobStatus): Promise<void> {
    if (!this.options.audit) return;
    try {
      await this.options.audit.record({
        category: 'collection',
        action: 'import',
        details: {
          importId: status.importId,
          file: status.fileName,
          spec: status.specName,
          caseId: status.caseId,
          state: status.state,
          ...(status.counts ?? {}),
          ...(status.resumeFromRow !== undefined ? { resumeFromRow: status.resumeFromRow } : {}),
        },
      });
    } catch (error) {
      this.log(`AUDIT ENTRY LOST for import ${status.importId}: ${(error as Error).message ?? error}`);
    }
  }
}
