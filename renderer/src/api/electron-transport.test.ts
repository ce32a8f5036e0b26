import { describe, expect, it } from 'vitest';
import { createElectronApi, findPreloadApi, type PreloadApi } from './electron-transport';
import { RENDERER_OPERATIONS } from './operations';

function preload(impl: (op: string, req: unknown) => Promise<unknown>): PreloadApi {
  return Object.fromEntries(RENDERER_OPERATIONS.map((op) => [op, (req: unknown) => impl(op, req)])) as PreloadApi;
}

describe('Electron transport', () => {
  it('is used only when the preload exposes every operation', () => {
    expect(findPreloadApi({})).toBeUndefined();
    expect(findPreloadApi({ schakelApi: { search: async () => ({}) } })).toBeUndefined();
    expect(findPreloadApi({ schakelApi: preload(async () => ({})) })).toBeDefined();
  });

  it('calls the preload function of the same name', async () => {
    const seen: string[] = [];
    const api = createElectronApi(preload(async (op) => (seen.push(op), { state: 'connected', kind: 'local', readOnly: false })));
    await expect(api.getConnectionStatus({})).resolves.toMatchObject({ state: 'connected' });
    expect(seen).toEqual(['getConnectionStatus']);
  });

  it('keeps code and hint of a preload error, also when contextBridge kept only the message', async () => {
    const withFields = Object.assign(new Error('Neo4j refused the password.'), { code: 'DB_AUTH', hint: 'Enter it again.' });
    const api1 = createElectronApi(preload(async () => Promise.reject(withFields)));
    await expect(api1.connect({ uri: 'bolt://x' })).rejects.toMatchObject({ code: 'DB_AUTH', hint: 'Enter it again.' });

    const messageOnly = new Error(
      `Error invoking remote method 'schakel:connect': ${JSON.stringify({ code: 'DB_BAD_URI', message: 'Bad URI.', hint: 'Use bolt://.' })}`,
    );
    const api2 = createElectronApi(preload(async () => Promise.reject(messageOnly)));
    await expect(api2.connect({ uri: 'x' })).rejects.toMatchObject({ code: 'DB_BAD_URI', message: 'Bad URI.' });
  });

  it('unwraps an envelope if the preload hands one back', async () => {
    const api = createElectronApi(preload(async () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'No such entity.' } })));
    await expect(api.getEntity({ id: 'P-404' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
