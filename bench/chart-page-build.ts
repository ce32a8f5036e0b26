// Builds the chart benchmark page with Vite when it is missing or older than its sources (the page itself
// or the renderer's chart code it bundles).
import path from 'node:path';
import { REPO_ROOT, buildWithViteIfStale } from '../test/e2e/support/renderer-build';

export const CHART_PAGE_DIST = path.join(REPO_ROOT, 'dist', 'bench-chart-page');

export function ensureChartPageBuilt(): string {
  return buildWithViteIfStale({
    config: 'bench/chart-page/vite.config.ts',
    outDir: CHART_PAGE_DIST,
    sourceDirs: [path.join('bench', 'chart-page'), path.join('renderer', 'src', 'chart'), 'contract', 'shared-values'],
  });
}
