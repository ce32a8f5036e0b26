import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumCandidates, findChromium, installCommand } from './chromium';

describe('finding Chromium for the browser tests', () => {
  it('prefers SCHAKEL_CHROMIUM, and only when that file exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-chromium-'));
    const browser = path.join(dir, 'chrome');
    fs.writeFileSync(browser, '');
    expect(findChromium({ SCHAKEL_CHROMIUM: browser })).toBe(browser);
    expect(findChromium({ SCHAKEL_CHROMIUM: path.join(dir, 'missing') })).toBeUndefined();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("looks where each platform installs a Chromium-based browser, Playwright's download folder included", () => {
    expect(chromiumCandidates('linux', {})[0]).toBe('/usr/bin/chromium');
    expect(chromiumCandidates('darwin', {}).some((candidate) => candidate.includes('Google Chrome.app'))).toBe(true);
    expect(chromiumCandidates('win32', { PROGRAMFILES: 'C:\\Program Files' }).some((candidate) => candidate.endsWith('msedge.exe'))).toBe(true);
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-pw-'));
    fs.mkdirSync(path.join(cache, 'chromium-1200', 'chrome-linux'), { recursive: true });
    expect(chromiumCandidates('linux', { PLAYWRIGHT_BROWSERS_PATH: cache })).toContain(path.join(cache, 'chromium-1200', 'chrome-linux', 'chrome'));
    fs.rmSync(cache, { recursive: true, force: true });
  });

  it('names one exact install command per kind of machine', () => {
    expect(installCommand('linux', true)).toBe('sudo apt-get install -y --no-install-recommends chromium');
    expect(installCommand('linux', false)).toContain('npx playwright-core install chromium');
    expect(installCommand('darwin')).toContain('brew install --cask chromium');
  });
});
