// The real dist/electron/main.cjs bundle, loaded by Node with a recording stand-in for the 'electron'
// module (fake-electron.cjs) and the real backend against the real test Neo4j. It runs on every machine,
// including ones without the Electron binary, and checks the wiring: sandbox, scheme, CSP on served files,
// blocked requests and permissions, IPC bound to the backend, and shutdown before quit.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { isBuiltin } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, ipcChannel } from '../../contract/api';
import { renderToStaticMarkup } from 'react-dom/server';
import { createElement, type ComponentType } from 'react';
import type { ApiEnvelope } from '../../contract/api';
import { seedDemo } from '../../demo-data/seed';
import { CONTENT_SECURITY_POLICY } from '../../electron/security-policy';
import { MAIN_EXTERNAL_PACKAGES, bundleMain, bundlePreload } from '../../electron/tooling/bundle';
import { twoPeople } from '../integration/annotations-support';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

const HARNESS = path.join(import.meta.dirname, 'main-harness.cjs');

/** The window's own modules, run as the page runs them (they are type-checked in the renderer project). */
async function rendererModules() {
  const load = (relative: string) => import(/* @vite-ignore */ path.join(import.meta.dirname, '..', '..', 'renderer', 'src', relative));
  const [transport, operations, conflictView] = await Promise.all([load('api/electron-transport.ts'), load('api/operations.ts'), load('annotations/ConflictView.tsx')]);
  return {
    createElectronApi: transport.createElectronApi as (preload: Record<string, () => Promise<unknown>>) => Record<string, (request: unknown) => Promise<unknown>>,
    operations: operations.RENDERER_OPERATIONS as readonly string[],
    ConflictView: conflictView.ConflictView as ComponentType<{ conflict: unknown; onTakeTheirs: () => void; onApplyMine: () => void }>,
  };
}

interface HarnessReport {
  calls: string[];
  userData: string;
  sandboxEnabledBeforeReady: boolean;
  schemes: [Array<{ scheme: string; privileges: Record<string, boolean> }>, boolean];
  menu: string[];
  windowCount: number;
  webPreferences: Record<string, unknown>;
  loadedUrls: string[];
  page: { status: number; contentType: string; csp: string; body: string };
  escapeStatus: number;
  webRequests: Record<'app' | 'https' | 'bolt', { cancel: boolean }>;
  permissionGranted: boolean;
  permissionCheck: boolean;
  windowOpen: { action: string };
  navigationPrevented: boolean;
  appNavigationPrevented: boolean;
  ipcChannels: string[];
  status: { ok: boolean; result?: { state: string; uri?: string; kind: string } };
  refused: { ok: boolean; error?: { code: string } };
  rememberWithoutKeychain: { ok: boolean; error?: { code: string; message: string; hint?: string } };
  conflictOverIpc: ApiEnvelope<unknown> | null;
  quitPrevented: boolean;
  quitCalledAfterShutdown: boolean;
}

let workDir: string;
let bundleCode: string;
let report: HarnessReport;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'schakel-main-bundle-'));
  // Same layout as the app: <root>/dist/electron/main.cjs beside <root>/dist/renderer/.
  const bundle = path.join(workDir, 'dist', 'electron', 'main.cjs');
  await bundleMain({ outfile: bundle, logLevel: 'error' });
  await bundlePreload({ outfile: path.join(workDir, 'dist', 'electron', 'preload.cjs'), logLevel: 'error' });
  // Two people to link, so the harness can make two analysts' saves collide.
  let harnessPeople = '';
  const driver = createTestDriver();
  try {
    await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
    harnessPeople = (await twoPeople(driver)).join(',');
  } finally {
    await driver.close();
  }
  bundleCode = await readFile(bundle, 'utf8');
  await mkdir(path.join(workDir, 'dist', 'renderer'), { recursive: true });
  await writeFile(path.join(workDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Schakel test page</title>');

  const run = spawnSync(process.execPath, [HARNESS, bundle], {
    encoding: 'utf8',
    env: { ...process.env, SCHAKEL_DATA_DIR: path.join(workDir, 'data'), NEO4J_URI: testNeo4jUri(), SCHAKEL_HARNESS_PEOPLE: harnessPeople },
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`main.cjs under the fake Electron failed:\n${run.stderr}\n${run.stdout}`);
  report = JSON.parse(run.stdout.trim().split('\n').pop()!) as HarnessReport;
});

afterAll(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

describe('main process (bundle under a recording Electron stand-in, real Neo4j)', () => {
  it('requires only electron, Node built-ins and the packages deliberately left external', () => {
    const required = new Set([...bundleCode.matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]));
    expect(required.has('electron')).toBe(true);
    const packageOf = (name: string) => name.split('/').slice(0, name.startsWith('@') ? 2 : 1).join('/');
    const others = [...required].filter((name) => !isBuiltin(name) && !MAIN_EXTERNAL_PACKAGES.includes(packageOf(name)));
    expect(others).toEqual([]);
  });

  it('enables the sandbox and registers the app:// scheme before ready, with data under SCHAKEL_DATA_DIR', () => {
    expect(report.sandboxEnabledBeforeReady).toBe(true);
    const [schemes, registeredAfterReady] = report.schemes;
    expect(registeredAfterReady).toBe(false);
    expect(schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(report.userData).toBe(path.join(workDir, 'data', 'desktop'));
    expect(report.calls.indexOf('app.requestSingleInstanceLock')).toBeGreaterThan(report.calls.indexOf('app.setPath'));
  });

  it('opens one locked-down window on app://schakel/index.html with the bundled preload', () => {
    expect(report.windowCount).toBe(1);
    expect(report.loadedUrls).toEqual(['app://schakel/index.html']);
    expect(report.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(report.webPreferences.preload).toBe(path.join(workDir, 'dist', 'electron', 'preload.cjs'));
    expect(report.menu).toEqual(['&File', '&Edit', '&View', '&Help']);
  });

  it('serves the renderer with the CSP header and refuses paths outside it', () => {
    expect(report.page.status).toBe(200);
    expect(report.page.contentType).toBe('text/html; charset=utf-8');
    expect(report.page.csp).toBe(CONTENT_SECURITY_POLICY);
    expect(report.page.body).toContain('Schakel test page');
    expect(report.escapeStatus).toBe(404);
  });

  it('cancels every request that is not app: and denies permissions, pop-ups and foreign navigation', () => {
    expect(report.webRequests).toEqual({ app: { cancel: false }, https: { cancel: true }, bolt: { cancel: true } });
    expect(report.permissionGranted).toBe(false);
    expect(report.permissionCheck).toBe(false);
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.navigationPrevented).toBe(true);
    expect(report.appNavigationPrevented).toBe(false);
  });

  it('binds every operation to IPC and answers from the real database, refusing foreign senders', () => {
    expect(report.ipcChannels).toEqual(OPERATION_NAMES.map(ipcChannel).sort());
    expect(report.status).toMatchObject({ ok: true, result: { state: 'connected', kind: 'remote', uri: testNeo4jUri() } });
    expect(report.refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  });

  it('refuses to remember a password without a real keychain, saying what to do', () => {
    expect(report.rememberWithoutKeychain).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(report.rememberWithoutKeychain.error!.message).toContain('plain text');
  });

  it('carries a CONFLICT with its conflict payload intact through IPC and the real preload, and the conflict view shows it', async () => {
    const envelope = report.conflictOverIpc;
    expect(envelope).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        conflict: {
          theirs: { kind: 'link', version: 2, note: 'saved by a colleague' },
          yours: { expectedVersion: 1, changes: { text: 'my own version' } },
        },
      },
    });
    // What the window's API layer makes of exactly that answer, and what the editor then shows.
    const { createElectronApi, operations, ConflictView } = await rendererModules();
    const preload = Object.fromEntries(operations.map((operation) => [operation, async () => envelope]));
    const thrown = (await createElectronApi(preload)
      .updateAnnotation({ id: 'AL-x', expectedVersion: 1, changes: { text: 'my own version' } })
      .catch((error: unknown) => error)) as { name: string; code: string; conflict: unknown };
    expect(thrown).toMatchObject({ name: 'WorkbenchClientError', code: 'CONFLICT' });
    const conflict = thrown.conflict;
    expect(conflict).toEqual(envelope && !envelope.ok ? envelope.error.conflict : undefined);
    const view = renderToStaticMarkup(createElement(ConflictView, { conflict, onTakeTheirs: () => undefined, onApplyMine: () => undefined }));
    expect(view).toContain('Conflicting versions');
    expect(view).toContain('Theirs: version 2');
    expect(view).toContain('saved by a colleague');
    expect(view).toContain('my own version');
  });

  it('holds the quit until the backend has shut down, then quits', () => {
    expect(report.quitPrevented).toBe(true);
    expect(report.quitCalledAfterShutdown).toBe(true);
  });
});
