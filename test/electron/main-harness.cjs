// Loads a built main.cjs with the fake 'electron' module and drives it like Electron would: ready, a
// request for the page, IPC calls, a navigation attempt, quit. Prints one JSON report on stdout.
// Usage: node main-harness.cjs <path/to/main.cjs>
'use strict';
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');
const vm = require('node:vm');

const fakeElectronPath = path.join(__dirname, 'fake-electron.cjs');
const originalResolve = Module._resolveFilename;
// The bundle is built into a temp folder; the packages it keeps external (pdfkit, fonts) are installed in
// the repository, as they ship beside main.cjs in the packaged app.
const repoRoot = path.resolve(__dirname, '..', '..');
Module._resolveFilename = function resolve(request, ...rest) {
  if (request === 'electron') return fakeElectronPath;
  try {
    return originalResolve.call(this, request, ...rest);
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND' || request.startsWith('.') || path.isAbsolute(request)) throw error;
    return require.resolve(request, { paths: [repoRoot] });
  }
};

const fake = require(fakeElectronPath);
const { app, __fake } = fake;
const flush = () => new Promise((resolve) => setImmediate(resolve));

async function main() {
  require(path.resolve(process.argv[2]));
  app.__becomeReady();
  for (let i = 0; i < 5; i++) await flush();

  const { sessionHandlers, windows, ipcHandlers, calls } = __fake;
  const window = windows[0];
  const fromApp = { senderFrame: { url: 'app://schakel/index.html' } };

  const page = await sessionHandlers.protocols.app({ url: 'app://schakel/index.html', method: 'GET' });
  const escape = await sessionHandlers.protocols.app({ url: 'app://schakel/..%2F..%2Fpackage.json', method: 'GET' });

  const webRequest = (url) => new Promise((resolve) => sessionHandlers.beforeRequest({ url }, resolve));
  const permission = () => new Promise((resolve) => sessionHandlers.permissionRequest({}, 'media', resolve));

  let navigationPrevented = false;
  window.webContents.emit('will-navigate', { preventDefault: () => (navigationPrevented = true) }, 'https://evil.example/');
  let appNavigationPrevented = false;
  window.webContents.emit('will-navigate', { preventDefault: () => (appNavigationPrevented = true) }, 'app://schakel/index.html');

  // The window opens before the database answers; wait (bounded) for start() to settle, as the UI's poll does.
  let status = await ipcHandlers.get('schakel:getConnectionStatus')(fromApp, {});
  for (let i = 0; i < 400 && ['connecting', 'starting-local'].includes(status.result?.state); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    status = await ipcHandlers.get('schakel:getConnectionStatus')(fromApp, {});
  }
  const refused = await ipcHandlers.get('schakel:getConnectionStatus')({ senderFrame: { url: 'https://evil.example/' } }, {});
  const rememberWithoutKeychain = await ipcHandlers.get('schakel:connect')(fromApp, {
    uri: process.env.NEO4J_URI,
    rememberPassword: true,
  });

  const conflictOverIpc = await conflictThroughPreload(window, ipcHandlers, fromApp);

  // Quit: before-quit is prevented until the workbench has shut down, then app.quit() runs again.
  let quitPrevented = false;
  app.emit('before-quit', { preventDefault: () => (quitPrevented = true) });
  for (let i = 0; i < 200 && !calls.some((call) => call.name === 'app.quit'); i++) await new Promise((r) => setTimeout(r, 25));

  const report = {
    calls: calls.map((call) => call.name),
    userData: calls.find((call) => call.name === 'app.setPath' && call.args[0] === 'userData')?.args[1],
    sandboxEnabledBeforeReady: calls.find((call) => call.name === 'app.enableSandbox')?.args[0] === false,
    schemes: calls.find((call) => call.name === 'protocol.registerSchemesAsPrivileged')?.args,
    menu: calls.find((call) => call.name === 'Menu.setApplicationMenu')?.args[0],
    windowCount: windows.length,
    webPreferences: window.options.webPreferences,
    loadedUrls: window.loadedUrls,
    page: { status: page.status, contentType: page.headers.get('content-type'), csp: page.headers.get('content-security-policy'), body: await page.text() },
    escapeStatus: escape.status,
    webRequests: {
      app: await webRequest('app://schakel/assets/index.js'),
      https: await webRequest('https://example.org/tracker.js'),
      bolt: await webRequest('http://127.0.0.1:7474/'),
    },
    permissionGranted: await permission(),
    permissionCheck: sessionHandlers.permissionCheck({}, 'clipboard-read'),
    windowOpen: window.webContents.windowOpenHandler({ url: 'https://example.org' }),
    navigationPrevented,
    appNavigationPrevented,
    ipcChannels: [...ipcHandlers.keys()].sort(),
    status,
    refused,
    rememberWithoutKeychain,
    conflictOverIpc,
    quitPrevented,
    quitCalledAfterShutdown: calls.some((call) => call.name === 'app.quit'),
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
  process.exit(0);
}

/**
 * Two analysts edit the same link: the second save answers CONFLICT. The call goes the way the page makes it:
 * through the real preload bundle (run as Electron's sandbox does, requiring only 'electron'), whose
 * ipcRenderer.invoke reaches the main process's real handler; every value crossing a process or the
 * context bridge is structured-cloned, as Electron does. Returns what window.schakelApi resolved with.
 */
async function conflictThroughPreload(window, ipcHandlers, fromApp) {
  const people = (process.env.SCHAKEL_HARNESS_PEOPLE ?? '').split(',').filter(Boolean);
  if (people.length !== 2) return null;
  const invokeMain = async (channel, request) => structuredClone(await ipcHandlers.get(channel)(fromApp, structuredClone(request)));
  const created = await invokeMain('schakel:createAnalystLink', {
    fromId: people[0],
    toId: people[1],
    status: 'hypothesis',
    note: 'first version',
    sourceReliability: 'B',
    informationReliability: '2',
    handling: 'H0',
  });
  if (!created.ok) throw new Error(`createAnalystLink failed: ${JSON.stringify(created.error)}`);
  const linkId = created.result.annotation.id;
  const first = await invokeMain('schakel:updateAnnotation', { id: linkId, expectedVersion: 1, changes: { text: 'saved by a colleague' } });
  if (!first.ok) throw new Error(`first update failed: ${JSON.stringify(first.error)}`);

  const exposed = {};
  const sandboxedElectron = {
    contextBridge: { exposeInMainWorld: (key, value) => (exposed[key] = value) },
    ipcRenderer: { invoke: invokeMain },
  };
  const preloadCode = fs.readFileSync(window.options.webPreferences.preload, 'utf8');
  const module = { exports: {} };
  const sandboxRequire = (name) => {
    if (name === 'electron') return sandboxedElectron;
    throw new Error(`module not found in the sandboxed preload: ${name}`);
  };
  vm.runInNewContext(`(function (require, module, exports) {${preloadCode}\n})`, { structuredClone })(sandboxRequire, module, module.exports);
  const answer = await exposed.schakelApi.updateAnnotation({ id: linkId, expectedVersion: 1, changes: { text: 'my own version' } });
  return structuredClone(answer);
}

main().catch((error) => {
  process.stderr.write(`harness failed: ${error?.stack ?? error}\n`);
  process.exit(1);
});
