// Which character encoding a text export uses. Dutch and Belgian systems write UTF-8 (with or without the
// byte-order mark Excel adds) or Windows-1252 (older exports, Excel "CSV (;)" on Windows); Excel's
// "Unicode text" is UTF-16 with a BOM. A file that decodes as valid UTF-8 from start to end is UTF-8: the
// chance that Windows-1252 text with accents (é = E9, ë = EB) forms valid UTF-8 sequences is negligible.
// Otherwise it is Windows-1252, which maps every byte to a character, so decoding never fails.
import fs from 'node:fs';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DetectedEncoding {
  encoding: TextEncoding;
  /** The file starts with a byte-order mark (the decoder drops it). */
  bom: boolean;
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
  let first = true;
  const stream = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first) {
        first = false;
        const fromBom = encodingFromBom(chunk);
        if (fromBom && fromBom.encoding !== 'utf-8') return fromBom;
      }
      try {
        decoder.decode(chunk, { stream: true });
      } catch {
        return { encoding: 'windows-1252', bom: false };
      }
    }
    try {
      decoder.decode(); // a multi-byte sequence cut off at the very end is invalid too
    } catch {
      return { encoding: 'windows-1252', bom: false };
    }
  } finally {
    stream.destroy();
  }
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
