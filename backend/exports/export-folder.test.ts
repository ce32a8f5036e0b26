import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXPORT_ID_PATTERN } from '../../contract/export-requests';
import { compactTimestamp, createExportFolder, resolveExportFile, slugify } from './export-folder';

const root = mkdtempSync(join(tmpdir(), 'schakel-export-folder-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('slugify', () => {
  it('keeps ASCII letters and digits of any script that decomposes, and falls back when nothing is left', () => {
    expect(slugify('Plofkraken A16 — Frédérique & Çelik')).toBe('plofkraken-a16-frederique-celik');
    expect(slugify('محمد')).toBe('chart');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
  });
});

describe('createExportFolder', () => {
  it('makes a new folder per export, never reusing one, with an id the contract accepts', async () => {
    const at = new Date('2024-03-15T09:30:00.456Z');
    expect(compactTimestamp(at)).toBe('20240315T093000Z');
    const first = await createExportFolder(root, at, 'case');
    const second = await createExportFolder(root, at, 'case');
    expect(first.exportId).toBe('20240315T093000Z-case');
    expect(second.exportId).toBe('20240315T093000Z-case-2');
    expect(EXPORT_ID_PATTERN.test(second.exportId)).toBe(true);
  });
});

describe('resolveExportFile', () => {
  it('resolves a file of an export and refuses traversal, links and other names', async () => {
    const { exportId, folder } = await createExportFolder(root, new Date('2024-01-01T00:00:00Z'), 'files');
    writeFileSync(join(folder, 'chart.pdf'), '%PDF-');
    const outside = join(root, 'outside.txt');
    writeFileSync(outside, 'x');
    symlinkSync(outside, join(folder, 'link.pdf'));
    mkdirSync(join(folder, 'sub'));
    expect((await resolveExportFile(root, `${exportId}/chart.pdf`)).path).toBe(join(folder, 'chart.pdf'));
    for (const path of [`${exportId}/../outside.txt`, `${exportId}/link.pdf`, `${exportId}/sub`, 'outside.txt', `../${exportId}/chart.pdf`, `/${exportId}/chart.pdf`, `${exportId}/.hidden`]) {
      await expect(resolveExportFile(root, path), path).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});
