import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeFileName, storeUploadedFile } from './uploaded-file';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-upload-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('safeFileName', () => {
  it('keeps the base name and replaces unsafe characters', () => {
    expect(safeFileName('C:\\exports\\brp:2024?.csv')).toBe('brp_2024_.csv');
    expect(safeFileName('...')).toBe('import.csv');
  });

  it('cuts a 300-character name, keeping its extension, the same way every time', async () => {
    const long = `${'verkeersgegevens-é'.repeat(17)}.xlsx`;
    const safe = safeFileName(long);
    expect(Buffer.byteLength(safe)).toBeLessThanOrEqual(200);
    expect(safe.endsWith('.xlsx')).toBe(true);
    expect(safeFileName(long)).toBe(safe);
    const stored = await storeUploadedFile(dir, long, Buffer.from('a;b\n1;2\n').toString('base64'));
    expect(fs.readFileSync(stored, 'utf8')).toBe('a;b\n1;2\n');
  });
});
