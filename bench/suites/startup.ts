// Startup: how long an analyst waits. (1) From `npm run db:start` (the real CLI, as a child process) to a
// full-text query answered on the benchmark database. (2) From launching the browser-mode app (backend +
// web server + Chromium) to search results on screen, against Chromium opening a blank page (baseline).
import { spawn } from 'node:child_process';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { createWorkbench } from '../../backend/workbench';
import { createDriver } from '../../graph-queries/driver';
import { FULLTEXT_INDEX } from '../../graph-queries/migrations';
import { stopLocalNeo4j } from '../../local-neo4j/manager';
import { ensureRendererBuilt, REPO_ROOT } from '../../test/e2e/support/renderer-build';
import { startWebServer } from '../../web-server/server';
import { launchChromium } from '../browser';
import { benchWorkbenchDir, type BenchDatabase } from '../bench-database';
import type { BenchmarkResult } from '../report';
import { round } from '../stats';
import type { SuiteContext } from './context';

const seconds = (ms: number) => round(ms / 1000, 2);

/** Runs `npm run db:start` the way the script does (tsx on local-neo4j/cli.ts) and resolves with its Bolt URI. */
function runDbStart(dataDir: string, port: number | undefined): Promise<string> {
  const tsxLoader = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  const args = ['--import', tsxLoader, path.join(REPO_ROOT, 'local-neo4j', 'cli.ts'), 'start', '--data-dir', dataDir, ...(port ? ['--port', String(port)] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.once('error', reject);
    child.once('exit', (code) => {
      const uri = /Bolt URI:\s*(\S+)/.exec(output)?.[1];
      if (code === 0 && uri) resolve(uri);
      else reject(new Error(`db:start failed (exit ${code}): ${output.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
}

/** Stops the managed benchmark database and times db:start → first answered query. Leaves it running. */
export async function dbStartupBenchmark(ctx: SuiteContext, db: BenchDatabase): Promise<{ result: BenchmarkResult; uri?: string }> {
  const base = { name: 'startup: db:start → first query answered', group: 'startup' as const, unit: 's', warmup: 0, repetitions: 1 };
  if (!db.managedDataDir) {
    return { result: { ...base, parameters: {}, skipped: 'NEO4J_URI points at a server this benchmark does not manage' } };
  }
  ctx.log('Stopping the benchmark database to time a cold db:start…');
  await db.driver.close();
  await stopLocalNeo4j({ dataDir: db.managedDataDir });
  const started = performance.now();
  const uri = await runDbStart(db.managedDataDir, db.port);
  const startedAt = performance.now();
  const driver = createDriver({ uri });
  try {
    await driver.executeQuery('CALL db.index.fulltext.queryNodes($index, $q, {limit: 1}) YIELD node RETURN node', { index: FULLTEXT_INDEX, q: 'jan', limit: neo4j.int(1) });
  } finally {
    await driver.close();
  }
  const answered = performance.now();
  return {
    uri,
    result: {
      ...base,
      parameters: { entities: db.counts.entities, relationships: db.counts.relationships },
      schakel: {
        description: 'npm run db:start (tsx CLI, JVM launch, store recovery/open) then one full-text query over Bolt',
        value: seconds(answered - started),
        details: { dbStartSeconds: seconds(startedAt - started), firstQuerySeconds: seconds(answered - startedAt) },
      },
      notes: ['No baseline: this is an absolute figure (Neo4j itself is what starts).'],
    },
  };
}

/** Backend + web server + Chromium until search results show, against Chromium showing a blank page. */
export async function appStartupBenchmark(ctx: SuiteContext, uri: string, searchTerm: string): Promise<BenchmarkResult> {
  const staticDir = ensureRendererBuilt();
  const repetitions = ctx.quick ? 1 : 3;
  const app: number[] = [];
  const blank: number[] = [];
  for (let i = 0; i < repetitions; i++) {
    const blankStarted = performance.now();
    const plainBrowser = await launchChromium();
    const plainPage = await plainBrowser.newPage();
    await plainPage.goto('about:blank');
    await plainPage.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(true)))');
    blank.push(performance.now() - blankStarted);
    await plainBrowser.close();

    const started = performance.now();
    const workbench = createWorkbench({ neo4j: { uri }, localDataDir: benchWorkbenchDir(ctx.dataRoot), log: () => undefined });
    await workbench.start();
    const server = await startWebServer({ port: 0, staticDir, workbench });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
      await page.goto(server.url);
      await page.getByRole('combobox', { name: 'Search entities' }).fill(searchTerm);
      await page.getByRole('option').first().waitFor({ timeout: 60_000 });
      app.push(performance.now() - started);
    } finally {
      await browser.close();
      await server.close();
      await workbench.shutdown();
    }
  }
  const schakel = { description: 'createWorkbench + web server + Chromium → page loaded → typed search shows results', value: seconds(median(app)), details: { runsSeconds: app.map(seconds) } };
  const baseline = { description: 'Chromium launch → blank page painted', value: seconds(median(blank)), details: { runsSeconds: blank.map(seconds) } };
  return {
    name: 'startup: app launch → interactive search',
    group: 'startup',
    parameters: { searchTerm, transport: 'browser mode (Electron binary not installed here)' },
    unit: 's',
    warmup: 0,
    repetitions,
    schakel,
    baseline,
    ratio: round(schakel.value / baseline.value, 3),
    ratioMeaning: 'Schakel app launch / bare browser launch (the extra time the app itself adds, as a multiple)',
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
