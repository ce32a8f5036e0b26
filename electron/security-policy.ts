// The window's security settings in one place, as plain data with no Electron import, so a unit test can
// check them on any machine (including ones without the Electron binary). main.ts applies them.
import type { WebPreferences } from 'electron';

/** The renderer is served from app://schakel/… : a standard, secure scheme, so 'self' in the CSP means us. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'schakel';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../contract/content-security-policy';

export { CONTENT_SECURITY_POLICY };

/** Headers sent with every file the app:// protocol serves; the CSP admits a configured map server's origin for images. */
export function securityHeaders(mapTileOrigin?: string): Readonly<Record<string, string>> {
  return Object.freeze({
    'Content-Security-Policy': contentSecurityPolicy(mapTileOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  });
}

export const SECURITY_HEADERS = securityHeaders();

/** webPreferences for every Schakel window: the page gets no Node, no Electron, only what the preload exposes. */
export function secureWebPreferences(preloadPath: string, devTools = true): WebPreferences {
  return {
    preload: preloadPath,
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // The renderer has no use for these; leaving them off shrinks what a compromised page could reach.
    experimentalFeatures: false,
    enableWebSQL: false,
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for pages of our own app:// origin (the one origin allowed to navigate and call the API). */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

/**
 * Which requests a Schakel window may make. Only our own files and the developer tools; data: and blob: URLs
 * are in-memory (chart images the page makes itself), never network traffic. Everything else — http(s),
 * ws(s), file: — is cancelled: the only network traffic of the app is the database driver in the main process.
 */
export function isAllowedRequestUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null) return false;
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST;
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    default:
      return false;
  }
}
