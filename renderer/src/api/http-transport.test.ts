import { describe, expect, it } from 'vitest';
import { WorkbenchClientError } from './client-error';
import { createHttpApi, type FetchLike } from './http-transport';

function recordingFetch(respond: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, init });
    return respond(url, init);
  };
  return { fetch, calls };
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('HTTP transport', () => {
  it('posts the request to /api/<operation> with the token and returns the result', async () => {
    const { fetch, calls } = recordingFetch(() => json({ ok: true, result: { hits: [], interpretations: [] } }));
    const api = createHttpApi({ token: 'secret-token', fetch });
    await expect(api.search({ query: 'jan' })).resolves.toEqual({ hits: [], interpretations: [] });
    expect(calls).toHaveLength(1);
    expect(calls[0].url).toBe('/api/search');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.headers).toMatchObject({ 'X-Schakel-Token': 'secret-token', 'Content-Type': 'application/json' });
    expect(JSON.parse(String(calls[0].init.body))).toEqual({ query: 'jan' });
  });

  it('throws the envelope error with code, message and hint, whatever the HTTP status', async () => {
    const error = { code: 'DB_UNAVAILABLE', message: 'The Neo4j database cannot be reached.', hint: 'Start it.' };
    const api = createHttpApi({ token: 't', fetch: recordingFetch(() => json({ ok: false, error }, 503)).fetch });
    const thrown = await api.getConnectionStatus({}).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(WorkbenchClientError);
    expect(thrown).toMatchObject(error);
  });

  it('throws the conflict payload and the refused field as they came', async () => {
    const error = {
      code: 'CONFLICT',
      message: 'Someone else saved a newer version.',
      conflict: { theirs: null, yours: { expectedVersion: 1, changes: { text: 'mine' } } },
      invalid: { field: 'changes.text', rule: 'invalid_text' },
    };
    const api = createHttpApi({ token: 't', fetch: recordingFetch(() => json({ ok: false, error }, 409)).fetch });
    await expect(api.updateAnnotation({ id: 'AN-1', expectedVersion: 1, changes: { text: 'mine' } })).rejects.toMatchObject(error);
  });

  it('says the server is not reachable when fetch itself fails', async () => {
    const api = createHttpApi({
      token: 't',
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    await expect(api.expand({ ids: ['P-1'] })).rejects.toMatchObject({
      code: 'NETWORK',
      message: 'The Schakel server is not reachable.',
    });
  });

  it('explains a refused token even when the body is not an envelope', async () => {
    const api = createHttpApi({ token: undefined, fetch: recordingFetch(() => new Response('nope', { status: 401 })).fetch });
    await expect(api.getEntity({ id: 'P-1' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('reports an unreadable answer with its HTTP status instead of crashing', async () => {
    const api = createHttpApi({ token: 't', fetch: recordingFetch(() => new Response('<html>', { status: 502 })).fetch });
    await expect(api.getDatabaseSummary({})).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('502') });
  });
});
