// Files built to hurt the importer, or merely odd ones, each with a clear outcome: a workbook that unpacks to
// hundreds of megabytes is refused before it fills memory, cells without references are read, a cell of a
// million characters rejects its row instead of becoming a name, and a CSV that mixes UTF-8 and Latin-1 rows
// is refused with the row numbers (or read row by row when the specification asks for it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { runImport } from './engine';
import { ImportError } from './errors';
import { parseImportSpec } from './spec';
import { openTabularFile, previewFile } from './tabular-file';
import { sheetXml, workbookParts, writeZip } from './testing/xlsx-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-hostile-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

const personSpec = (options: Record<string, unknown> = {}) =>
  parseImportSpec({
    name: 'hostile',
    kind: 'person-register',
    case: { id: 'CASE-NL-HOSTILE', reference: 'H-1', country: 'NL', agency: 'Politie' },
    columns: { person: { familyName: 'Achternaam', givenName: 'Voornaam' } },
    options,
  });

/** A workbook whose shared strings part is `megabytes` MB of one string repeated, as a 409 KB bomb is built. */
function writeBomb(file: string, megabytes: number, declaredSize?: number): void {
  const sheet = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
  writeZip(
    file,
    workbookParts(sheet, {
      head: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`,
      data: `<si><t>${'A'.repeat(1024 * 1024 - 16)}</t></si>`,
      repeat: megabytes,
      tail: '</sst>',
      declaredSize,
    }),
  );
}

describe('an XLSX whose shared strings expand to 400 MB', () => {
  it('is refused from its declared sizes before anything is unpacked', async () => {
    const file = path.join(dir, 'bomb.xlsx');
    writeBomb(file, 400);
    expect(fs.statSync(file).size).toBeLessThan(1024 * 1024);
    const error = await refusal(previewFile(file));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toMatch(/shared strings part .* expands to 400 MB .* limit is 64 MB/);
    expect(error.hint).toMatch(/CSV/);
  });

  it('is refused while unpacking when the archive understates the size', async () => {
    const file = path.join(dir, 'lying-bomb.xlsx');
    writeBomb(file, 400, 1000);
    const used = process.memoryUsage().rss;
    const error = await refusal(previewFile(file));
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.message).toMatch(/expands to more than 64 MB/);
    // Stopped at the cap: nowhere near the 400 MB (and several times that as JavaScript strings).
    expect(process.memoryUsage().rss - used).toBeLessThan(350 * 1024 * 1024);
  });
});

describe('an XLSX written without cell references', () => {
  it('reads rows and cells in order, gaps included where references are given', async () => {
    const file = path.join(dir, 'no-refs.xlsx');
    const rows = [
      ['Achternaam', 'Voornaam', 'Plaats'],
      ['Jansen', 'Piet', 'Breda'],
      ['Müller', 'Anna', 'Venlo'],
    ];
    writeZip(file, workbookParts(sheetXml(rows, { references: false })));
    const preview = await previewFile(file);
    expect(preview.headers).toEqual(rows[0]);
    expect(preview.rows.map((row) => [row.number, ...row.cells])).toEqual([
      [2, 'Jansen', 'Piet', 'Breda'],
      [3, 'Müller', 'Anna', 'Venlo'],
    ]);
    const summary = await runImport({ spec: personSpec(), file, dryRun: true, rejectsPath: path.join(dir, 'no-refs.rejects.csv') });
    expect(summary).toMatchObject({ status: 'dry-run', rowsImported: 2, rowsRejected: 0 });
  });
});

describe('a cell of a million characters', () => {
  const huge = 'X'.repeat(1_000_000);

  it.each(['csv', 'xlsx'] as const)('rejects its row with the reason, in a %s file', async (format) => {
    const file = path.join(dir, `huge-cell.${format}`);
    const rows = [
      ['Achternaam', 'Voornaam'],
      ['Jansen', 'Piet'],
      [huge, 'Kees'],
    ];
    if (format === 'csv') fs.writeFileSync(file, rows.map((row) => row.join(';')).join('\n'));
    else writeZip(file, workbookParts(sheetXml(rows)));
    const rejectsPath = path.join(dir, `huge-cell-${format}.rejects.csv`);
    const summary = await runImport({ spec: personSpec(), file, dryRun: true, rejectsPath });
    expect(summary).toMatchObject({ rowsImported: 1, rowsRejected: 1 });
    const [, rejected] = Papa.parse<string[]>(fs.readFileSync(rejectsPath, 'utf8').replace(/^\uFEFF/, '')).data;
    expect(rejected[0]).toBe('3');
    expect(rejected[1]).toMatch(/column "Achternaam": the cell holds 1,000,000 characters, more than the 32,767 .*options\.maxCellChars/);
    expect(rejected[2]).toBe('CELL_TOO_LONG');
    expect(rejected[3].length).toBe(32_767);
  });

  it('obeys a configured limit and keeps previews short', async () => {
    const file = path.join(dir, 'long-names.csv');
    fs.writeFileSync(file, `Achternaam;Voornaam\n${'Y'.repeat(300)};Piet\n${huge};Kees\n`);
    const summary = await runImport({ spec: personSpec({ maxCellChars: 200 }), file, dryRun: true, rejectsPath: path.join(dir, 'long.rejects.csv') });
    expect(summary).toMatchObject({ rowsImported: 0, rowsRejected: 2 });
    const preview = await previewFile(file);
    expect(preview.rows.map((row) => row.cells[0].length)).toEqual([300, 501]);
  });
});

describe('a CSV that mixes UTF-8 and Latin-1 rows', () => {
  const latin1 = (text: string) => Buffer.from(text, 'latin1');
  const utf8 = (text: string) => Buffer.from(text, 'utf8');
  const file = path.join(dir, 'mixed.csv');
  fs.writeFileSync(
    file,
    Buffer.concat([utf8('Achternaam;Voornaam\n'), utf8('Müller;Jürgen\n'), latin1('Müller;Jörg\n'), utf8('Jansen;Piet\n'), latin1('Peña;José\n'), utf8('Çelik;Ayşe\n')]),
  );

  it('is refused with the rows in each encoding', async () => {
    const error = await refusal(openTabularFile(file));
    expect(error.code).toBe('ENCODING_MIXED');
    expect(error.message).toMatch(/rows 2, 6 are written in UTF-8, rows 3, 5 in Windows-1252/);
    expect(error.hint).toMatch(/"per-row"/);
    await refusal(runImport({ spec: personSpec(), file, dryRun: true }));
  });

  it('is read row by row when the specification asks for it', async () => {
    const preview = await previewFile(file, { encoding: 'per-row' });
    expect(preview.encoding).toBe('per-row');
    expect(preview.rows.map((row) => row.cells.join(' '))).toEqual(['Müller Jürgen', 'Müller Jörg', 'Jansen Piet', 'Peña José', 'Çelik Ayşe']);
  });

  it('leaves a file in one encoding alone', async () => {
    const single = path.join(dir, 'latin1.csv');
    fs.writeFileSync(single, latin1('Achternaam;Voornaam\nMüller;Jörg\n'));
    const opened = await openTabularFile(single);
    await opened.close();
    expect(opened.encoding).toBe('windows-1252');
  });
});
