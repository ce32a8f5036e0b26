// The browser-mode server prints http://127.0.0.1:P/#token=XYZ. The token travels in the fragment so it
// never reaches server logs or Referer headers; we move it into sessionStorage (gone when the tab closes)
// and strip it from the address bar so it is not bookmarked or shared by accident.

export const TOKEN_STORAGE_KEY = 'schakel.token';

export interface TokenEnvironment {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/** Takes a token from the URL fragment (if any), stores it, cleans the URL; returns the token to use. */
export function adoptSessionToken(env: TokenEnvironment): string | undefined {
  const fromHash = new URLSearchParams(env.location.hash.replace(/^#/, '')).get('token');
  if (fromHash) {
    env.storage.setItem(TOKEN_STORAGE_KEY, fromHash);
    env.history.replaceState(env.history.state, '', env.location.pathname + env.location.search);
    return fromHash;
  }
  return env.storage.getItem(TOKEN_STORAGE_KEY) ?? undefined;
}
