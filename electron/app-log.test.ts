import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { logFilePath, rotate, scrubPersonalData } from './app-log';

describe('the desktop log file', () => {
  it('lives in the data folder', () => {
    expect(logFilePath('/data/schakel')).toBe(path.join('/data/schakel', 'logs', 'schakel.log'));
  });

  it('holds no home folder and no account name', () => {
    const line = scrubPersonalData('database in /home/jpeeters/.local/share/schakel, started by JPeeters', '/home/jpeeters', 'jpeeters');
    expect(line).toBe('database in ~/.local/share/schakel, started by <user>');
  });

  it('rotates: the newest old file is .1, the oldest beyond the kept count is dropped', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-log-'));
    const file = path.join(dir, 'schakel.log');
    for (let round = 1; round <= 4; round++) {
      fs.writeFileSync(file, `round ${round}`);
      rotate(file, 2);
    }
    expect(fs.readdirSync(dir).sort()).toEqual(['schakel.1.log', 'schakel.2.log']);
    expect(fs.readFileSync(path.join(dir, 'schakel.1.log'), 'utf8')).toBe('round 4');
    expect(fs.readFileSync(path.join(dir, 'schakel.2.log'), 'utf8')).toBe('round 3');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
