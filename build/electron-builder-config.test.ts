// `npm run dist` cannot run here (no Electron binary can be downloaded), so the packaging configuration is
// checked instead: electron-builder's own schema validation, then what police IT relies on: per-machine
// NSIS and MSI for Windows, the jlink Java runtime beside the app for Windows, macOS and Linux (AppImage),
// signing only through environment variables, and every security fuse that applies.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = path.resolve(import.meta.dirname, '..');
const configText = fs.readFileSync(path.join(root, 'build', 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as Record<string, any>;

describe('electron-builder configuration', () => {
  it("passes electron-builder's own validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('builds per-machine NSIS and MSI installers for Windows', () => {
    expect(config.win.target).toEqual(expect.arrayContaining(['nsis', 'msi']));
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false });
    expect(config.msi).toMatchObject({ perMachine: true });
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('ships the jlink Java runtime for Windows, macOS and Linux, and the prebuilt Neo4j launcher', () => {
    for (const platform of ['win', 'mac', 'linux']) {
      expect(config[platform].extraResources, platform).toEqual([{ from: 'out/java-runtime', to: 'java-runtime' }]);
    }
    expect(config.linux.target).toContain('AppImage');
    expect(config.extraResources[0]).toMatchObject({ from: 'local-neo4j/launcher/target', to: 'neo4j-launcher/target' });
    // The folder electron/main.ts points SCHAKEL_JAVA_RUNTIME at, and the script that fills out/java-runtime.
    expect(fs.readFileSync(path.join(root, 'electron', 'main.ts'), 'utf8')).toContain("path.join(process.resourcesPath, 'java-runtime')");
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.dist).toContain('npm run runtime:build');
  });

  it('burns every security fuse that applies', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('signs through a hook driven by environment variables, with no secrets in the repository', () => {
    expect(config.win.signtoolOptions.sign).toBe('build/sign-windows.cjs');
    const hook = require(path.join(root, config.win.signtoolOptions.sign));
    expect(hook.signCommand('signtool sign /sha1 ABC /fd sha256 "{file}"', 'C:\\out\\Schakel Setup.exe')).toBe('signtool sign /sha1 ABC /fd sha256 "C:\\out\\Schakel Setup.exe"');
    expect(() => hook.signCommand('signtool sign', 'x.exe')).toThrow(/\{file\}/);
    expect(configText).not.toMatch(/password\s*:|cscLink|certificateFile|certificatePassword/i);
  });

  it('runs Electron on a supported line and keeps its install script disabled', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(Number(pkg.devDependencies.electron.split('.')[0])).toBeGreaterThanOrEqual(43);
    expect(pkg.allowScripts.electron).toBe(false);
  });
});
