// Files arrive from the renderer as base64 (both transports carry JSON). Each one is stored in a folder of
// its own under the imports directory, under its original base name: the importer derives record ids from
// the file name, so the same export imported twice lands on the same records (idempotent re-import).
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../contract/api';

/** Bytes a file name may take: file systems allow 255, and the rejects file adds ".rejects.csv". */
const MAX_NAME_BYTES = 200;

/**
 * The base name only, without characters that are unsafe in a file name on any of our platforms, and cut
 * (keeping its extension) to a length every file system accepts. The cut is deterministic, so the same long
 * name still lands on the same records when imported again.
 */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base.replace(/[\u0000-\u001f<>:"|?*]/g, '_').replace(/^\.+/, '').trim();
  if (!cleaned) return 'import.csv';
  if (Buffer.byteLength(cleaned) <= MAX_NAME_BYTES) return cleaned;
  const extension = /\.[A-Za-z0-9]{1,8}$/.exec(cleaned)?.[0] ?? '';
  let stem = cleaned.slice(0, cleaned.length - extension.length);
  while (Buffer.byteLength(stem) + extension.length > MAX_NAME_BYTES) stem = [...stem].slice(0, -1).join('');
  return `${stem.trimEnd()}${extension}`;
}

export function decodeBase64(base64: string, name: string): Buffer {
  // Data URLs ("data:text/csv;base64,…") are accepted as well: that is what FileReader gives.
  const payload = base64.replace(/^data:[^,]*,/, '');
  if (!/^[A-Za-z0-9+/\r\n]*={0,2}\s*$/.test(payload)) {
    throw new ApiError({ code: 'BAD_REQUEST', message: `${name} did not arrive intact (it is not valid base64).`, hint: 'Choose the file again.' });
  }
  return Buffer.from(payload, 'base64');
}

/** Writes the file to `<dir>/<safe name>` and returns its path. */
export async function storeUploadedFile(dir: string, name: string, base64: string): Promise<string> {
  const bytes = decodeBase64(base64, name);
  await fs.promises.mkdir(dir, { recursive: true });
  const file = path.join(dir, safeFileName(name));
  await fs.promises.writeFile(file, bytes);
  return file;
}
