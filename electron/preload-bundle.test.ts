// Builds the real preload bundle and runs it the way Electron's sandbox does: a CommonJS function whose
// `require` only knows 'electron'. Checks what the page gets on window.schakelApi.
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, ipcChannel } from '../contract/api';
import { bundlePreload } from './tooling/bundle';

let code = '';

beforeAll(async () => {
  const result = await bundlePreload({ write: false, logLevel: 'silent' });
  code = result.outputFiles![0].text;
});

interface Invocation {
  channel: string;
  request: unknown;
}

/** Runs the bundle with a fake electron module; returns what was exposed and what was invoked. */
function runPreload(answer: (channel: string, request: unknown) => Promise<unknown>) {
  const exposed = new Map<string, unknown>();
  const invocations: Invocation[] = [];
  const fakeElectron = {
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, request: unknown) => {
        invocations.push({ channel, request });
        return answer(channel, request);
      },
    },
  };
  const requested: string[] = [];
  const sandboxRequire = (name: string) => {
    requested.push(name);
    if (name === 'electron') return fakeElectron;
    throw new Error(`module not found in the sandboxed preload: ${name}`);
  };
  const module = { exports: {} };
  vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, {})(sandboxRequire, module, module.exports);
  return { exposed, invocations, requested };
}

describe('preload bundle', () => {
  it('is one CommonJS file whose only require is require("electron")', () => {
    const requires = [...code.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)].map((match) => match[1].trim());
    expect(requires).toEqual(['"electron"']);
    expect(code).not.toMatch(/\bimport\s*\(/);
    expect(code).not.toMatch(/^\s*import\s/m);
  });

  it('has the channel names written in, and no contract/zod code', () => {
    for (const operation of OPERATION_NAMES) expect(code).toContain(JSON.stringify(ipcChannel(operation)));
    const codeWithoutComments = code.split('\n').filter((line) => !line.trim().startsWith('//')).join('\n');
    expect(codeWithoutComments).not.toContain('__SCHAKEL_IPC_CHANNELS__');
    expect(code).not.toMatch(/zod/i);
  });

  it('exposes one function per operation on window.schakelApi and nothing else', () => {
    const { exposed, requested } = runPreload(async () => ({ ok: true, result: null }));
    expect([...exposed.keys()]).toEqual(['schakelApi', 'schakelMenu']);
    const api = exposed.get('schakelApi') as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const operation of OPERATION_NAMES) expect(typeof api[operation]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
    expect(requested).toEqual(['electron']);
  });

  it('invokes the operation channel and hands the envelope on unchanged', async () => {
    const { exposed, invocations } = runPreload(async () => ({ ok: true, result: { hits: [], interpretations: [] } }));
    const api = exposed.get('schakelApi') as Record<string, (request?: unknown) => Promise<unknown>>;
    await expect(api.search({ query: 'Jansen' })).resolves.toEqual({ ok: true, result: { hits: [], interpretations: [] } });
    await api.getConnectionStatus();
    expect(invocations).toEqual([
      { channel: 'schakel:search', request: { query: 'Jansen' } },
      { channel: 'schakel:getConnectionStatus', request: {} },
    ]);
  });

  it('passes every field of an error through, the conflict payload included', async () => {
    const error = {
      code: 'CONFLICT',
      message: 'Someone else changed this link.',
      hint: 'Compare both versions.',
      conflict: { theirs: { id: 'AL-1', kind: 'link', version: 3, note: 'theirs' }, yours: { expectedVersion: 2, changes: { text: 'mine' } } },
    };
    const { exposed } = runPreload(async () => ({ ok: false, error }));
    const api = exposed.get('schakelApi') as Record<string, (request?: unknown) => Promise<unknown>>;
    await expect(api.updateAnnotation({ id: 'AL-1' })).resolves.toEqual({ ok: false, error });
  });

  it('turns a missing main-process handler into a plain message, not an Electron stack', async () => {
    const { exposed } = runPreload(async (channel) => {
      throw new Error(`Error invoking remote method '${channel}': No handler registered`);
    });
    const api = exposed.get('schakelApi') as Record<string, (request?: unknown) => Promise<unknown>>;
    const failure = await api.expand({ ids: ['a'] });
    expect(failure).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: "Schakel's background process did not answer." } });
    expect(JSON.stringify(failure)).not.toContain('No handler registered');
  });
});
