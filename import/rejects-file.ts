// The rejects file: one CSV line per row that was not imported, with its row number, the reason in words,
// the reason's code and the original values, so an analyst can fix the rows and import just those. UTF-8
// with a byte-order mark so Excel shows accents correctly. Written only when there is something to reject.
//
// The analyst reads it, so its own header and the reasons are in the language of the import; the code stays
// the same in every language, so a filter on it (or a script) works whoever ran the import.
import fs from 'node:fs';
import Papa from 'papaparse';
import { describeRejection, rejectsFileColumns, type ImportLanguage, type RejectReason } from './rejections';

/**
 * Cells Excel would run as a formula when the rejects file is opened (CSV injection) get a leading quote.
 * A '+' or '-' followed only by digits and separators is a phone number or a negative number, left alone.
 */
const FORMULA_START = /^(?:[=@\t\r]|[+-](?![\d\s().\/-]*$))/;
const unparse = (cells: string[]) => Papa.unparse([cells], { escapeFormulae: FORMULA_START });

export class RejectsFile {
  private stream: fs.WriteStream | null = null;
  count = 0;

  constructor(
    readonly path: string,
    private readonly headers: string[],
    private readonly language: ImportLanguage = 'en',
  ) {}

  async add(rowNumber: number, reason: RejectReason, cells: string[]): Promise<void> {
    if (!this.stream) {
      this.stream = fs.createWriteStream(this.path, { encoding: 'utf8' });
      this.stream.write(`\uFEFF${unparse([...rejectsFileColumns(this.language), ...this.headers])}\r\n`);
    }
    this.count += 1;
    const line = `${unparse([String(rowNumber), describeRejection(reason, this.language), reason.code, ...cells])}\r\n`;
    if (!this.stream.write(line)) await new Promise<void>((resolve) => this.stream!.once('drain', resolve));
  }

  /** Finishes the file; returns its path, or undefined when no row was rejected. */
  async close(): Promise<string | undefined> {
    const stream = this.stream;
    if (!stream) return undefined;
    await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
    return this.path;
  }
}
