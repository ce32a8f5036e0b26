import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, adoptSessionToken, type TokenEnvironment } from './session-token';

function environment(hash: string, stored?: string) {
  const storage = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
  const replaced: string[] = [];
  const env: TokenEnvironment = {
    location: { hash, pathname: '/', search: '' },
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
    history: { state: null, replaceState: (_s, _t, url) => void replaced.push(String(url)) },
  };
  return { env, storage, replaced };
}

describe('adoptSessionToken', () => {
  it('takes the token from the fragment, stores it and removes it from the address bar', () => {
    const { env, storage, replaced } = environment('#token=abc123');
    expect(adoptSessionToken(env)).toBe('abc123');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(replaced).toEqual(['/']);
  });

  it('falls back to the stored token after a reload (fragment already gone)', () => {
    const { env, replaced } = environment('', 'kept');
    expect(adoptSessionToken(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('prefers a new token in the fragment over an old stored one', () => {
    const { env } = environment('#token=new', 'old');
    expect(adoptSessionToken(env)).toBe('new');
  });
});
