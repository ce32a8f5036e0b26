import { describe, expect, it } from 'vitest';
import { WorkbenchClientError } from './client-error';
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

  it('calls the preload function of the same name and opens its envelope', async () => {
    const seen: string[] = [];
    const api = createElectronApi(preload(async (op) => (seen.push(op), { ok: true, result: { state: 'connected', kind: 'local', readOnly: false } })));
    await expect(api.getConnectionStatus({})).resolves.toMatchObject({ state: 'connected' });
    expect(seen).toEqual(['getConnectionStatus']);
  });

  it('throws every field of an error envelope, the conflict payload included', async () => {
    const error = {
      code: 'CONFLICT',
      message: 'Someone else saved a newer version.',
      hint: 'Compare both versions.',
      conflict: { theirs: null, yours: { expectedVersion: 2, changes: { text: 'mine' } } },
    };
    const api = createElectronApi(preload(async () => ({ ok: false, error })));
    const thrown = await api.updateAnnotation({ id: 'AN-1', expectedVersion: 2, changes: { text: 'mine' } }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(WorkbenchClientError);
    expect(thrown).toMatchObject(error);
  });

  it('says the background process is not itself when the preload fails or answers without an envelope', async () => {
    const rejecting = createElectronApi(preload(async () => Promise.reject(new Error('Error invoking remote method'))));
    await expect(rejecting.getEntity({ id: 'P-1' })).rejects.toMatchObject({ code: 'INTERNAL' });
    const strange = createElectronApi(preload(async () => ({ hits: [] })));
    await expect(strange.search({ query: 'x' })).rejects.toMatchObject({ code: 'INTERNAL' });
  });
});
