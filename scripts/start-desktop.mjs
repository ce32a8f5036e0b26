#!/usr/bin/env node
// npm start — runs the Schakel desktop app from a checkout. Explains plainly when the Electron runtime is
// missing (it cannot be downloaded on offline machines); otherwise rebuilds what is stale and starts it.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { locateElectronBinary, missingElectronMessage } = await tsImport('../electron/tooling/electron-runtime.ts', import.meta.url);

const runtime = locateElectronBinary(repoRoot);
if (!runtime.available) {
  console.error(missingElectronMessage(runtime.reason));
  if (process.env.SCHAKEL_NO_WEB_FALLBACK) process.exit(1);
  // A fresh clone must still run: serve the same workbench to a browser, as `npm run web` does.
  console.error('\nStarting the same workbench for your browser now (npm run web; set SCHAKEL_NO_WEB_FALLBACK=1 to skip this)…\n');
  const web = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'web-server', 'cli.ts'), ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => web.exitCode === null && web.kill(signal));
  web.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
  await new Promise(() => undefined); // the web server runs until it is stopped
}

/** Folders whose sources end up in dist/ (renderer bundle or Electron bundles). */
const SOURCE_DIRS = ['renderer', 'electron', 'contract', 'backend', 'graph-queries', 'local-neo4j', 'identifiers', 'demo-data'];
const OUTPUTS = ['dist/renderer/index.html', 'dist/electron/main.cjs', 'dist/electron/preload.cjs'];
const SKIPPED_DIRS = new Set(['node_modules', 'target', 'dist', '.git']);

function newestSourceTime(dir) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (SKIPPED_DIRS.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceTime(full));
    else if (/\.(tsx?|mts|css|html|json|svg)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function buildIsStale() {
  const outputs = OUTPUTS.map((file) => path.join(repoRoot, file));
  if (outputs.some((file) => !existsSync(file))) return true;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  const newestInput = Math.max(statSync(path.join(repoRoot, 'package.json')).mtimeMs, ...SOURCE_DIRS.map((dir) => newestSourceTime(path.join(repoRoot, dir))));
  return newestInput > oldestOutput;
}

if (buildIsStale()) {
  console.log('Building Schakel (renderer and Electron bundles)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build'], { cwd: repoRoot, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.error('The build failed (see above). Fix the error and run "npm start" again.');
    process.exit(1);
  }
}

// Electron reads package.json "main" (dist/electron/main.cjs) when given the app folder, which also gives
// the app its name and version.
const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE; // would make the binary behave as plain Node
const child = spawn(runtime.executablePath, [repoRoot, ...process.argv.slice(2)], { cwd: repoRoot, stdio: 'inherit', env });

// Ctrl+C reaches the child through the terminal's process group; forward explicit signals too, so the app
// can stop its local Neo4j before exiting.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on('error', (error) => {
  console.error(`Could not start Electron at ${runtime.executablePath}: ${error.message}`);
  process.exit(1);
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
