// Finds the Electron executable the way the `electron` npm package does (node_modules/electron/index.js:
// path.txt names the binary inside dist/, ELECTRON_OVERRIDE_DIST_PATH points elsewhere), but reports WHY it
// is missing instead of throwing, so `npm start` and the smoke test can explain it plainly.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type ElectronRuntime =
  | { available: true; executablePath: string; version: string }
  | { available: false; reason: string };

export function locateElectronBinary(repoRoot: string, env: NodeJS.ProcessEnv = process.env): ElectronRuntime {
  let packageDir: string;
  let version = 'unknown';
  try {
    const packageJsonPath = createRequire(path.join(repoRoot, 'package.json')).resolve('electron/package.json');
    packageDir = path.dirname(packageJsonPath);
    version = (JSON.parse(readFileSync(packageJsonPath, 'utf8')) as { version?: string }).version ?? version;
  } catch {
    return { available: false, reason: 'the "electron" npm package is not installed (run "npm install")' };
  }

  const pathFile = path.join(packageDir, 'path.txt');
  const relativeBinary = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const overrideDir = env.ELECTRON_OVERRIDE_DIST_PATH?.trim();

  let executablePath: string;
  if (overrideDir) {
    executablePath = path.join(overrideDir, relativeBinary || 'electron');
  } else if (relativeBinary) {
    executablePath = path.join(packageDir, 'dist', relativeBinary);
  } else {
    return {
      available: false,
      reason: `the Electron ${version} binary was never downloaded; ${path.relative(repoRoot, pathFile)} is missing`,
    };
  }
  if (!existsSync(executablePath)) {
    return { available: false, reason: `the Electron binary is missing at ${executablePath}` };
  }
  return { available: true, executablePath, version };
}

/** The plain explanation `npm start` prints when the runtime is missing. */
export function missingElectronMessage(reason: string): string {
  return [
    'The Electron runtime is not installed: its installer downloads the binary from GitHub, which this machine',
    'cannot reach.',
    `(Detail: ${reason}.)`,
    '',
    'To get it:',
    '  - On a machine that can reach GitHub, allow the electron package to run its installer:',
    '        npm install-scripts approve electron && npm rebuild electron',
    '    (package.json "allowScripts" blocks it by default on purpose.)',
    '  - Behind a firewall, point the installer at a local mirror or a pre-downloaded zip, then rebuild:',
    '        ELECTRON_MIRROR=https://your-mirror/electron/ npm rebuild electron',
    '        electron_config_cache=/path/to/folder/with/electron-zip npm rebuild electron',
    '  - Or unpack an Electron build yourself and set ELECTRON_OVERRIDE_DIST_PATH to its folder.',
    '',
    'Meanwhile the same workbench runs in a browser:  npm run web',
  ].join('\n');
}
