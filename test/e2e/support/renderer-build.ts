// The e2e tests drive the built renderer (what users get). `npm test` builds it first; when an e2e file is
// run on its own, build it here if it is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
export const RENDERER_DIST = path.join(REPO_ROOT, 'dist', 'renderer');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Runs `vite build --config <config>` when `<outDir>/index.html` is missing or older than any source folder. */
export function buildWithViteIfStale(options: { config: string; outDir: string; sourceDirs: string[]; extraArgs?: string[] }): string {
  const index = path.join(options.outDir, 'index.html');
  const sources = Math.max(...options.sourceDirs.map((dir) => newestMtime(path.join(REPO_ROOT, dir))));
  if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', options.config, ...(options.extraArgs ?? [])], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return options.outDir;
}

export function ensureRendererBuilt(): string {
  return buildWithViteIfStale({ config: 'renderer/vite.config.ts', outDir: RENDERER_DIST, sourceDirs: ['renderer', 'contract', 'shared-values'], extraArgs: ['--logLevel', 'warn'] });
}
