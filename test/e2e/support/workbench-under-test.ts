// Starts the real stack for an e2e test: demo data seeded into the test Neo4j, the backend service, the
// browser-mode web server on a free port, and a real Chromium. Nothing is mocked.
import { findChromium } from '../../../scripts/chromium';
import type { Driver } from 'neo4j-driver';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createWorkbench, type Workbench, type WorkbenchOptions } from '../../../backend/workbench';
import { seedDemo } from '../../../demo-data/seed';
import { createDriver } from '../../../graph-queries/driver';
import { startWebServer, type RunningWebServer } from '../../../web-server/server';
import { ensureRendererBuilt } from './renderer-build';
import { tempDataDir } from '../../setup/temp-data-dir';

export const CHROMIUM_PATH = findChromium() ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-gpu',
  // WebGL on SwiftShader, the software rasteriser a machine without a GPU has: the chart's WebGL overview
  // needs it, and newer Chromium no longer falls back to it without this switch.
  '--enable-unsafe-swiftshader',
];

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far on this page. */
  problems: string[];
}

export interface WorkbenchUnderTest {
  server: RunningWebServer;
  workbench: Workbench;
  /** For reading expected values straight from the database. */
  driver: Driver;
  /** `locale` sets the browser's language list (navigator.languages), as the OS would. */
  openPage(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<OpenedPage>;
  close(): Promise<void>;
}

export function testNeo4jUri(): string {
  const uri = process.env.SCHAKEL_TEST_NEO4J_URI;
  if (!uri) throw new Error('SCHAKEL_TEST_NEO4J_URI is not set: run e2e tests through vitest (its global setup starts Neo4j).');
  return uri;
}

/** Each stack gets its own data folder (identity, audit journal, exports) unless the test names one. */
export async function startWorkbenchUnderTest(
  neo4jUri: string = testNeo4jUri(),
  options: { dataDir?: string; seedDemo?: boolean; workbench?: Pick<WorkbenchOptions, 'demo' | 'demoTarget' | 'identity'> } = {},
): Promise<WorkbenchUnderTest> {
  const staticDir = ensureRendererBuilt();
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error) => console.error('[e2e] cleanup failed:', error));
  };
  try {
    const workbench: Workbench = createWorkbench({ neo4j: { uri: neo4jUri }, localDataDir: options.dataDir ?? tempDataDir(), log: () => undefined, ...options.workbench });
    cleanups.push(() => workbench.shutdown());
    await workbench.start();

    const driver = createDriver({ uri: neo4jUri });
    cleanups.push(() => driver.close());
    if (options.seedDemo !== false) await seedDemo(driver, { scale: 1, dataDir: tempDataDir() }); // idempotent: a second test file finds the data already there

    const server = await startWebServer({ port: 0, staticDir, workbench });
    cleanups.push(() => server.close());

    const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());

    const openPage = async (options: { viewport?: { width: number; height: number }; locale?: string } = {}): Promise<OpenedPage> => {
      const context: BrowserContext = await browser.newContext({
        viewport: options.viewport ?? { width: 1440, height: 860 },
        ...(options.locale ? { locale: options.locale } : {}),
      });
      const page = await context.newPage();
      const problems = await watchForProblems(page);
      await page.goto(server.url);
      return { page, problems };
    };
    return { server, workbench, driver, openPage, close };
  } catch (error) {
    await close();
    throw error;
  }
}

async function watchForProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  // Chromium reports CSP violations on the console too; the event makes sure none slips by as a warning.
  // (A string, not a function: this file is compiled without DOM types.)
  await page.addInitScript(`
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error('CSP violation: ' + event.violatedDirective + ' blocked ' + (event.blockedURI || 'inline'));
    });
  `);
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' || /Content Security Policy/i.test(text)) problems.push(`console ${message.type()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  return problems;
}
