import { CONTENT_SECURITY_POLICY as BROWSER_MODE_CSP } from '../web-server/security';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  isAllowedRequestUrl,
  isAppUrl,
  secureWebPreferences,
} from './security-policy';

describe('window webPreferences', () => {
  const preferences = secureWebPreferences('/app/dist/electron/preload.cjs');

  it('isolates the page from Node and Electron', () => {
    expect(preferences.contextIsolation).toBe(true);
    expect(preferences.sandbox).toBe(true);
    expect(preferences.nodeIntegration).toBe(false);
    expect(preferences.nodeIntegrationInWorker).toBe(false);
    expect(preferences.nodeIntegrationInSubFrames).toBe(false);
    expect(preferences.webSecurity).toBe(true);
    expect(preferences.allowRunningInsecureContent).toBe(false);
    expect(preferences.webviewTag).toBe(false);
  });

  it('loads the bundled preload', () => {
    expect(preferences.preload).toBe('/app/dist/electron/preload.cjs');
  });
});

describe('content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it("starts from default-src 'none'", () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
  });

  it('allows scripts only from the app itself, never inline or eval', () => {
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('lets the page connect nowhere but its own origin and forbids framing, forms and <base>', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('is the exact policy the browser-mode server sends too', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(BROWSER_MODE_CSP);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});

describe('origin checks', () => {
  it('recognises only app://schakel as the app', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://schakel/assets/index.js')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://schakel/index.html')).toBe(false);
    expect(isAppUrl('file:///app/dist/renderer/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('lets the window load its own files and devtools, and nothing from the network', () => {
    expect(isAllowedRequestUrl('app://schakel/assets/index.js')).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA')).toBe(true);
    expect(isAllowedRequestUrl('blob:app://schakel/6f1c')).toBe(true);
    for (const url of ['https://example.org/x.js', 'http://127.0.0.1:7474/', 'ws://127.0.0.1:7687', 'file:///etc/passwd', 'app://other/x']) {
      expect(isAllowedRequestUrl(url), url).toBe(false);
    }
  });
});
