import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { RejectsFile } from './rejects-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-rejects-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('RejectsFile', () => {
  it('writes nothing when no row is rejected', async () => {
    const rejects = new RejectsFile(path.join(dir, 'none.csv'), ['a']);
    expect(await rejects.close()).toBeUndefined();
    expect(fs.existsSync(path.join(dir, 'none.csv'))).toBe(false);
  });

  it('writes row, reason and original values, defusing cells Excel would run as formulas', async () => {
    const file = path.join(dir, 'rejects.csv');
    const rejects = new RejectsFile(file, ['Naam', 'GSM']);
    await rejects.add(7, 'no name (column "Naam" is empty)', ['', '+32 475 12 34 56']);
    await rejects.add(9, 'bad, really', ['=HYPERLINK("http://x","klik")', '-2+3+cmd|x']);
    expect(await rejects.close()).toBe(file);
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data).toEqual([
      ['row', 'reason', 'Naam', 'GSM'],
      ['7', 'no name (column "Naam" is empty)', '', '+32 475 12 34 56'],
      ['9', 'bad, really', `'=HYPERLINK("http://x","klik")`, `'-2+3+cmd|x`],
    ]);
    expect(rejects.count).toBe(2);
  });
});
