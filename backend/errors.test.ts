import { describe, expect, it, vi } from 'vitest';
import { toApiError } from './errors';

describe('toApiError', () => {
  it.each([
    [{ code: 'Neo.ClientError.Security.Unauthorized', message: 'The client is unauthorized due to authentication failure.' }, 'DB_AUTH'],
    [{ code: 'ServiceUnavailable', message: 'Could not perform discovery. No routing servers available.' }, 'DB_UNAVAILABLE'],
    [{ code: 'Neo.TransientError.Database.DatabaseUnavailable', message: 'Database neo4j is unavailable.' }, 'DB_STARTING'],
    [new Error('connect ECONNREFUSED 127.0.0.1:7687'), 'DB_UNAVAILABLE'],
  ])('maps %j to %s with a hint', (error, code) => {
    const apiError = toApiError(error);
    expect(apiError.code).toBe(code);
    expect(apiError.hint).toBeTruthy();
  });

  it('hides unknown errors behind a plain message', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const apiError = toApiError(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(apiError.code).toBe('INTERNAL');
    expect(apiError.message).not.toMatch(/undefined/);
    spy.mockRestore();
  });
  it('maps an unknown database and a refused file name to their own 4xx codes', () => {
    expect(toApiError({ code: 'Neo.ClientError.Database.DatabaseNotFound', message: 'Database does not exist. Database name: x' }).code).toBe('DB_NOT_FOUND');
    const tooLong = toApiError(Object.assign(new Error('ENAMETOOLONG: name too long, open ...'), { code: 'ENAMETOOLONG' }));
    expect(tooLong.code).toBe('BAD_REQUEST');
    expect(tooLong.message).not.toMatch(/ENAMETOOLONG|open/);
  });
});
