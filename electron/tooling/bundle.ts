// Builds the two Electron bundles with esbuild. Used by scripts/build-electron.mjs (npm run build:electron)
// and by the unit test that checks the preload bundle needs nothing but electron.
//
//   dist/electron/main.cjs     main process: electron/main.ts + backend/ + graph-queries/ + local-neo4j/ + deps
//   dist/electron/preload.cjs  sandboxed preload: ONE CommonJS file whose only require is require("electron")
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions, type BuildResult, type Plugin } from 'esbuild';
import { OPERATION_NAMES, ipcChannel, type OperationName } from '../../contract/api';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ELECTRON_OUT_DIR = path.join(REPO_ROOT, 'dist', 'electron');
export const MAIN_BUNDLE = path.join(ELECTRON_OUT_DIR, 'main.cjs');
export const PRELOAD_BUNDLE = path.join(ELECTRON_OUT_DIR, 'preload.cjs');

/** Electron 39 ships Node 22 and Chromium 142. */
const NODE_TARGET = 'node22';
const CHROME_TARGET = 'chrome142';

/** operation → IPC channel, written into the preload at build time. */
export function ipcChannelMap(): Record<OperationName, string> {
  return Object.fromEntries(OPERATION_NAMES.map((operation) => [operation, ipcChannel(operation)])) as Record<
    OperationName,
    string
  >;
}

export function preloadBuildOptions(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    absWorkingDir: REPO_ROOT,
    entryPoints: [path.join(REPO_ROOT, 'electron', 'preload.ts')],
    outfile: PRELOAD_BUNDLE,
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: CHROME_TARGET,
    // The sandboxed preload can require nothing but 'electron'; everything else must be inlined.
    external: ['electron'],
    define: { __SCHAKEL_IPC_CHANNELS__: JSON.stringify(ipcChannelMap()) },
    sourcemap: false,
    logLevel: 'warning',
    ...overrides,
  };
}

const IMPORT_META_PATTERN = /\bimport\.meta\b/g;

/**
 * Our sources are ESM and some find files next to themselves through import.meta.url (e.g. the Java
 * launcher beside local-neo4j/). In a CommonJS bundle import.meta is empty, so each project file gets its
 * import.meta.url rewritten to "where this source file sits relative to the app root": the bundle lives in
 * <root>/dist/electron, so <root> is two folders up at run time. From a checkout that is the real source
 * location; in a packaged app those folders are absent and code must use its documented override
 * (SCHAKEL_NEO4J_LAUNCHER_DIR, set by main.ts).
 */
function importMetaPlugin(): Plugin {
  return {
    name: 'schakel-import-meta',
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /\.(m?ts|tsx|m?js)$/ }, async (args) => {
        if (args.path.includes(`${path.sep}node_modules${path.sep}`) || !args.path.startsWith(REPO_ROOT)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta')) return undefined;
        const relative = path.relative(REPO_ROOT, args.path).split(path.sep).join('/');
        const contents = source.replace(IMPORT_META_PATTERN, `__schakelImportMeta(${JSON.stringify(relative)})`);
        const loader = args.path.endsWith('.tsx') ? 'tsx' : /\.m?ts$/.test(args.path) ? 'ts' : 'js';
        return { contents, loader, resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** Helpers the rewritten import.meta expressions call; __dirname is dist/electron at run time. */
const MAIN_BANNER = `"use strict";
function __schakelImportMeta(relative) {
  const filename = require("node:path").join(__dirname, "..", "..", relative);
  return { url: require("node:url").pathToFileURL(filename).href, filename, dirname: require("node:path").dirname(filename) };
}
const __schakelBundleUrl = require("node:url").pathToFileURL(__filename).href;`;

/**
 * Packages left out of the main bundle and loaded from node_modules at run time: electron is the runtime
 * itself; pdfkit and the DejaVu fonts read their own data files next to their sources (__dirname), which a
 * bundle would move; world-atlas is the PDF map page's border data, read from the package at run time. electron-builder ships production dependencies, so they are there when packaged.
 */
export const MAIN_EXTERNAL_PACKAGES = ['electron', 'pdfkit', 'dejavu-fonts-ttf', 'world-atlas'];

export function mainBuildOptions(overrides: Partial<BuildOptions> = {}): BuildOptions {
  return {
    absWorkingDir: REPO_ROOT,
    entryPoints: [path.join(REPO_ROOT, 'electron', 'main.ts')],
    outfile: MAIN_BUNDLE,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: NODE_TARGET,
    // Everything else (neo4j-driver, zod, …) is pure JavaScript and is bundled: one file to load, no
    // ESM/CommonJS interop surprises at run time.
    external: MAIN_EXTERNAL_PACKAGES,
    // Dependencies that are ESM and read import.meta.url get the bundle's own URL (our files: see plugin).
    define: { 'import.meta.url': '__schakelBundleUrl' },
    banner: { js: MAIN_BANNER },
    plugins: [importMetaPlugin()],
    sourcemap: 'linked',
    logLevel: 'warning',
    ...overrides,
  };
}

export async function bundlePreload(overrides: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return build(preloadBuildOptions(overrides));
}

export async function bundleMain(overrides: Partial<BuildOptions> = {}): Promise<BuildResult> {
  return build(mainBuildOptions(overrides));
}

/** Both bundles, as `npm run build:electron` does. */
export async function buildElectronBundles(): Promise<{ main: string; preload: string }> {
  await Promise.all([bundleMain(), bundlePreload()]);
  return { main: MAIN_BUNDLE, preload: PRELOAD_BUNDLE };
}
