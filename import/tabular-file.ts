// A CSV or XLSX file seen as a header plus a stream of rows, whatever its format. Opening a file checks what
// can be checked before any row is imported (exists, not empty, a format we read) and says so in words an
// analyst can act on.
import fs from 'node:fs';
import path from 'node:path';
import type { Delimiter } from './delimiter';
import type { TextEncoding } from './encoding';
import { ImportError } from './errors';
import { openCsvFile } from './csv-reader';
import { rejection, type RejectReason } from './rejections';
import type { XlsxLimits } from './xlsx-limits';

/** Excel's own limit on a cell: anything longer did not come from a spreadsheet a person typed into. */
export const DEFAULT_MAX_CELL_CHARS = 32_767;
/** Cells in a preview are cut to this length: a preview is for recognising columns, not for reading them. */
export const PREVIEW_CELL_CHARS = 500;

/**
 * Cells longer than `maxChars` are cut to that length (so neither memory nor the rejects file carries a
 * megabyte of text) and reported as a problem, which rejects the row when a mapped column holds one.
 */
export function capCellLengths(cells: string[], maxChars: number): CellProblem[] {
  const problems: CellProblem[] = [];
  cells.forEach((cell, column) => {
    if (cell.length <= maxChars) return;
    problems.push({ column, reason: rejection('CELL_TOO_LONG', { length: cell.length, limit: maxChars }) });
    cells[column] = cell.slice(0, maxChars);
  });
  return problems;
}

export interface CellProblem {
  /** 0-based column index. */
  column: number;
  /** Without the column's name: the mapping adds it when a mapped column holds the cell. */
  reason: RejectReason;
}

export interface SourceRow {
  /** The row number a spreadsheet program shows: the header is row 1 (after a `sep=` line, row 2). */
  number: number;
  /** Cell texts by column index, trimmed of nothing: mapping decides what is blank. */
  cells: string[];
  /** Cells that have no usable value (XLSX formulas without a cached result, error cells). */
  problems: CellProblem[];
  /** Rows whose field count differs from the header's, or a quote left open. */
  structureProblem?: RejectReason;
}

export interface ReadOptions {
  /** XLSX: worksheet name; default the first sheet. */
  sheet?: string;
  /** CSV: override the detected encoding. */
  encoding?: 'utf-8' | 'windows-1252' | 'per-row';
  /** CSV: override the detected delimiter. */
  delimiter?: Delimiter;
  /** Longer cells are cut and reported (default DEFAULT_MAX_CELL_CHARS). */
  maxCellChars?: number;
  /** XLSX: decompression limits (default DEFAULT_XLSX_LIMITS). */
  xlsxLimits?: XlsxLimits;
}

export type FileFormat = 'csv' | 'xlsx' | 'graphml' | 'gexf';

export interface TabularFile {
  format: FileFormat;
  fileName: string;
  totalBytes: number;
  encoding?: TextEncoding | 'per-row';
  delimiter?: Delimiter;
  sheet?: string;
  headers: string[];
  /** Rows after the header, in file order. Iterate once; breaking off releases the file. */
  rows: AsyncIterable<SourceRow>;
  /** Bytes consumed so far, for progress. */
  bytesRead(): number;
  /** Stops reading and releases the file (also done when iteration ends or breaks). */
  close(): Promise<void>;
}

/** GraphML or GEXF, by the file name or the root element near the start. */
function networkXmlFormat(filePath: string, head: Buffer): 'graphml' | 'gexf' | null {
  const extension = path.extname(filePath).toLowerCase();
  if (extension === '.graphml') return 'graphml';
  if (extension === '.gexf') return 'gexf';
  const start = head.toString('latin1');
  if (!/^(\uFEFF|\xEF\xBB\xBF)?\s*</.test(start)) return null;
  if (/<graphml[\s>]/.test(start)) return 'graphml';
  if (/<gexf[\s>]/.test(start)) return 'gexf';
  return null;
}

export function detectFormat(filePath: string, head: Buffer): 'csv' | 'xlsx' {
  const extension = path.extname(filePath).toLowerCase();
  const isZip = head[0] === 0x50 && head[1] === 0x4b; // "PK": XLSX is a zip archive
  const isOldExcel = head[0] === 0xd0 && head[1] === 0xcf; // OLE2 compound file: .xls
  if (isOldExcel || extension === '.xls') {
    throw new ImportError('FILE_FORMAT', 'OLD_EXCEL', { file: path.basename(filePath) });
  }
  if (isZip) {
    if (extension === '.ods' || extension === '.numbers') {
      throw new ImportError('FILE_FORMAT', 'NOT_AN_EXCEL_WORKBOOK', { file: path.basename(filePath) });
    }
    return 'xlsx';
  }
  if (extension === '.xlsx' || extension === '.xlsm') {
    throw new ImportError('FILE_FORMAT', 'EXCEL_NAME_NOT_A_WORKBOOK', { file: path.basename(filePath) });
  }
  return 'csv';
}

/** Opens a CSV or XLSX file for reading; throws ImportError when it cannot be read at all. */
export async function openTabularFile(filePath: string, options: ReadOptions = {}): Promise<TabularFile> {
  const fileName = path.basename(filePath);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(filePath);
  } catch {
    throw new ImportError('FILE_UNREADABLE', 'FILE_NOT_FOUND', { path: filePath });
  }
  if (!stat.isFile()) throw new ImportError('FILE_UNREADABLE', 'NOT_A_FILE', { path: filePath });
  if (stat.size === 0) {
    throw new ImportError('FILE_EMPTY', 'FILE_EMPTY', { file: fileName });
  }
  const head = Buffer.alloc(1024);
  const handle = await fs.promises.open(filePath, 'r');
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }
  const network = networkXmlFormat(filePath, head);
  if (network) {
    const { openNetworkXmlFile } = await import('./network-xml');
    return openNetworkXmlFile(filePath, stat.size, network);
  }
  const format = detectFormat(filePath, head);
  if (format === 'csv') return openCsvFile(filePath, stat.size, options);
  // exceljs is large; load it only when a workbook is actually opened.
  const { openXlsxFile } = await import('./xlsx-reader');
  return openXlsxFile(filePath, stat.size, options);
}

export interface FilePreview {
  format: FileFormat;
  fileName: string;
  totalBytes: number;
  encoding?: TextEncoding | 'per-row';
  delimiter?: Delimiter;
  sheet?: string;
  headers: string[];
  rows: SourceRow[];
}

/** The first `rows` data rows plus what was detected, for the mapping dialog and `--dry-run`. */
export async function previewFile(filePath: string, options: ReadOptions & { rows?: number } = {}): Promise<FilePreview> {
  const file = await openTabularFile(filePath, options);
  const wanted = options.rows ?? 20;
  const rows: SourceRow[] = [];
  const cut = (text: string) => (text.length > PREVIEW_CELL_CHARS ? `${text.slice(0, PREVIEW_CELL_CHARS)}…` : text);
  try {
    if (wanted > 0) {
      for await (const row of file.rows) {
        rows.push({ ...row, cells: row.cells.map(cut) });
        if (rows.length >= wanted) break;
      }
    }
  } finally {
    await file.close();
  }
  const { format, fileName, totalBytes, encoding, delimiter, sheet } = file;
  return { format, fileName, totalBytes, encoding, delimiter, sheet, headers: file.headers.map(cut), rows };
}
