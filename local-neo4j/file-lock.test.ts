import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withFileLock } from './file-lock';

const dirs: string[] = [];
const lockPath = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-lock-test-'));
  dirs.push(dir);
  return path.join(dir, 'x.lock');
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const options = { timeoutMs: 5_000, timeoutError: () => new Error('lock timeout') };

describe('withFileLock', () => {
  it('runs callers one at a time and releases the lock', async () => {
    const lock = lockPath();
    const events: string[] = [];
    const task = (name: string) =>
      withFileLock(lock, options, async () => {
        events.push(`${name}:in`);
        await new Promise((resolve) => setTimeout(resolve, 50));
        events.push(`${name}:out`);
      });
    await Promise.all([task('a'), task('b')]);
    expect(events).toEqual(['a:in', 'a:out', 'b:in', 'b:out']);
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const lock = lockPath();
    fs.writeFileSync(lock, '999999999');
    await expect(withFileLock(lock, options, async () => 'ran')).resolves.toBe('ran');
  });

  it('gives up with the caller-supplied error when the holder stays alive', async () => {
    const lock = lockPath();
    fs.writeFileSync(lock, String(process.ppid));
    await expect(withFileLock(lock, { ...options, timeoutMs: 300 }, async () => 'ran')).rejects.toThrow('lock timeout');
  });
});
