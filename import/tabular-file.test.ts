import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ImportError } from './errors';
import { openTabularFile, previewFile, type SourceRow } from './tabular-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-tabular-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function allRows(file: string): Promise<{ headers: string[]; rows: SourceRow[] }> {
  const opened = await openTabularFile(file);
  const rows: SourceRow[] = [];
  for await (const row of opened.rows) rows.push(row);
  return { headers: opened.headers, rows };
}

async function importError(promise: Promise<unknown>): Promise<ImportError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('CSV files', () => {
  it('decodes Windows-1252 and finds the semicolon delimiter', async () => {
    const bytes = Buffer.from([...'Naam;Plaats\nRené;Liège\nZoë;Sint-Niklaas\n'].map((c) => c.charCodeAt(0)));
    const preview = await previewFile(write('latin.csv', bytes));
    expect(preview).toMatchObject({ format: 'csv', encoding: 'windows-1252', delimiter: ';', headers: ['Naam', 'Plaats'] });
    expect(preview.rows.map((r) => r.cells)).toEqual([
      ['René', 'Liège'],
      ['Zoë', 'Sint-Niklaas'],
    ]);
  });

  it('drops the UTF-8 byte-order mark from the first header', async () => {
    const { headers } = await allRows(write('bom.csv', '\uFEFFKenteken,Merk\n12-AB-34,Audi\n'));
    expect(headers).toEqual(['Kenteken', 'Merk']);
  });

  it('numbers rows as a spreadsheet does, keeps multi-line values and skips the sep= line', async () => {
    const { headers, rows } = await allRows(write('sep.csv', 'sep=;\nnaam;notitie\nJan;"twee\nregels"\n\nPiet;kort\n'));
    expect(headers).toEqual(['naam', 'notitie']);
    expect(rows.map((r) => [r.number, r.cells])).toEqual([
      [3, ['Jan', 'twee\nregels']],
      [4, ['']],
      [5, ['Piet', 'kort']],
    ]);
  });

  it('flags a row with more values than columns and an unclosed quote', async () => {
    const { rows } = await allRows(write('broken.csv', 'a;b\n1;2;3\n"open;4\n5;6\n'));
    expect(rows[0].structureProblem).toEqual({ code: 'TOO_MANY_VALUES', values: { values: 3, columns: 2, delimiter: '";"' } });
    expect(rows[1].structureProblem?.code).toBe('UNCLOSED_QUOTE');
  });

  it('flags a stray quote that pulls the next rows into one value instead of losing those rows', async () => {
    const { rows } = await allRows(
      write('stray-quote.csv', 'id;naam;voornaam\nD1;"Luc "le grand;Jan\nD2;"PEETERS";An\nD3;MARTIN;Luc\n'),
    );
    expect(rows[0].structureProblem?.code).toBe('UNDOUBLED_QUOTE');
    expect(rows.at(-1)!.cells).toEqual(['D3', 'MARTIN', 'Luc']);
    expect(rows.at(-1)!.structureProblem).toBeUndefined();
  });

  it('flags an unclosed quote that follows a stray one in the same value', async () => {
    const { rows } = await allRows(write('stray-then-open.csv', 'id;naam;voornaam\nD1;DUPONT;Jean\nD2;"Luc "le grand"";Jan\nD3;PEETERS;An\n'));
    expect(rows[0].structureProblem).toBeUndefined();
    expect(rows[1].structureProblem?.code).toBe('UNCLOSED_QUOTE');
  });

  it('reads a doubled quote or a stray quote on one line without complaint', async () => {
    const { rows } = await allRows(write('fine-quotes.csv', 'id;naam\nD1;"Luc ""de grote""\ntweede regel"\nD2;"Luc "le" grand"\n'));
    expect(rows.map((r) => [r.cells, r.structureProblem])).toEqual([
      [['D1', 'Luc "de grote"\ntweede regel'], undefined],
      [['D2', 'Luc "le" grand'], undefined],
    ]);
  });

  it('says an empty file is empty', async () => {
    expect((await importError(openTabularFile(write('empty.csv', '')))).code).toBe('FILE_EMPTY');
    expect((await importError(openTabularFile(write('blank.csv', '\n\n  \n')))).code).toBe('FILE_EMPTY');
  });

  it('says a missing file does not exist', async () => {
    const error = await importError(openTabularFile(path.join(dir, 'nope.csv')));
    expect(error.code).toBe('FILE_UNREADABLE');
    expect(error.message).toContain('does not exist');
  });

  it('refuses an old .xls workbook with advice', async () => {
    const error = await importError(openTabularFile(write('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]))));
    expect(error.hint).toMatch(/save it as .xlsx or as CSV/);
  });
});

describe('XLSX files', () => {
  async function workbook(name: string, build: (sheet: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<string> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('Gesprekken'), wb);
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it('takes cached formula results, reports formulas without one, and writes dates as ISO text', async () => {
    const file = await workbook('cells.xlsx', (sheet) => {
      sheet.addRow(['A', 'B', 'Tijd', 'Duur']);
      sheet.addRow(['0612345678', { formula: 'CONCAT("04","75123456")', result: '0475123456' }, new Date(Date.UTC(2024, 2, 1, 14, 5)), 60]);
      sheet.addRow(['0612345678', '0475123456', new Date(Date.UTC(1991, 2, 12)), { formula: 'D2*2' }]);
      sheet.addRow([{ richText: [{ text: '06' }, { text: '87654321' }] }, { error: '#N/A' }, '01-03-2024 15:00', true]);
      sheet.getCell('C2').numFmt = 'dd-mm-yyyy hh:mm';
      sheet.getCell('C3').numFmt = 'dd-mm-yyyy';
    });
    const { headers, rows } = await allRows(file);
    expect(headers).toEqual(['A', 'B', 'Tijd', 'Duur']);
    expect(rows[0]).toMatchObject({ number: 2, cells: ['0612345678', '0475123456', '2024-03-01T14:05:00', '60'], problems: [] });
    expect(rows[1].cells[2]).toBe('1991-03-12');
    expect(rows[1].problems).toEqual([{ column: 3, reason: { code: 'FORMULA_WITHOUT_RESULT', values: { formula: 'D2*2' } } }]);
    expect(rows[2].cells[0]).toBe('0687654321');
    expect(rows[2].problems).toEqual([{ column: 1, reason: { code: 'CELL_ERROR', values: { error: '#N/A' } } }]);
  });

  it('reads the named sheet and names the sheets when it is missing', async () => {
    const file = await workbook('sheets.xlsx', (sheet, wb) => {
      sheet.addRow(['x']);
      const second = wb.addWorksheet('ANPR');
      second.addRow(['Kenteken']);
      second.addRow(['1-ABC-123']);
    });
    const opened = await openTabularFile(file, { sheet: 'anpr' });
    const rows: SourceRow[] = [];
    for await (const row of opened.rows) rows.push(row);
    expect(opened.sheet).toBe('ANPR');
    expect(rows.map((r) => r.cells)).toEqual([['1-ABC-123']]);
    const error = await importError(openTabularFile(file, { sheet: 'Oproepen' }));
    expect(error.message).toContain('Gesprekken, ANPR');
  });

  it('says an empty worksheet is empty', async () => {
    const file = await workbook('empty.xlsx', () => undefined);
    expect((await importError(openTabularFile(file))).code).toBe('FILE_EMPTY');
  });
});
