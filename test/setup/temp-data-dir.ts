// Tests never write into the user's real data directory (ground-truth files, settings, journals).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDataDir(prefix = 'schakel-test-data-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
