// A recording stand-in for the 'electron' module, so the real dist/electron/main.cjs bundle can be loaded
// by plain Node on machines without the Electron binary. It implements only what main.cjs touches and
// records every call in `calls`; the harness (main-harness.cjs) then drives the registered callbacks.
'use strict';
const { EventEmitter } = require('node:events');

const calls = [];
const record = (name, ...args) => calls.push({ name, args });

const appEvents = new EventEmitter();
let readyResolve;
const ready = new Promise((resolve) => (readyResolve = resolve));
const paths = {};
let isReady = false;

const app = {
  isPackaged: false,
  setName: (name) => record('app.setName', name),
  setPath: (name, value) => {
    paths[name] = value;
    record('app.setPath', name, value);
  },
  getPath: (name) => paths[name] ?? `/fake/${name}`,
  getVersion: () => '0.0.0-test',
  enableSandbox: () => record('app.enableSandbox', isReady),
  requestSingleInstanceLock: () => {
    record('app.requestSingleInstanceLock');
    return true;
  },
  on: (event, listener) => {
    appEvents.on(event, listener);
    return app;
  },
  once: (event, listener) => {
    appEvents.once(event, listener);
    return app;
  },
  emit: (event, ...args) => appEvents.emit(event, ...args),
  listeners: (event) => appEvents.listeners(event),
  isReady: () => isReady,
  whenReady: () => ready,
  quit: () => record('app.quit'),
  exit: (code) => record('app.exit', code),
  /** Harness only: become ready, as Electron does after the first event-loop turns. */
  __becomeReady: () => {
    isReady = true;
    readyResolve();
  },
};

const protocol = {
  registerSchemesAsPrivileged: (schemes) => record('protocol.registerSchemesAsPrivileged', schemes, isReady),
};

const sessionHandlers = {};
const defaultSession = {
  setPermissionRequestHandler: (handler) => (sessionHandlers.permissionRequest = handler),
  setPermissionCheckHandler: (handler) => (sessionHandlers.permissionCheck = handler),
  setDevicePermissionHandler: (handler) => (sessionHandlers.devicePermission = handler),
  webRequest: { onBeforeRequest: (handler) => (sessionHandlers.beforeRequest = handler) },
  protocol: { handle: (scheme, handler) => (sessionHandlers.protocols = { ...sessionHandlers.protocols, [scheme]: handler }) },
};

const windows = [];
class WebContents extends EventEmitter {
  setWindowOpenHandler(handler) {
    this.windowOpenHandler = handler;
  }
}
class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.loadedUrls = [];
    windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
  static getAllWindows() {
    return windows;
  }
}

const ipcHandlers = new Map();
const ipcMain = {
  handle: (channel, handler) => ipcHandlers.set(channel, handler),
  removeHandler: (channel) => ipcHandlers.delete(channel),
};

const Menu = {
  buildFromTemplate: (template) => ({ template }),
  setApplicationMenu: (menu) => record('Menu.setApplicationMenu', menu.template.map((item) => item.label ?? item.role)),
};

module.exports = {
  app,
  protocol,
  session: { defaultSession },
  BrowserWindow,
  ipcMain,
  Menu,
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: () => {
      throw new Error('no keychain in the fake');
    },
    decryptString: () => {
      throw new Error('no keychain in the fake');
    },
    getSelectedStorageBackend: () => 'basic_text',
  },
  dialog: {
    showErrorBox: (title, text) => record('dialog.showErrorBox', title, text),
    showMessageBox: async () => ({ response: 0 }),
  },
  shell: { openPath: async () => '' },
  __fake: { calls, sessionHandlers, windows, ipcHandlers },
};
