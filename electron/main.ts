// Electron main process of the Schakel desktop app: one locked-down window showing the built renderer over
// app://schakel/, the contract bound to IPC, and the backend service (database connection, managed local
// Neo4j) living here in the main process. Built by scripts/build-electron.mjs into dist/electron/main.cjs,
// so `__dirname` below is dist/electron.
import path from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, safeStorage, session, shell } from 'electron';
import { createWorkbench, type Workbench } from '../backend/workbench';
import { resolveDataDir } from '../local-neo4j/paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { createSafeStorageCredentialStore } from './credential-store';
import { lockDownSession, lockDownWebContents } from './hardening';
import { registerIpcHandlers } from './ipc';
import { applicationMenuTemplate, MENU_LANGUAGE_CHANNEL } from './menu';
import { APP_ENTRY_URL, secureWebPreferences } from './security-policy';
import { demoModeFromArgs } from './demo-mode';
import { startAppLog } from './app-log';
import { devToolsAllowed } from './support-switches';

const APP_NAME = 'Schakel';
const BUNDLE_DIR = __dirname;
const RENDERER_DIR = path.join(BUNDLE_DIR, '..', 'renderer');
const PRELOAD_PATH = path.join(BUNDLE_DIR, 'preload.cjs');
/** Stopping a local Neo4j normally takes seconds; never let a hung stop keep the app from quitting. */
const SHUTDOWN_GRACE_MS = 30_000;

// --- Before ready: settings Electron only accepts this early. ---------------------------------------------

app.setName(APP_NAME);
// All of Schakel's data lives under one folder (SCHAKEL_DATA_DIR moves it): the local database beside the
// desktop app's own files. Setting userData also scopes the single-instance lock to that folder, so two
// copies with different SCHAKEL_DATA_DIR (e.g. tests) do not block each other.
app.setPath('userData', path.join(resolveDataDir(), 'desktop'));
app.enableSandbox();
registerAppScheme();
const appLog = startAppLog(resolveDataDir());
const DEVTOOLS = devToolsAllowed(app.isPackaged);

if (app.isPackaged && !process.env.SCHAKEL_NEO4J_LAUNCHER_DIR) {
  // electron-builder copies the prebuilt Java launcher here (see build/electron-builder.yml).
  process.env.SCHAKEL_NEO4J_LAUNCHER_DIR = path.join(process.resourcesPath, 'neo4j-launcher');
}
if (app.isPackaged && !process.env.SCHAKEL_JAVA_RUNTIME) {
  // The trimmed Java runtime (Windows, macOS, AppImage), used only when no Java 17+ is installed.
  process.env.SCHAKEL_JAVA_RUNTIME = path.join(process.resourcesPath, 'java-runtime');
}

if (!app.requestSingleInstanceLock()) {
  // Another Schakel already owns this data folder (and its local database); it gets focus instead.
  app.exit(0);
} else {
  startApp();
}

function startApp(): void {
  let mainWindow: BrowserWindow | null = null;
  let workbench: Workbench | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every web contents (the window, devtools, anything created later) gets the same guards.
  app.on('web-contents-created', (_event, contents) => lockDownWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  const openWindow = (): void => {
    const window = createMainWindow();
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  installShutdown(() => workbench);

  app.whenReady().then(
    () => {
      lockDownSession(session.defaultSession);
      serveRenderer(session.defaultSession, RENDERER_DIR, () => workbench?.mapTileOrigin());
      Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate({ ...menuActions(), devTools: DEVTOOLS })));

      workbench = createWorkbench({
        credentialStore: createSafeStorageCredentialStore({
          filePath: path.join(app.getPath('userData'), 'credentials.bin'),
          encryption: safeStorage,
        }),
        demo: demoModeFromArgs(process.argv, app.isPackaged),
        log: (message) => appLog.info(`[schakel] ${message}`),
      });
      registerIpcHandlers(ipcMain, workbench.handlers);
      openWindow();

      // The window opens at once; the renderer polls getConnectionStatus and shows "starting" meanwhile.
      workbench.start().then(
        (status) => console.log(`[schakel] database: ${status.state}${status.uri ? ` ${status.uri}` : ''}`),
        (error: unknown) => console.error('[schakel] the database did not start:', (error as Error)?.message ?? error),
      );
    },
    (error: unknown) => {
      dialog.showErrorBox(`${APP_NAME} could not start`, String((error as Error)?.message ?? error));
      app.exit(1);
    },
  );
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    title: APP_NAME,
    width: 1440,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences(PRELOAD_PATH, DEVTOOLS),
  });
  window.once('ready-to-show', () => window.show());
  window.webContents.on('did-fail-load', (_event, code, description, url) => {
    console.error(`[schakel] the window could not load ${url}: ${description} (${code})`);
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    dialog.showErrorBox(
      `${APP_NAME} could not open its window`,
      `${String((error as Error)?.message ?? error)}\n\nThe built user interface is missing or damaged. ` +
        'When running from source, run "npm run build" and start again; otherwise reinstall Schakel.',
    );
  });
  return window;
}

function menuActions() {
  return {
    appName: APP_NAME,
    platform: process.platform,
    showAbout: () => {
      void dialog.showMessageBox({
        type: 'info',
        title: `About ${APP_NAME}`,
        message: `${APP_NAME} ${app.getVersion()}`,
        detail:
          'Offline, Neo4j-native case-linking workbench for Belgian and Dutch police.\n' +
          `Licence: GPL-3.0-or-later.\nElectron ${process.versions.electron}, Node ${process.versions.node}.\n` +
          `Data folder: ${resolveDataDir()}\nLog file (for the helpdesk; no personal data): ${appLog.file}`,
      });
    },
    setLanguage: (language: string) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(MENU_LANGUAGE_CHANNEL, language);
    },
    openDataFolder: () => {
      void shell.openPath(resolveDataDir()).then((problem) => {
        if (problem) dialog.showErrorBox('Could not open the data folder', problem);
      });
    },
  };
}

/**
 * Quitting first closes the database connection and stops the local Neo4j we started (it holds a store
 * lock; a clean stop avoids recovery on the next start), then lets Electron quit.
 */
function installShutdown(currentWorkbench: () => Workbench | null): void {
  let phase: 'running' | 'stopping' | 'stopped' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'stopped') return;
    event.preventDefault();
    if (phase === 'stopping') return;
    phase = 'stopping';
    const workbench = currentWorkbench();
    const stopped = workbench ? workbench.shutdown() : Promise.resolve();
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    Promise.race([stopped, timeout])
      .catch((error: unknown) => console.error('[schakel] shutdown problem:', (error as Error)?.message ?? error))
      .finally(() => {
        phase = 'stopped';
        app.quit();
      });
  });
  // Ctrl+C in the terminal of `npm start` (or a service manager's SIGTERM) must also stop Neo4j cleanly.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());
}
