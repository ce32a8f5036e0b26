// Checks an export against its manifest: recomputes every file's SHA-256 and names any file that was
// changed or is missing. Used by `npm run verify-export -- MANIFEST` and by the backend.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, normalize } from 'node:path';
import { ExportError } from './errors';
import { manifestSchema, type ExportManifest } from './manifest';

export type FileCheckStatus = 'unchanged' | 'changed' | 'missing';

export interface FileCheck {
  name: string;
  path: string;
  status: FileCheckStatus;
  expectedSha256: string;
  actualSha256?: string;
}

export interface VerificationReport {
  ok: boolean;
  manifestPath: string;
  manifest: ExportManifest;
  files: FileCheck[];
  /** One paragraph a person can read: which file changed, or that all match. */
  message: string;
}

const MAX_MANIFEST_BYTES = 200 * 1024 * 1024;

export async function readManifest(manifestPath: string): Promise<ExportManifest> {
  let size: number;
  try {
    size = (await stat(manifestPath)).size;
  } catch {
    throw new ExportError('MANIFEST_MISSING', `There is no manifest at ${manifestPath}.`, 'Give the path of the <name>.manifest.json file written beside the export.');
  }
  if (size > MAX_MANIFEST_BYTES) {
    throw new ExportError('MANIFEST_MALFORMED', `${basename(manifestPath)} is too large to be a Schakel export manifest.`, 'Check that you chose the manifest file.');
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(manifestPath, 'utf8'));
  } catch {
    throw new ExportError(
      'MANIFEST_MALFORMED',
      `${basename(manifestPath)} is not valid JSON, so it cannot be a Schakel export manifest (or it was damaged).`,
      'Use the manifest written by the export; if it was damaged, the export cannot be verified.',
    );
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportError(
      'MANIFEST_MALFORMED',
      `${basename(manifestPath)} is not a valid Schakel export manifest: ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}.`,
      'Use the <name>.manifest.json file written beside the export.',
    );
  }
  for (const file of parsed.data.files) {
    // Names are plain file names beside the manifest; anything else is not one of ours.
    if (isAbsolute(file.name) || normalize(file.name) !== basename(file.name)) {
      throw new ExportError('MANIFEST_MALFORMED', `The manifest lists "${file.name}", which is not a file beside the manifest.`, 'Use the manifest written by the export.');
    }
  }
  return parsed.data;
}

async function fileSha256(path: string): Promise<string | undefined> {
  try {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  } catch {
    return undefined;
  }
}

export async function verifyExport(manifestPath: string): Promise<VerificationReport> {
  const manifest = await readManifest(manifestPath);
  const folder = dirname(manifestPath);
  const files: FileCheck[] = [];
  for (const file of manifest.files) {
    const path = join(folder, file.name);
    const actual = await fileSha256(path);
    files.push({
      name: file.name,
      path,
      status: actual === undefined ? 'missing' : actual === file.sha256 ? 'unchanged' : 'changed',
      expectedSha256: file.sha256,
      ...(actual ? { actualSha256: actual } : {}),
    });
  }
  const changed = files.filter((file) => file.status === 'changed');
  const missing = files.filter((file) => file.status === 'missing');
  const ok = changed.length === 0 && missing.length === 0;
  const parts: string[] = [];
  if (changed.length > 0) parts.push(`CHANGED since export: ${changed.map((file) => file.name).join(', ')} (its SHA-256 no longer matches the manifest).`);
  if (missing.length > 0) parts.push(`MISSING: ${missing.map((file) => file.name).join(', ')} (not found beside the manifest).`);
  const message = ok
    ? `All ${files.length} file(s) match the manifest (exported ${manifest.createdAt} by ${manifest.user}): ${files.map((file) => file.name).join(', ')}.`
    : parts.join(' ');
  return { ok, manifestPath, manifest, files, message };
}
