// Which character encoding a text export uses. Dutch and Belgian systems write UTF-8 (with or without the
// byte-order mark Excel adds) or Windows-1252 (older exports, Excel "CSV (;)" on Windows); Excel's
// "Unicode text" is UTF-16 with a BOM. A file that decodes as valid UTF-8 from start to end is UTF-8: the
// chance that Windows-1252 text with accents (é = E9, ë = EB) forms valid UTF-8 sequences is negligible.
// Otherwise it is Windows-1252, which maps every byte to a character, so decoding never fails.
import fs from 'node:fs';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface MixedEncoding {
  /** Line numbers (the header is line 1) of the first lines written in UTF-8 and in Windows-1252. */
  utf8Lines: number[];
  windows1252Lines: number[];
  utf8Count: number;
  windows1252Count: number;
}

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** The file starts with a byte-order mark (the decoder drops it). */
  bom: boolean;
  /** Some lines are UTF-8 with accents and others Windows-1252: two exports pasted together. */
  mixed?: MixedEncoding;
}

const LINES_NAMED = 10;

/**
 * Sorts lines into plain ASCII, UTF-8 with multi-byte characters, and bytes that are not UTF-8 (read as
 * Windows-1252), chunk by chunk. A lenient validator is enough here: it only has to tell the two apart.
 */
class LineEncodings {
  private line = 1;
  private continuationBytes = 0;
  private sawMultiByte = false;
  private sawInvalid = false;
  readonly result: MixedEncoding = { utf8Lines: [], windows1252Lines: [], utf8Count: 0, windows1252Count: 0 };

  add(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const byte = bytes[i];
      if (byte < 0x80) {
        if (this.continuationBytes > 0) this.invalid();
        if (byte === 0x0a) this.endLine();
      } else if (this.continuationBytes > 0) {
        if ((byte & 0xc0) === 0x80) {
          this.continuationBytes -= 1;
          if (this.continuationBytes === 0) this.sawMultiByte = true;
        } else this.invalid();
      } else if (byte >= 0xc2 && byte <= 0xdf) this.continuationBytes = 1;
      else if (byte >= 0xe0 && byte <= 0xef) this.continuationBytes = 2;
      else if (byte >= 0xf0 && byte <= 0xf4) this.continuationBytes = 3;
      else this.invalid();
    }
  }

  private invalid(): void {
    this.sawInvalid = true;
    this.continuationBytes = 0;
  }

  endLine(): void {
    if (this.continuationBytes > 0) this.invalid();
    const { result } = this;
    if (this.sawInvalid) {
      result.windows1252Count += 1;
      if (result.windows1252Lines.length < LINES_NAMED) result.windows1252Lines.push(this.line);
    } else if (this.sawMultiByte) {
      result.utf8Count += 1;
      if (result.utf8Lines.length < LINES_NAMED) result.utf8Lines.push(this.line);
    }
    this.line += 1;
    this.sawInvalid = false;
    this.sawMultiByte = false;
  }

  get isMixed(): boolean {
    return this.result.utf8Count > 0 && this.result.windows1252Count > 0;
  }
}

/** Decodes one line's bytes: UTF-8 when they are valid UTF-8, else Windows-1252. */
export function decodeLine(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

export function encodingFromBom(head: Uint8Array): DetectedEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return null;
}

/** Detects the encoding of bytes held in memory (tests, previews of small files). */
export function detectEncodingOfBytes(bytes: Uint8Array): DetectedEncoding {
  const fromBom = encodingFromBom(bytes);
  if (fromBom) return fromBom;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/**
 * Detects the encoding of a file by streaming through it once with a strict UTF-8 decoder (constant memory,
 * stops at the first invalid sequence), so a Windows-1252 'é' on row 400,000 is still noticed.
 */
export async function detectFileEncoding(path: string): Promise<DetectedEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const lines = new LineEncodings();
  let valid = true;
  let first = true;
  const stream = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        const fromBom = encodingFromBom(chunk);
        if (fromBom && fromBom.encoding !== 'utf-8') return fromBom;
      }
      // Lines are sorted to the end of the file: a file that is not UTF-8 may still hold UTF-8 rows.
      lines.add(chunk);
      if (!valid) continue;
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        valid = false;
      }
    }
    lines.endLine();
    if (valid) {
      try {
        decoder.decode(); // a multi-byte sequence cut off at the very end is invalid too
      } catch {
        valid = false;
      }
    }
  } finally {
    stream.destroy();
  }
  if (!valid) return lines.isMixed ? { encoding: 'windows-1252', bom: false, mixed: lines.result } : { encoding: 'windows-1252', bom: false };
  const head = await readHead(path, 3);
  return { encoding: 'utf-8', bom: encodingFromBom(head)?.encoding === 'utf-8' };
}

export async function readHead(path: string, bytes: number): Promise<Buffer> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
