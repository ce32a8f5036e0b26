// `npm start` on a machine without the Electron binary must say what is missing and how to go on.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locateElectronBinary } from '../../electron/tooling/electron-runtime';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const runtime = locateElectronBinary(repoRoot);

describe('npm start without the Electron runtime', () => {
  it.skipIf(runtime.available)('explains what is missing and points to npm run web', () => {
    const result = spawnSync(process.execPath, [resolve(repoRoot, 'scripts/start-desktop.mjs')], {
      cwd: repoRoot,
      env: { ...process.env, SCHAKEL_NO_WEB_FALLBACK: '1' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Electron runtime is not installed/);
    expect(result.stderr).toMatch(/npm run web/);
    expect(result.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
  });
});
