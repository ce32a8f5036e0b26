// Streams one worksheet of an XLSX workbook as rows of cell texts (exceljs' streaming reader, so a large
// workbook is not loaded whole). Formulas are never evaluated: a formula cell contributes the result Excel
// cached when the file was saved, and a formula without one is reported as a cell problem. Date cells
// become ISO text of the wall-clock time shown in Excel ('2024-03-01T14:05:00'), which the importer reads
// in the case's time zone like any written date.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportError } from './errors';
import { rejection, type RejectReason } from './rejections';
import { capCellLengths, DEFAULT_MAX_CELL_CHARS, type CellProblem, type ReadOptions, type SourceRow, type TabularFile } from './tabular-file';
import { withCellReferences } from './xlsx-cell-refs';
import { checkDeclaredSizes, DEFAULT_XLSX_LIMITS, InflatedBytes } from './xlsx-limits';

type CellValue = ExcelJS.CellValue;

interface CellText {
  text: string;
  problem?: RejectReason;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** exceljs returns Excel's wall-clock date as a UTC Date, so the UTC fields are what the user saw. */
export function excelDateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const hasTime = date.getUTCHours() + date.getUTCMinutes() + date.getUTCSeconds() > 0;
  return hasTime ? `${day}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}` : day;
}

/** The text of one cell value as exceljs delivers it. */
export function cellText(value: CellValue): CellText {
  if (value === null || value === undefined) return { text: '' };
  if (typeof value === 'string') return { text: value };
  if (typeof value === 'number') return { text: String(value) };
  if (typeof value === 'boolean') return { text: value ? 'true' : 'false' };
  if (value instanceof Date) return { text: excelDateText(value) };
  if ('error' in value) return { text: '', problem: rejection('CELL_ERROR', { error: value.error }) };
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join('') };
  if ('formula' in value || 'sharedFormula' in value) {
    const formula = 'formula' in value ? value.formula : value.sharedFormula;
    const result = value.result;
    if (result === undefined || result === null) {
      return {
        text: '',
        problem: rejection('FORMULA_WITHOUT_RESULT', { formula: formula ?? '' }),
      };
    }
    if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) {
      return { text: '', problem: rejection('FORMULA_ERROR', { formula: formula ?? '', error: result.error }) };
    }
    return cellText(result as CellValue);
  }
  if ('text' in value) return { text: String(value.text) }; // hyperlink
  return { text: String(value) };
}

function rowCells(values: CellValue[], maxCellChars = DEFAULT_MAX_CELL_CHARS): { cells: string[]; problems: CellProblem[] } {
  // exceljs row values are 1-based (index 0 is empty) and sparse.
  const cells: string[] = [];
  const problems: CellProblem[] = [];
  for (let index = 1; index < values.length; index++) {
    const { text, problem } = cellText(values[index]);
    cells[index - 1] = text;
    if (problem) problems.push({ column: index - 1, reason: problem });
  }
  for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
  problems.push(...capCellLengths(cells, maxCellChars));
  return { cells, problems };
}

type PartStream = NodeJS.ReadableStream & AsyncIterable<Buffer>;

/**
 * exceljs' streaming reader with the decompression limits and the missing-reference repair applied to the
 * parts it reads. The overridden methods are exceljs 4.4 internals (the version is pinned in package.json):
 * each receives one unpacked part of the archive as a stream or an async iterable of chunks.
 */
class GuardedWorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(
    input: fs.ReadStream,
    options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
    private readonly inflated: InflatedBytes,
  ) {
    super(input, options);
  }

  private counted(part: string, entry: PartStream): Readable {
    const inflated = this.inflated;
    return Readable.from(
      (async function* () {
        let bytes = 0;
        for await (const chunk of entry) {
          bytes = inflated.add(part, bytes, chunk.length);
          yield chunk;
        }
      })(),
      { objectMode: false },
    );
  }

  _parseSharedStrings(entry: PartStream): AsyncGenerator<unknown> {
    const parent = (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as GuardedInternals)._parseSharedStrings;
    return parent.call(this, this.counted('xl/sharedStrings.xml', entry));
  }

  _parseStyles(entry: PartStream): Promise<void> {
    const parent = (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as GuardedInternals)._parseStyles;
    return parent.call(this, this.counted('xl/styles.xml', entry));
  }

  _parseWorksheet(chunks: AsyncIterable<Buffer>, sheetNo: string): Generator<unknown> {
    const parent = (ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as GuardedInternals)._parseWorksheet;
    const part = `xl/worksheets/sheet${sheetNo}.xml`;
    let bytes = 0;
    return parent.call(this, withCellReferences(chunks, (chunk) => (bytes = this.inflated.add(part, bytes, chunk))), sheetNo);
  }
}

interface GuardedInternals {
  _parseSharedStrings(this: unknown, entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(this: unknown, entry: Readable): Promise<void>;
  _parseWorksheet(this: unknown, chunks: AsyncIterable<string>, sheetNo: string): Generator<unknown>;
}

interface SheetRow {
  number: number;
  values: CellValue[];
}

interface WorksheetReader extends AsyncIterable<SheetRow> {
  name: string;
}

export async function openXlsxFile(filePath: string, totalBytes: number, options: ReadOptions): Promise<TabularFile> {
  const fileName = path.basename(filePath);
  const limits = options.xlsxLimits ?? DEFAULT_XLSX_LIMITS;
  const maxCellChars = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  await checkDeclaredSizes(filePath, fileName, limits);
  let bytesRead = 0;
  const input = fs.createReadStream(filePath);
  input.on('data', (chunk) => (bytesRead += chunk.length));
  const workbook = new GuardedWorkbookReader(
    input,
    {
      sharedStrings: 'cache',
      styles: 'cache', // needed to tell a date cell from a number
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore',
    },
    new InflatedBytes(fileName, limits),
  );

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    input.destroy();
  };

  const sheets = workbook[Symbol.asyncIterator]() as AsyncIterator<WorksheetReader>;
  const seen: string[] = [];
  let sheet: WorksheetReader | null = null;
  try {
    for (;;) {
      const next = await sheets.next();
      if (next.done) break;
      seen.push(next.value.name);
      if (!options.sheet || next.value.name.trim().toLowerCase() === options.sheet.trim().toLowerCase()) {
        sheet = next.value;
        break;
      }
      // The streaming reader needs every sheet before the wanted one consumed.
      for await (const row of next.value) void row;
    }
  } catch (error) {
    await close();
    if (error instanceof ImportError) throw error;
    throw new ImportError('FILE_FORMAT', 'WORKBOOK_UNREADABLE', { file: fileName, error: String((error as Error)?.message ?? error).slice(0, 160) });
  }
  if (!sheet) {
    await close();
    if (options.sheet) {
      throw seen.length
        ? new ImportError('FILE_FORMAT', 'SHEET_NOT_FOUND', { file: fileName, sheet: options.sheet, sheets: seen.join(', ') })
        : new ImportError('FILE_FORMAT', 'SHEET_NOT_FOUND_NONE', { file: fileName, sheet: options.sheet });
    }
    throw new ImportError('FILE_EMPTY', 'NO_WORKSHEETS', { file: fileName });
  }

  const rowsOfSheet = sheet[Symbol.asyncIterator]();
  let header: SheetRow | null = null;
  try {
    for (;;) {
      const next = await rowsOfSheet.next();
      if (next.done) break;
      if (rowCells(next.value.values).cells.some((cell) => cell.trim() !== '')) {
        header = next.value;
        break;
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  if (!header) {
    await close();
    throw new ImportError('FILE_EMPTY', 'SHEET_EMPTY', { file: fileName, sheet: sheet.name });
  }
  const headers = rowCells(header.values).cells.map((cell) => cell.trim());

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (;;) {
        const next = await rowsOfSheet.next();
        if (next.done) return;
        const { cells, problems } = rowCells(next.value.values, maxCellChars);
        yield { number: next.value.number, cells, problems };
      }
    } finally {
      await close();
    }
  }

  return {
    format: 'xlsx',
    fileName,
    totalBytes,
    sheet: sheet.name,
    headers,
    rows: rows(),
    bytesRead: () => bytesRead,
    close,
  };
}
