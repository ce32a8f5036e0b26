/**
 * `npm test`: the single test command.
 *
 *  0. makes sure a Chromium is there when browser tests are selected, and python3 with networkx when the
 *     centrality tests are (installs them as root on Debian/Ubuntu, else stops at once with the exact
 *     command to run);
 *  1. builds the renderer when it exists and e2e/electron tests are selected (they load the built page);
 *  2. starts ONE fresh local Neo4j in a temp dir (skipped when SCHAKEL_TEST_NEO4J_URI is already set,
 *     or when only projects without a database were asked for);
 *  3. runs Vitest over every project (extra args are forwarded: `npm test -- --project unit`), with
 *     the default reporter for humans and the JSON reporter to test-results/vitest.json;
 *  4. stops Neo4j and deletes its temp dir;
 *  5. ends with exactly one line: `N passed, N failed[, N skipped]`.
 * Exit code is non-zero when anything failed or when no test ran at all.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalNeo4jError, startLocalNeo4j, stopLocalNeo4j } from '../local-neo4j/manager';
import { findFreePort } from '../local-neo4j/process-utils';
import { ensureChromium } from './chromium';
import { ensureNetworkx, NETWORKX_TEST_FILES } from './networkx';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const resultsFile = path.join(root, 'test-results', 'vitest.json');
const DATABASE_PROJECTS = ['integration', 'e2e', 'electron'];
const BROWSER_PROJECTS = ['e2e', 'electron'];

interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

async function main(): Promise<number> {
  const extraArgs = process.argv.slice(2);
  const projects = requestedProjects(extraArgs);
  const env = { ...process.env };
  if (needsChromium(projects, extraArgs)) {
    const chromium = ensureChromium((line) => console.log(line), env);
    if (!chromium) {
      console.log('0 passed, 1 failed');
      return 1;
    }
    env.SCHAKEL_CHROMIUM = chromium;
  }
  if (runsIntegrationFiles(projects, extraArgs, NETWORKX_TEST_FILES) && !ensureNetworkx((line) => console.log(line))) {
    console.log('0 passed, 1 failed');
    return 1;
  }
  if (selects(projects, BROWSER_PROJECTS) && !buildRenderer()) {
    console.log('0 passed, 1 failed');
    return 1;
  }

  let neo4jDataDir: string | undefined;
  // Nothing a test writes (settings, journals, exports, ground truth) may land in the user's real data folder.
  env.SCHAKEL_DATA_DIR ||= fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-test-data-'));
  if (!env.SCHAKEL_TEST_NEO4J_URI && selects(projects, DATABASE_PROJECTS)) {
    neo4jDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-test-neo4j-'));
    const stopOnSignal = () => void cleanupNeo4j(neo4jDataDir).finally(() => process.exit(130));
    process.once('SIGINT', stopOnSignal);
    process.once('SIGTERM', stopOnSignal);
    try {
      const info = await startLocalNeo4j({
        dataDir: neo4jDataDir,
        port: await findFreePort(),
        onProgress: (line) => console.log(`[test neo4j] ${line}`),
      });
      env.SCHAKEL_TEST_NEO4J_URI = info.boltUri;
      console.log(`[test neo4j] ready at ${info.boltUri}`);
    } catch (error) {
      await cleanupNeo4j(neo4jDataDir);
      reportSetupError(error);
      console.log('0 passed, 1 failed');
      return 1;
    }
  }

  let vitestExit: number;
  try {
    vitestExit = await runVitest(extraArgs, env);
  } finally {
    await cleanupNeo4j(neo4jDataDir);
  }

  const totals = readTotals();
  if (!totals) {
    console.log(`Vitest wrote no results to ${path.relative(root, resultsFile)} (exit code ${vitestExit}).`);
    console.log('0 passed, 1 failed');
    return 1;
  }
  if (vitestExit !== 0 && totals.failed === 0) {
    // E.g. unhandled errors between tests: Vitest fails the run without failing a test.
    console.log(`Vitest exited with code ${vitestExit} although no test failed; see the output above.`);
  }
  if (totals.passed + totals.failed === 0) console.log('No tests ran.');
  console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
  return totals.failed > 0 || totals.passed + totals.failed === 0 || vitestExit !== 0 ? 1 : 0;
}

/** Builds the renderer for the e2e tests when the renderer exists; false when the build failed. */
function buildRenderer(): boolean {
  if (!fs.existsSync(path.join(root, 'renderer', 'vite.config.ts'))) {
    console.log('renderer/vite.config.ts not found: skipping the renderer build.');
    return true;
  }
  console.log('Building the renderer (npm run build:renderer)…');
  const result = spawnSync('npm', ['run', 'build:renderer'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) {
    console.log('The renderer build failed (see above); fix it, the e2e tests need it.');
    return false;
  }
  return true;
}

/**
 * The e2e tests and the bench's browser runs (test/integration/bench-quick.test.ts) drive Chromium: needed
 * when the e2e project runs, or the integration project runs without naming files other than the bench.
 */
function needsChromium(projects: string[], args: string[]): boolean {
  if (selects(projects, ['e2e'])) return true;
  return runsIntegrationFiles(projects, args, /bench/);
}

/** Whether the integration project runs and, where files are named, one of them matches `files`. */
function runsIntegrationFiles(projects: string[], args: string[], files: RegExp): boolean {
  if (!selects(projects, ['integration'])) return false;
  const named = args.filter((arg, i) => !arg.startsWith('-') && !(args[i - 1] ?? '').match(/^--(project|reporter|outputFile.*|testNamePattern|t)$/));
  return named.length === 0 || named.some((file) => files.test(file));
}

/** The `--project` filters passed through to Vitest (empty: all projects). */
function requestedProjects(args: string[]): string[] {
  const projects: string[] = [];
  args.forEach((arg, i) => {
    if (arg === '--project' && args[i + 1]) projects.push(args[i + 1]);
    else if (arg.startsWith('--project=')) projects.push(arg.slice('--project='.length));
  });
  return projects;
}

/** Whether the run includes any of these projects (filters may be globs such as `int*`). */
function selects(filters: string[], projects: string[]): boolean {
  if (filters.length === 0) return true;
  return filters.some((filter) => {
    if (filter.startsWith('!')) return true; // an exclusion leaves the others selected
    const pattern = new RegExp(`^${filter.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    return projects.some((project) => pattern.test(project));
  });
}

function runVitest(extraArgs: string[], env: NodeJS.ProcessEnv): Promise<number> {
  fs.rmSync(resultsFile, { force: true });
  const vitest = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  const args = [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`, ...extraArgs];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    child.once('error', (error) => {
      console.log(`Could not run Vitest: ${error.message}. Run "npm ci" first.`);
      resolve(1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Totals from Vitest's JSON report. A file that failed before any test ran (syntax error, failing
 * beforeAll) has no test results but a failed status: it counts as one failure so it cannot pass silently.
 */
function readTotals(): Totals | undefined {
  let report: {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: { status: string }[] }[];
  };
  try {
    report = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  } catch {
    return undefined;
  }
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

async function cleanupNeo4j(dataDir: string | undefined): Promise<void> {
  if (!dataDir) return;
  try {
    await stopLocalNeo4j({ dataDir });
  } catch (error) {
    reportSetupError(error);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function reportSetupError(error: unknown): void {
  if (error instanceof LocalNeo4jError) {
    console.log(`Test database: ${error.message}\nHint: ${error.hint}`);
  } else {
    console.log(`Test database: ${error instanceof Error ? error.message : String(error)}`);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.log(`The test run itself failed: ${error instanceof Error ? error.message : String(error)}`);
    console.log('0 passed, 1 failed');
    process.exitCode = 1;
  },
);
