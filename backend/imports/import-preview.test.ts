// The preview's notice (a file in two text encodings) is in the language the preview was asked in, and in
// English when the request names none. No database: a preview only reads the file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { QueryContext } from '../../graph-queries/run';
import { ImportJobs } from './import-jobs';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-preview-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const jobs = new ImportJobs({
  importsDir: dir,
  context: () => ({}) as QueryContext,
  resolve: async () => ({ added: 0, proposed: 0 }),
});
const mixed = Buffer.concat([Buffer.from('Naam;Voornamen\nMüller;Jürgen\n', 'utf8'), Buffer.from('Müller;Jörg\n', 'latin1')]).toString('base64');

describe('the preview notice', () => {
  it('is in English when no language is asked for', async () => {
    const preview = await jobs.preview('gemengd.csv', mixed);
    expect(preview.notice?.message).toMatch(/^gemengd\.csv mixes two text encodings: row 2 is written in UTF-8, row 3 in Windows-1252/);
    expect(preview.notice?.hint).toMatch(/options\.encoding to "per-row"/);
  });

  it('is in Dutch or French when asked, naming the rows as those languages do', async () => {
    const dutch = await jobs.preview('gemengd.csv', mixed, 'nl');
    expect(dutch.notice?.message).toMatch(/^gemengd\.csv gebruikt twee tekstcoderingen door elkaar: rij 2 is in UTF-8 geschreven, rij 3 in Windows-1252/);
    expect(dutch.notice?.hint).toMatch(/^Sla het bestand opnieuw op in één codering/);
    const french = await jobs.preview('gemengd.csv', mixed, 'fr');
    expect(french.notice?.message).toMatch(/^gemengd\.csv mélange deux encodages de texte : la ligne 2 est en UTF-8, la ligne 3 en Windows-1252/);
    expect(french.rows.map((row) => row.cells[1])).toEqual(['Jürgen', 'Jörg']);
  });
});
