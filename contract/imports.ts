// Importing CSV/XLSX records from the app: request schemas and response types. Kept apart from
// api.ts so the wiring there is a few lines. No Node or DOM imports: the renderer takes the types from here.
// The file travels as base64 in the request (both transports carry JSON); the backend stores it in its data
// directory and imports it in the background, so the renderer polls getImportStatus for progress.
import { z } from 'zod';
import { IMPORT_LANGUAGES, type ImportLanguage } from '../shared-values/languages';
import { fileName, wellFormedJson } from './text';

export { IMPORT_LANGUAGES, type ImportLanguage };

/** 90 MB of file as base64 (4/3 of the bytes): room for the 50 MB files police exports reach. */
export const MAX_IMPORT_BASE64_CHARS = 120_000_000;
export const IMPORT_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type ImportState = (typeof IMPORT_STATES)[number];

const base64 = z.string().min(1, 'the file is empty').max(MAX_IMPORT_BASE64_CHARS, 'the file is larger than 90 MB');
const importId = z.string().regex(/^imp-[0-9a-f-]{36}$/, 'not an import id');

export const importRequestSchemas = {
  /**
   * Detected format, encoding, delimiter, headers and the first rows, plus the example specifications.
   * `language` is the one the preview's notice is written in (the interface's; English when absent).
   */
  previewImport: z.object({ name: fileName, base64, language: z.enum(IMPORT_LANGUAGES).optional() }).strict(),
  /**
   * Starts an import in the background. `spec` is an import specification (docs/import-specs/); the backend
   * validates it and answers with every problem at once. `fromRow` resumes an import that stopped.
   * `language` is the one the rejects file, the job's error and warnings and the note on a failed entity
   * resolution are written in (the interface's; English when absent).
   */
  startImport: z
    .object({
      name: fileName,
      base64,
      spec: wellFormedJson(),
      fromRow: z.number().int().min(1).max(100_000_000).optional(),
      language: z.enum(IMPORT_LANGUAGES).optional(),
    })
    .strict(),
  getImportStatus: z.object({ importId }).strict(),
  cancelImport: z.object({ importId }).strict(),
} as const;

/** An example import specification the user can start from. */
export interface ImportSpecExample {
  /** The example's file name, e.g. be-person-register.json. */
  file: string;
  name: string;
  kind: string;
  description?: string;
  /** The specification itself, as JSON, to edit. */
  spec: Record<string, unknown>;
}

export interface ImportPreview {
  fileName: string;
  /** graphml and gexf: network files, shown as one row per node and per edge. */
  format: 'csv' | 'xlsx' | 'graphml' | 'gexf';
  totalBytes: number;
  encoding?: string;
  /** ',' ';' or a tab. */
  delimiter?: string;
  sheet?: string;
  headers: string[];
  /** The first data rows, with the row number a spreadsheet program shows. */
  rows: { number: number; cells: string[] }[];
  examples: ImportSpecExample[];
  /**
   * Something the specification must settle before the file can be imported, e.g. rows in two text encodings:
   * the preview then shows the file read one way (each row in its own encoding) and says what to set.
   */
  notice?: { message: string; hint: string };
}

/** What an import counted; the engine's summary and the job status both carry these. */
export interface ImportCounts {
  /** Data rows read (blank rows included). */
  rowsRead: number;
  /** Rows that passed every check and, unless dry run, whose transaction committed (rows before a resume row included). */
  rowsImported: number;
  rowsRejected: number;
  rowsBlank: number;
  /** Rows before the resume row: checked, not written again. */
  rowsSkipped: number;
  /** Records (nodes) and links new in the database, ones the database held before this import, and mentions
   * of a record or link an earlier row of the same file already gave. */
  nodesCreated: number;
  nodesMatched: number;
  nodesRepeated: number;
  linksCreated: number;
  linksMatched: number;
  linksRepeated: number;
}

export interface ImportJobStatus {
  importId: string;
  fileName: string;
  specName: string;
  caseId: string;
  state: ImportState;
  /** reading → linking (call records) → resolving (entity resolution after the import) → done. */
  phase: 'reading' | 'linking' | 'resolving' | 'done';
  /** 0..1 for the progress bar. */
  fraction: number;
  rowsRead: number;
  rowsRejected: number;
  rowsWritten: number;
  startedAt: string;
  finishedAt?: string;
  /** Set when the import ended (done, failed or cancelled). */
  counts?: ImportCounts;
  /** The rejects file's name and where it was written; absent when no row was rejected. */
  rejectsFile?: { name: string; path: string };
  /** On failure or cancel: start the import again with fromRow = this. */
  resumeFromRow?: number;
  error?: { message: string; hint: string };
  warnings: string[];
  /** The summary as text, as `npm run import` prints it, in the language the import was started in. */
  summaryText?: string;
  /** Entity resolution run after a successful import: new candidates in the review queue. */
  resolution?: { added: number; proposed: number } | { error: string };
}

export interface ImportResponseTypes {
  previewImport: ImportPreview;
  startImport: { importId: string };
  getImportStatus: ImportJobStatus;
  cancelImport: ImportJobStatus;
}
