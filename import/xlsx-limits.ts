// Limits on what an XLSX workbook may expand to. An XLSX file is a zip archive of XML parts, and a few
// hundred kilobytes can inflate to gigabytes (a "zip bomb"): the shared strings part is held in memory while
// the sheet is read, so without a cap one small file exhausts the server. Two checks:
// - before reading, the sizes the archive declares for its parts (its central directory, read with yauzl
//   without inflating anything), so an honest bomb is refused in milliseconds;
// - while reading, the bytes each part actually inflates to, so an archive that lies about its sizes is
//   stopped as soon as it passes the cap.
import yauzl from 'yauzl';
import { ImportError } from './errors';
import { term, type ReasonValue } from './rejections';

export interface XlsxLimits {
  /** The shared strings part (kept in memory while the sheet is read). */
  sharedStringsBytes: number;
  /** Any other single part (worksheets are streamed, but still take time to read). */
  partBytes: number;
  /** Every part together. */
  totalBytes: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  sharedStringsBytes: 64 * 1024 * 1024,
  partBytes: 1024 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
};

const SHARED_STRINGS = 'xl/sharedStrings.xml';

const megabytes = (bytes: number) => Math.round(bytes / (1024 * 1024));

export function tooLarge(fileName: string, part: ReasonValue, size: number | 'more than', limit: number): ImportError {
  return size === 'more than'
    ? new ImportError('FILE_TOO_LARGE', 'WORKBOOK_TOO_LARGE_WHILE_READING', { file: fileName, part, limit: megabytes(limit) })
    : new ImportError('FILE_TOO_LARGE', 'WORKBOOK_TOO_LARGE', { file: fileName, part, size: megabytes(size), limit: megabytes(limit) });
}

function partLimit(name: string, limits: XlsxLimits): number {
  return name === SHARED_STRINGS ? limits.sharedStringsBytes : limits.partBytes;
}

function partDescription(name: string): ReasonValue {
  return name === SHARED_STRINGS ? term('sharedStringsPart') : name;
}

/** The uncompressed sizes the archive's central directory declares, per part. */
function declaredSizes(filePath: string): Promise<Map<string, number>> {
  return new Promise((resolve, reject) => {
    yauzl.open(filePath, { lazyEntries: true, autoClose: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('not a zip archive'));
      const sizes = new Map<string, number>();
      zip.on('entry', (entry: yauzl.Entry) => {
        sizes.set(entry.fileName, entry.uncompressedSize);
        zip.readEntry();
      });
      zip.on('end', () => resolve(sizes));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Refuses a workbook whose declared part sizes pass the limits; a damaged archive is left to the reader. */
export async function checkDeclaredSizes(filePath: string, fileName: string, limits: XlsxLimits): Promise<void> {
  let sizes: Map<string, number>;
  try {
    sizes = await declaredSizes(filePath);
  } catch {
    return; // the reader reports an unreadable archive in its own words
  }
  let total = 0;
  for (const [name, size] of sizes) {
    if (size > partLimit(name, limits)) throw tooLarge(fileName, partDescription(name), size, partLimit(name, limits));
    total += size;
  }
  if (total > limits.totalBytes) throw tooLarge(fileName, term('workbookContent'), total, limits.totalBytes);
}

/** Counts the bytes parts really inflate to while they are read; throws ImportError past a limit. */
export class InflatedBytes {
  private total = 0;

  constructor(
    private readonly fileName: string,
    private readonly limits: XlsxLimits,
  ) {}

  /** Call with each chunk of a part; `partSoFar` is what the part had before this chunk. */
  add(part: string, partSoFar: number, chunkBytes: number): number {
    const partNow = partSoFar + chunkBytes;
    this.total += chunkBytes;
    if (partNow > partLimit(part, this.limits)) throw tooLarge(this.fileName, partDescription(part), 'more than', partLimit(part, this.limits));
    if (this.total > this.limits.totalBytes) throw tooLarge(this.fileName, term('workbookContent'), 'more than', this.limits.totalBytes);
    return partNow;
  }
}
