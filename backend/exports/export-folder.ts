// Where exports live and how a path from the renderer is turned into a file inside them. Every export gets
// a new folder `<dataDir>/exports/<UTC timestamp>-<slug>/` so an earlier export (evidence) is never touched;
// the renderer names files only as `<exportId>/<file name>`, and anything else — `..`, absolute paths,
// symbolic links out of the folder — is refused.
import { lstat, mkdir, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { ApiError } from '../../contract/api';
import { EXPORT_ID_PATTERN } from '../../contract/export-requests';

const FILE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;
const MAX_SLUG = 40;

export function exportsRootIn(dataDir: string): string {
  return join(dataDir, 'exports');
}

/** Lower-case ASCII letters, digits and dashes: "Plofkraken A16 — Frédérique" → "plofkraken-a16-frederique". */
export function slugify(text: string, fallback = 'chart'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  return slug || fallback;
}

/** 2024-03-15T09:30:00.123Z → 20240315T093000Z (sorts by time, safe in every file system). */
export function compactTimestamp(at: Date): string {
  return at.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/** Creates a fresh folder for one export and returns its id (the folder name) and absolute path. */
export async function createExportFolder(root: string, at: Date, slug: string): Promise<{ exportId: string; folder: string }> {
  await mkdir(root, { recursive: true });
  const stamp = compactTimestamp(at);
  for (let attempt = 1; attempt < 100; attempt++) {
    const exportId = attempt === 1 ? `${stamp}-${slug}` : `${stamp}-${slug}-${attempt}`;
    const folder = join(root, exportId);
    try {
      await mkdir(folder); // not recursive: fails when the folder exists, so two exports never share one
      return { exportId, folder };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  throw new ApiError({ code: 'CONFLICT', message: 'Too many exports of this chart in the same second.', hint: 'Wait a moment and export again.' });
}

function notAnExportFile(path: string): ApiError {
  return new ApiError({
    code: 'NOT_FOUND',
    message: `"${path.slice(0, 200)}" is not a file of an export made by this workbench.`,
    hint: 'Export the chart again, or open the exports folder shown in the export dialog.',
  });
}

/** The folder of an existing export, after checking the id is one of ours and the folder is inside the root. */
export async function existingExportFolder(root: string, exportId: string): Promise<string> {
  if (!EXPORT_ID_PATTERN.test(exportId)) throw notAnExportFile(exportId);
  const folder = join(root, exportId);
  const info = await lstat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw notAnExportFile(exportId);
  return folder;
}

/**
 * Turns `<exportId>/<file name>` into an absolute path of a regular file inside the exports root. The checks
 * are on the text first (no separators or dots that could climb out) and then on the disk (the real path
 * must still be inside the root, and the file must not be a link).
 */
export async function resolveExportFile(root: string, relativePath: string): Promise<{ exportId: string; name: string; path: string }> {
  const parts = relativePath.split('/');
  if (parts.length !== 2) throw notAnExportFile(relativePath);
  const [exportId, name] = parts as [string, string];
  if (!EXPORT_ID_PATTERN.test(exportId) || !FILE_NAME_PATTERN.test(name) || name.includes('..')) throw notAnExportFile(relativePath);
  const path = join(root, exportId, name);
  const info = await lstat(path).catch(() => undefined);
  if (!info?.isFile()) throw notAnExportFile(relativePath);
  const [realRoot, realFile] = await Promise.all([realpath(root), realpath(path)]);
  if (!realFile.startsWith(realRoot + sep)) throw notAnExportFile(relativePath);
  return { exportId, name, path };
}
