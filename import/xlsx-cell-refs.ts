// Worksheet XML as the streaming reader needs it. The `r` attribute of rows (`<row r="5">`) and cells
// (`<c r="B5">`) is optional in SpreadsheetML: without it a row follows the one before and a cell the one
// to its left. Excel always writes it, but other generators (reporting tools, hand-made exports) leave it
// out, and exceljs then fails inside ("Cannot read properties of undefined"). This pass adds the missing
// references in the stream, so such files read like any other.
//
// Only start tags of `row` and `c` elements are touched; everything else passes through unchanged.

/** 1 → 'A', 27 → 'AA'. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** 'AA12' → 27. */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference.toUpperCase()) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  return column;
}

const START_TAG = /<(row|c)(?=[\s>/])([^>]*)>/g;
const REFERENCE = /\sr\s*=\s*(["'])([^"']*)\1/;

export class CellReferenceFiller {
  private row = 0;
  private column = 0;

  /** Adds missing references to complete tags; `text` must end at a tag boundary. */
  fill(text: string): string {
    return text.replace(START_TAG, (tag: string, name: string, attributes: string) => {
      const given = REFERENCE.exec(attributes)?.[2];
      if (name === 'row') {
        this.row = given && /^\d+$/.test(given) ? Number(given) : this.row + 1;
        this.column = 0;
        return given ? tag : `<row r="${this.row}"${attributes}>`;
      }
      this.column = given ? columnOf(given) : this.column + 1;
      return given ? tag : `<c r="${columnLetters(this.column)}${this.row}"${attributes}>`;
    });
  }
}

/**
 * Worksheet chunks (bytes, possibly splitting a tag or a multi-byte character) → text chunks with every row
 * and cell referenced. `count` sees each chunk's byte length before it is passed on (decompression limits).
 */
export async function* withCellReferences(chunks: AsyncIterable<Uint8Array | string>, count: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  const filler = new CellReferenceFiller();
  let pending = '';
  for await (const chunk of chunks) {
    count(typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength);
    pending += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const end = pending.lastIndexOf('>') + 1;
    if (end === 0) continue;
    const complete = pending.slice(0, end);
    pending = pending.slice(end);
    yield filler.fill(complete);
  }
  pending += decoder.decode();
  if (pending) yield filler.fill(pending);
}
