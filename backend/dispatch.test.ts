import { describe, expect, it, vi } from 'vitest';
import { ApiError, type WorkbenchHandlers } from '../contract/api';
import { dispatch } from './dispatch';

function handlersRecording(calls: unknown[]): WorkbenchHandlers {
  const record = async (request: unknown) => {
    calls.push(request);
    return { hits: [], interpretations: [] };
  };
  return new Proxy({} as WorkbenchHandlers, { get: () => record });
}

describe('dispatch', () => {
  it('passes a valid request, with defaults applied, to its handler', async () => {
    const calls: unknown[] = [];
    const envelope = await dispatch(handlersRecording(calls), 'search', { query: '  Jansen ' });
    expect(envelope.ok).toBe(true);
    expect(calls).toEqual([{ query: 'Jansen', limit: 25 }]);
  });

  it('refuses unknown operations without calling anything', async () => {
    const calls: unknown[] = [];
    const envelope = await dispatch(handlersRecording(calls), 'dropDatabase', {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(calls).toHaveLength(0);
  });

  it.each([
    ['search', { query: '' }],
    ['search', { query: 'x', limit: 100000 }],
    ['search', { query: 'x', types: ['Spaceship'] }],
    ['expand', { ids: [] }],
    ['expand', { ids: ['a'], relationshipTypes: ['DELETE_ALL'] }],
    ['getEntity', { id: 42 }],
    ['search', { query: 'x', extra: true }],
    ['search', null],
  ])('answers %s %j with BAD_REQUEST naming the field', async (operation, request) => {
    const calls: unknown[] = [];
    const envelope = await dispatch(handlersRecording(calls), operation, request);
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('BAD_REQUEST');
      expect(envelope.error.message).toMatch(/not valid/);
    }
    expect(calls).toHaveLength(0);
  });

  it('turns handler failures into messages, never stacks', async () => {
    const failing = new Proxy({} as WorkbenchHandlers, {
      get: () => async () => {
        throw new Error('secret internal detail at Object.<anonymous> (/src/x.ts:1:1)');
      },
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const envelope = await dispatch(failing, 'getDatabaseSummary', {});
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) {
      expect(envelope.error.code).toBe('INTERNAL');
      expect(JSON.stringify(envelope)).not.toMatch(/secret|\.ts:/);
    }
  });

  it('keeps ApiErrors as they are', async () => {
    const notFound = new Proxy({} as WorkbenchHandlers, {
      get: () => async () => {
        throw new ApiError({ code: 'NOT_FOUND', message: 'No entity with id "x" exists.' });
      },
    });
    const envelope = await dispatch(notFound, 'getEntity', { id: 'x' });
    expect(envelope).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: 'No entity with id "x" exists.' } });
  });
});
