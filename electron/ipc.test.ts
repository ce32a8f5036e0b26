import type { IpcMain } from 'electron';
import { describe, expect, it } from 'vitest';
import { OPERATION_NAMES, ipcChannel, type WorkbenchHandlers } from '../contract/api';
import { isTrustedSender, registerIpcHandlers } from './ipc';

type Listener = (event: { senderFrame: { url: string } | null }, request: unknown) => Promise<unknown>;

/** Records what registerIpcHandlers installs, the way ipcMain.handle would. */
function recordingIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain = {
    handle: (channel: string, listener: Listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
  return { ipcMain: ipcMain as unknown as IpcMain, handlers };
}

const fromApp = { senderFrame: { url: 'app://schakel/index.html' } };

function workbenchHandlers(): WorkbenchHandlers {
  const unused = async () => {
    throw new Error('not used in this test');
  };
  const used: Partial<WorkbenchHandlers> = {
    getConnectionStatus: async () => ({ state: 'connected', kind: 'local', readOnly: false, uri: 'bolt://127.0.0.1:7687' }),
    search: async (request) => ({ hits: [], interpretations: [{ kind: 'text', value: request.query }] }),
  };
  return new Proxy(used as WorkbenchHandlers, { get: (target, name) => target[name as keyof WorkbenchHandlers] ?? unused });
}

describe('IPC binding', () => {
  it('registers exactly one channel per contract operation, and removes them again', () => {
    const { ipcMain, handlers } = recordingIpcMain();
    const unregister = registerIpcHandlers(ipcMain, workbenchHandlers());
    expect([...handlers.keys()].sort()).toEqual(OPERATION_NAMES.map(ipcChannel).sort());
    unregister();
    expect(handlers.size).toBe(0);
  });

  it('validates the request and answers with an envelope', async () => {
    const { ipcMain, handlers } = recordingIpcMain();
    registerIpcHandlers(ipcMain, workbenchHandlers());
    const search = handlers.get(ipcChannel('search'))!;

    expect(await search(fromApp, { query: '  Jansen ' })).toEqual({
      ok: true,
      result: { hits: [], interpretations: [{ kind: 'text', value: 'Jansen' }] },
    });
    expect(await search(fromApp, { query: 'x', dropTable: true })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('refuses calls that do not come from the app:// page', async () => {
    const { ipcMain, handlers } = recordingIpcMain();
    registerIpcHandlers(ipcMain, workbenchHandlers());
    const status = handlers.get(ipcChannel('getConnectionStatus'))!;

    for (const senderFrame of [{ url: 'https://evil.example/' }, { url: 'file:///tmp/x.html' }, { url: 'app://other/' }, null]) {
      expect(await status({ senderFrame }, {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
    expect(await status(fromApp, {})).toMatchObject({ ok: true, result: { state: 'connected' } });
  });

  it('checks the sender frame URL, not just its presence', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://schakel/index.html' } } as never)).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: '' } } as never)).toBe(false);
    expect(isTrustedSender({ senderFrame: null })).toBe(false);
  });
});
