import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveRendererFile } from './renderer-files';

const root = path.resolve('/srv/schakel/dist/renderer');

describe('resolveRendererFile', () => {
  it('serves index.html for the root and files below the renderer folder', () => {
    expect(resolveRendererFile(root, 'app://schakel/')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://schakel/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveRendererFile(root, 'app://schakel/assets/index-abc.js?v=1#x')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveRendererFile(root, 'app://schakel/assets/my%20icon.svg')).toBe(path.join(root, 'assets', 'my icon.svg'));
  });

  it('never leaves the renderer folder', () => {
    // ".." segments, raw or %-encoded, are clamped at the renderer folder (URL and path normalisation).
    for (const url of ['app://schakel/../../etc/passwd', 'app://schakel/..%2F..%2Fetc%2Fpasswd', 'app://schakel/%2e%2e/%2e%2e/etc/passwd']) {
      expect(resolveRendererFile(root, url), url).toBe(path.join(root, 'etc', 'passwd'));
    }
    // Backslashes are separators on Windows only; either way the result stays inside the folder or is refused.
    const backslashed = resolveRendererFile(root, 'app://schakel/assets/..%5C..%5C..%5Cwindows%5Cwin.ini');
    expect(backslashed === null || backslashed.startsWith(root + path.sep)).toBe(true);
  });

  it('refuses other hosts, other schemes, NUL bytes and broken escapes', () => {
    expect(resolveRendererFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'file:///srv/schakel/dist/renderer/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'app://schakel/index.html%00.png')).toBeNull();
    expect(resolveRendererFile(root, 'app://schakel/%E0%A4%A')).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('gives browsers the types module scripts and styles need', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/a.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/unknown.bin')).toBe('application/octet-stream');
  });
});
