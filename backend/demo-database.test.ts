import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoModeFromArgs } from '../electron/demo-mode';
import { demoDataDir, demoRefused, hasLocalDatabase } from './demo-database';

describe('where the demo investigation lives', () => {
  it('has a folder of its own inside the data folder, apart from the local database', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-demo-dir-'));
    expect(demoDataDir(dataDir)).toBe(path.join(dataDir, 'demo-investigation'));
    expect(hasLocalDatabase(dataDir)).toBe(false);
    fs.mkdirSync(path.join(demoDataDir(dataDir), 'neo4j'), { recursive: true });
    expect(hasLocalDatabase(dataDir)).toBe(false); // the demo's database is not the analyst's own
    fs.mkdirSync(path.join(dataDir, 'neo4j'));
    expect(hasLocalDatabase(dataDir)).toBe(true);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('is shown by the installed app only on request, from a checkout until there is a database of its own', () => {
    expect(demoModeFromArgs(['electron', '.'], true)).toBe('offer');
    expect(demoModeFromArgs(['electron', '.'], false)).toBe('open-when-new');
    expect(demoModeFromArgs(['electron', '.', '--demo'], true)).toBe('open');
    expect(demoModeFromArgs(['electron', '.', '--no-demo'], false)).toBe('offer');
  });

  it('says why it refuses a database with other data', () => {
    expect(demoRefused(120, []).message).toContain('120 records');
    expect(demoRefused(0, ['caviar']).message).toContain('datasets caviar');
  });
});
