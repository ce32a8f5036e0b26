// Streams a CSV file as rows: the encoding is detected (or given), bytes are decoded chunk by chunk, and
// papaparse splits fields (quotes, embedded newlines). Memory stays flat whatever the file size: the parser
// is paused while the importer is busy writing, so at most a few chunks wait in memory.
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import Papa from 'papaparse';
import { detectDelimiter, readSepLine, type Delimiter } from './delimiter';
import { decodeLine, detectFileEncoding, readHead, type DetectedEncoding, type MixedEncoding } from './encoding';
import { ImportError } from './errors';
import { rejection, rowList, term } from './rejections';
import { capCellLengths, DEFAULT_MAX_CELL_CHARS, type ReadOptions, type SourceRow, type TabularFile } from './tabular-file';

const SAMPLE_BYTES = 64 * 1024;
/** Parsed chunks allowed to wait for the consumer before the parser pauses. */
const MAX_QUEUED_CHUNKS = 4;

function decodingStream(encoding: string): Transform {
  // TextDecoder drops a UTF-8 or UTF-16 byte-order mark and keeps multi-byte characters split across chunks.
  const decoder = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      const text = decoder.decode(chunk, { stream: true });
      done(null, text.length > 0 ? text : undefined);
    },
    flush(done) {
      const rest = decoder.decode();
      done(null, rest.length > 0 ? rest : undefined);
    },
  });
}

/** Each line decoded on its own, as UTF-8 when it is valid UTF-8, else as Windows-1252 (options.encoding 'per-row'). */
function perLineDecodingStream(): Transform {
  let pending: Buffer = Buffer.alloc(0);
  let first = true;
  return new Transform({
    readableObjectMode: true,
    transform(chunk: Buffer, _encoding, done) {
      let bytes = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      if (first) {
        first = false;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      }
      const end = bytes.lastIndexOf(0x0a) + 1;
      pending = Buffer.from(bytes.subarray(end));
      if (end === 0) return done();
      const parts: string[] = [];
      for (let start = 0; start < end; ) {
        const next = bytes.indexOf(0x0a, start) + 1;
        parts.push(decodeLine(bytes.subarray(start, next)));
        start = next;
      }
      done(null, parts.join(''));
    },
    flush(done) {
      done(null, pending.length ? decodeLine(pending) : undefined);
    },
  });
}

export function mixedEncodingError(fileName: string, mixed: MixedEncoding): ImportError {
  return new ImportError('ENCODING_MIXED', 'ENCODING_MIXED', {
    file: fileName,
    utf8Rows: rowList(mixed.utf8Lines, mixed.utf8Count, 'rowIs'),
    windowsRows: rowList(mixed.windows1252Lines, mixed.windows1252Count, 'row'),
  });
}

async function sampleText(filePath: string, encoding: DetectedEncoding): Promise<string> {
  const head = await readHead(filePath, SAMPLE_BYTES);
  return new TextDecoder(encoding.encoding).decode(head);
}

async function chooseEncoding(filePath: string, fileName: string, wanted: ReadOptions['encoding']): Promise<DetectedEncoding> {
  if (wanted === 'per-row') return { encoding: 'utf-8', bom: false };
  if (wanted) return { encoding: wanted, bom: false };
  const detected = await detectFileEncoding(filePath);
  if (detected.mixed) throw mixedEncodingError(fileName, detected.mixed);
  return detected;
}

interface ParsedChunk {
  data: string[][];
  errors: Papa.ParseError[];
}

/** Papa's push-style callbacks turned into an async iterator with back-pressure. */
class ChunkQueue {
  private readonly chunks: ParsedChunk[] = [];
  private waiting: (() => void) | null = null;
  private finished = false;
  private failure: Error | null = null;
  parser: Papa.Parser | null = null;
  private paused = false;

  push(chunk: ParsedChunk, parser: Papa.Parser): void {
    this.parser = parser;
    this.chunks.push(chunk);
    if (this.chunks.length >= MAX_QUEUED_CHUNKS && !this.paused) {
      this.paused = true;
      parser.pause();
    }
    this.wake();
  }

  end(): void {
    this.finished = true;
    this.wake();
  }

  fail(error: Error): void {
    this.failure = error;
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = null;
    waiting?.();
  }

  async next(): Promise<ParsedChunk | null> {
    for (;;) {
      if (this.failure) throw this.failure;
      const chunk = this.chunks.shift();
      if (chunk) {
        if (this.paused && this.chunks.length < MAX_QUEUED_CHUNKS / 2) {
          this.paused = false;
          this.parser?.resume();
        }
        return chunk;
      }
      if (this.finished) return null;
      await new Promise<void>((resolve) => (this.waiting = resolve));
    }
  }
}

function isBlank(cells: string[]): boolean {
  return cells.every((cell) => cell.trim() === '');
}

export async function openCsvFile(filePath: string, totalBytes: number, options: ReadOptions): Promise<TabularFile> {
  const fileName = path.basename(filePath);
  const maxCellChars = options.maxCellChars ?? DEFAULT_MAX_CELL_CHARS;
  const detected = await chooseEncoding(filePath, fileName, options.encoding);
  const sample = await sampleText(filePath, detected);
  if (sample.trim() === '') {
    throw new ImportError('FILE_EMPTY', 'NO_TEXT', { file: fileName });
  }
  const sepLine = readSepLine(sample) !== null;
  const delimiter: Delimiter = options.delimiter ?? detectDelimiter(sample).delimiter;

  let bytesRead = 0;
  const input = fs.createReadStream(filePath, { highWaterMark: SAMPLE_BYTES });
  input.on('data', (chunk) => (bytesRead += chunk.length));
  const text = input.pipe(options.encoding === 'per-row' ? perLineDecodingStream() : decodingStream(detected.encoding));
  const queue = new ChunkQueue();
  input.on('error', (error) => queue.fail(new ImportError('FILE_UNREADABLE', 'READ_FAILED', { file: fileName, error: error.message })));

  Papa.parse(text as unknown as File, {
    delimiter,
    chunk: (results, parser) => queue.push({ data: results.data as string[][], errors: results.errors }, parser),
    complete: () => queue.end(),
    error: (error: Error) => queue.fail(error),
  });

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    queue.parser?.abort();
    input.destroy();
    text.destroy();
  };

  // Records in file order with their spreadsheet row numbers; the first non-`sep=` record is the header.
  let recordNumber = 0;
  let pending: { chunk: ParsedChunk; index: number } | null = null;
  async function nextRecord(): Promise<{ number: number; cells: string[]; errorCodes: Set<string> } | null> {
    for (;;) {
      if (pending && pending.index < pending.chunk.data.length) {
        const index = pending.index++;
        recordNumber += 1;
        const errorCodes = new Set(pending.chunk.errors.filter((e) => e.row === index && e.type !== 'Delimiter').map((e) => e.code));
        return { number: recordNumber, cells: pending.chunk.data[index], errorCodes };
      }
      const chunk = await queue.next();
      if (!chunk) return null;
      pending = { chunk, index: 0 };
    }
  }

  let header = await nextRecord();
  if (header && sepLine) header = await nextRecord();
  while (header && isBlank(header.cells)) header = await nextRecord();
  if (!header) {
    await close();
    throw new ImportError('FILE_EMPTY', 'NO_HEADER_ROW', { file: fileName });
  }
  const headers = header.cells.map((cell) => cell.trim());

  async function* rows(): AsyncGenerator<SourceRow> {
    try {
      for (;;) {
        const record = await nextRecord();
        if (!record) return;
        const row: SourceRow = { number: record.number, cells: record.cells, problems: capCellLengths(record.cells, maxCellChars) };
        if (record.errorCodes.has('MissingQuotes')) {
          row.structureProblem = rejection('UNCLOSED_QUOTE');
        } else if (record.errorCodes.has('InvalidQuotes') && record.cells.some((cell) => /[\r\n]/.test(cell))) {
          // A stray quote inside a quoted value makes the parser look for the closing quote on later lines,
          // so the rows on those lines end up inside this value instead of being read as rows.
          row.structureProblem = rejection('UNDOUBLED_QUOTE');
        } else if (record.cells.length > headers.length && !isBlank(record.cells.slice(headers.length))) {
          row.structureProblem = rejection('TOO_MANY_VALUES', {
            values: record.cells.length,
            columns: headers.length,
            delimiter: delimiter === '\t' ? term('tab') : `"${delimiter}"`,
          });
        }
        yield row;
      }
    } finally {
      await close();
    }
  }

  return {
    format: 'csv',
    fileName,
    totalBytes,
    encoding: options.encoding === 'per-row' ? 'per-row' : detected.encoding,
    delimiter,
    headers,
    rows: rows(),
    bytesRead: () => bytesRead,
    close,
  };
}
