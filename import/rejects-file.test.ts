import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { RejectsFile } from './rejects-file';
import { rejection, term } from './rejections';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-rejects-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const readRows = (file: string) => Papa.parse<string[]>(fs.readFileSync(file, 'utf8').slice(1), { skipEmptyLines: true }).data;

describe('RejectsFile', () => {
  it('writes nothing when no row is rejected', async () => {
    const rejects = new RejectsFile(path.join(dir, 'none.csv'), ['a']);
    expect(await rejects.close()).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'none.csv'))).toBe(false);
  });

  it('writes row, reason, code and original values, defusing cells Excel would run as formulas', async () => {
    const file = path.join(dir, 'rejects.csv');
    const rejects = new RejectsFile(file, ['Naam', 'GSM']);
    await rejects.add(7, rejection('NAME_MISSING', { role: term('person'), column: 'Naam' }), ['', '+32 475 12 34 56']);
    await rejects.add(9, rejection('NOT_A_PHONE_NUMBER', { field: term('phoneNumber'), value: 'bel me, later' }), ['=HYPERLINK("http://x","klik")', '-2+3+cmd|x']);
    expect(await rejects.close()).toBe(file);
    expect(fs.readFileSync(file, 'utf8').startsWith('\uFEFF')).toBe(true);
    expect(readRows(file)).toEqual([
      ['row', 'reason', 'code', 'Naam', 'GSM'],
      ['7', 'the person has no name (column "Naam" is empty)', 'NAME_MISSING', '', '+32 475 12 34 56'],
      ['9', 'the phone number "bel me, later" is not a phone number', 'NOT_A_PHONE_NUMBER', `'=HYPERLINK("http://x","klik")`, `'-2+3+cmd|x`],
    ]);
    expect(rejects.count).toBe(2);
  });

  it('writes its header and the reasons in the language of the import, the codes unchanged', async () => {
    const reasons = [rejection('NAME_MISSING', { role: term('holder'), column: 'Naam' }), rejection('CELL_TOO_LONG', { column: 'Naam', length: 40_000, limit: 32_767 })];
    const written: Record<string, string[][]> = {};
    for (const language of ['fr', 'nl'] as const) {
      const file = path.join(dir, `rejects-${language}.csv`);
      const rejects = new RejectsFile(file, ['Naam'], language);
      for (const [index, reason] of reasons.entries()) await rejects.add(index + 2, reason, ['x']);
      await rejects.close();
      written[language] = readRows(file);
    }
    expect(written.fr).toEqual([
      ['ligne', 'motif', 'code', 'Naam'],
      ['2', 'titulaire sans nom (la colonne « Naam » est vide)', 'NAME_MISSING', 'x'],
      ['3', expect.stringMatching(/^colonne « Naam » : la cellule contient 40\u202f000 caractères, plus que les 32\u202f767 /), 'CELL_TOO_LONG', 'x'],
    ]);
    expect(written.nl).toEqual([
      ['rij', 'reden', 'code', 'Naam'],
      ['2', 'geen naam voor houder (kolom "Naam" is leeg)', 'NAME_MISSING', 'x'],
      ['3', expect.stringMatching(/^kolom "Naam": de cel bevat 40\.000 tekens, meer dan de 32\.767 /), 'CELL_TOO_LONG', 'x'],
    ]);
  });
});
