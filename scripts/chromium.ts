// Finds the Chromium (or Chrome/Edge) that the e2e tests and the bench drive through playwright-core, and
// installs it where the test command can (Debian/Ubuntu as root, as .ci/run does). Otherwise it says the
// exact command to run, so `npm test` stops at once instead of failing every browser test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { aptInstall, canAptInstall, commandExists } from './apt';

export function chromiumCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const playwrightCache = path.join(env.PLAYWRIGHT_BROWSERS_PATH || path.join(os.homedir(), platform === 'darwin' ? 'Library/Caches' : '.cache', 'ms-playwright'));
  const fromPlaywright = (() => {
    try {
      return fs
        .readdirSync(playwrightCache)
        .filter((name) => name.startsWith('chromium-'))
        .sort()
        .reverse()
        .flatMap((name) => [path.join(playwrightCache, name, 'chrome-linux', 'chrome'), path.join(playwrightCache, name, 'chrome-linux64', 'chrome'), path.join(playwrightCache, name, 'chrome-win', 'chrome.exe')]);
    } catch {
      return [];
    }
  })();
  if (platform === 'win32') {
    const programFiles = [env.PROGRAMFILES, env['PROGRAMFILES(X86)']].filter(Boolean) as string[];
    return [
      ...programFiles.flatMap((dir) => [path.win32.join(dir, 'Google', 'Chrome', 'Application', 'chrome.exe'), path.win32.join(dir, 'Microsoft', 'Edge', 'Application', 'msedge.exe')]),
      ...fromPlaywright,
    ];
  }
  if (platform === 'darwin') {
    return ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', ...fromPlaywright];
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', ...fromPlaywright];
}

/** SCHAKEL_CHROMIUM when set (it must exist), else the first candidate that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.SCHAKEL_CHROMIUM) return fs.existsSync(env.SCHAKEL_CHROMIUM) ? env.SCHAKEL_CHROMIUM : undefined;
  return chromiumCandidates(platform, env).find((candidate) => fs.existsSync(candidate));
}

/** The one command that installs a browser on this kind of machine. */
export function installCommand(platform: NodeJS.Platform = process.platform, hasAptGet = commandExists('apt-get')): string {
  if (platform === 'darwin') return 'brew install --cask chromium   (or set SCHAKEL_CHROMIUM to Google Chrome)';
  if (platform === 'win32') return 'set SCHAKEL_CHROMIUM=C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe   (Chrome or Edge)';
  if (hasAptGet) return 'sudo apt-get install -y --no-install-recommends chromium';
  return "install your distribution's chromium package, or run: npx playwright-core install chromium";
}

/**
 * Makes sure a browser is there: found, or installed with apt-get when running as root on Debian/Ubuntu.
 * Returns its path, or undefined after printing what to run.
 */
export function ensureChromium(log: (line: string) => void, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const found = findChromium(env);
  if (found) return found;
  if (env.SCHAKEL_CHROMIUM) {
    log(`SCHAKEL_CHROMIUM is set to ${env.SCHAKEL_CHROMIUM}, which does not exist. Fix the path or unset it.`);
    return undefined;
  }
  if (canAptInstall()) {
    log('Chromium (for the end-to-end tests and the bench) is missing: installing it with apt-get, as .ci/run does…');
    if (aptInstall(['chromium'])) {
      const installed = findChromium(env);
      if (installed) return installed;
    }
    log('Installing Chromium with apt-get failed (see above).');
  }
  log(`Chromium is needed for the end-to-end tests and the bench, and was not found.\nRun:\n  ${installCommand()}\nthen "npm test" again. (SCHAKEL_CHROMIUM=/path/to/chrome points the tests at another Chromium-based browser.)`);
  return undefined;
}
