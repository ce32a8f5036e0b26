// Builds the chart benchmark page with Vite when it is missing or older than its sources (the page itself
// or the renderer's chart code it bundles).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../test/e2e/support/renderer-build';

export const CHART_PAGE_DIST = path.join(REPO_ROOT, 'dist', 'bench-chart-page');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

export function ensureChartPageBuilt(): string {
  const index = path.join(CHART_PAGE_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(REPO_ROOT, 'bench', 'chart-page')),
    newestMtime(path.join(REPO_ROOT, 'renderer', 'src', 'chart')),
    newestMtime(path.join(REPO_ROOT, 'contract')),
  );
  if (!fs.existsSync(index) || fs.statSync(index).mtimeMs < sources) {
    execFileSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'bench/chart-page/vite.config.ts'], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
  }
  return CHART_PAGE_DIST;
}
