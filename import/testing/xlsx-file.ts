// Test support: writes minimal XLSX workbooks byte by byte, including ones no spreadsheet program would
// write (cells without references, parts that inflate to hundreds of megabytes, archives that misstate a
// part's size), so the reader's defences are tested against the files an attacker would send.
import fs from 'node:fs';
import zlib from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's content, or a chunk repeated `repeat` times (a bomb without holding it in memory). */
  data: string | Buffer;
  repeat?: number;
  /** Opening text before the repeated chunks. */
  head?: string;
  /** Closing text after the repeated chunks. */
  tail?: string;
  /** The uncompressed size to declare instead of the real one (an archive that lies). */
  declaredSize?: number;
}

function deflatePart(part: ZipPart): { compressed: Buffer; crc: number; size: number } {
  const chunk = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, 'utf8');
  const head = Buffer.from(part.head ?? '', 'utf8');
  const tail = Buffer.from(part.tail ?? '', 'utf8');
  const repeat = part.repeat ?? 1;
  if (repeat === 1) {
    const whole = Buffer.concat([head, chunk, tail]);
    return { compressed: zlib.deflateRawSync(whole), crc: zlib.crc32(whole), size: whole.length };
  }
  // Each piece is a raw deflate stream ended with a sync flush (no final block), so the pieces concatenated
  // form one valid stream that holds only one chunk in memory at a time.
  const out: Buffer[] = [];
  const pieces: Buffer[] = [zlib.deflateRawSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH })];
  let crc = zlib.crc32(head);
  for (let i = 0; i < repeat; i++) {
    pieces.push(zlib.deflateRawSync(chunk, { finishFlush: zlib.constants.Z_SYNC_FLUSH, level: 9 }));
    crc = zlib.crc32(chunk, crc);
  }
  pieces.push(zlib.deflateRawSync(tail, { level: 9 }));
  crc = zlib.crc32(tail, crc);
  out.push(...pieces);
  return { compressed: Buffer.concat(out), crc, size: head.length + chunk.length * repeat + tail.length };
}

/** A zip archive (deflated parts, no data descriptors) written to `file`. */
export function writeZip(file: string, parts: ZipPart[]): void {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { compressed, crc, size } = deflatePart(part);
    const name = Buffer.from(part.name, 'utf8');
    const declared = part.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  fs.writeFileSync(file, Buffer.concat([...locals, directory, end]));
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every workbook needs besides its sheet and shared strings. */
export function workbookParts(sheetXml: string, sharedStrings?: Omit<ZipPart, 'name'>): ZipPart[] {
  const parts: ZipPart[] = [
    {
      name: '[Content_Types].xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: '_rels/.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: 'xl/workbook.xml',
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    },
  ];
  if (sharedStrings) parts.push({ name: 'xl/sharedStrings.xml', ...sharedStrings });
  parts.push({ name: 'xl/worksheets/sheet1.xml', data: sheetXml });
  return parts;
}

/** A sheet of inline-string cells; `references: false` leaves out every row's and cell's `r`. */
export function sheetXml(rows: string[][], { references = true } = {}): string {
  const letter = (i: number) => String.fromCharCode(65 + i);
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const body = rows
    .map((cells, r) => {
      const rowRef = references ? ` r="${r + 1}"` : '';
      const cellXml = cells
        .map((cell, c) => `<c${references ? ` r="${letter(c)}${r + 1}"` : ''} t="inlineStr"><is><t>${escape(cell)}</t></is></c>`)
        .join('');
      return `<row${rowRef}>${cellXml}</row>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${NS}"><sheetData>${body}</sheetData></worksheet>`;
}
