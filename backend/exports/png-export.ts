// The PNG of an export. The renderer rasterises the chart (Cytoscape draws it; the backend has no canvas)
// after the backend has written the other formats and told it what was withheld; this module stores the
// image beside them and adds it to the manifest so `verify-export` covers it like every other file.
import { createHash } from 'node:crypto';
import { readdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError } from '../../contract/api';
import { readManifest, type ExportManifest } from '../../export/index';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const MANIFEST_SUFFIX = '.manifest.json';

export interface StoredPng {
  name: string;
  bytes: number;
  sha256: string;
  manifestName: string;
  manifestBytes: number;
  manifestSha256: string;
  manifest: ExportManifest;
}

export function sha256Of(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function findManifestName(folder: string): Promise<string> {
  const names = (await readdir(folder)).filter((name) => name.endsWith(MANIFEST_SUFFIX));
  if (names.length !== 1) {
    throw new ApiError({ code: 'NOT_FOUND', message: 'This export has no manifest, so a PNG cannot be added to it.', hint: 'Export the chart again.' });
  }
  return names[0]!;
}

export function decodePng(base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) {
    throw new ApiError({ code: 'BAD_REQUEST', message: 'The chart image is not a PNG file.', hint: 'Export again; if it keeps failing, choose a lower resolution.' });
  }
  return bytes;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Writes `<base>.png` beside the export (never over an existing one) and lists it in the manifest. */
export async function storePngBesideExport(folder: string, png: Buffer): Promise<StoredPng> {
  const manifestName = await findManifestName(folder);
  const manifestPath = join(folder, manifestName);
  const manifest = await readManifest(manifestPath);
  const name = `${manifestName.slice(0, -MANIFEST_SUFFIX.length)}.png`;
  const path = join(folder, name);
  if (manifest.files.some((file) => file.name === name) || (await exists(path))) {
    throw new ApiError({ code: 'CONFLICT', message: `${name} was already stored with this export; an exported file is never replaced.`, hint: 'Export the chart again for a new image.' });
  }
  await writeAtomically(path, png);
  const sha256 = sha256Of(png);
  const amended: ExportManifest = { ...manifest, files: [...manifest.files, { name, format: 'png', bytes: png.byteLength, sha256 }] };
  const manifestText = `${JSON.stringify(amended, null, 2)}\n`;
  await writeAtomically(manifestPath, manifestText);
  return {
    name,
    bytes: png.byteLength,
    sha256,
    manifestName,
    manifestBytes: Buffer.byteLength(manifestText),
    manifestSha256: sha256Of(manifestText),
    manifest: amended,
  };
}

async function writeAtomically(path: string, content: string | Buffer): Promise<void> {
  const temporary = `${path}.partial`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}
