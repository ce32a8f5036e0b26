import fs from 'node:fs';
import { isPidAlive, sleep } from './process-utils';

/**
 * Runs `action` while holding an exclusive lock file (created with O_EXCL, holding our pid). Serialises
 * starts/stops and Maven builds across processes: the CLI, the desktop app and parallel test workers may
 * all call the manager at once. A lock left by a dead process is taken over.
 * Returns undefined from `onTimeout` semantics: throws whatever `timeoutError()` builds when waiting too long.
 */
export async function withFileLock<T>(
  lockPath: string,
  options: { timeoutMs: number; timeoutError: () => Error; onWait?: () => void },
  action: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let announcedWait = false;
  for (;;) {
    if (tryAcquire(lockPath)) break;
    if (Date.now() >= deadline) throw options.timeoutError();
    if (!announcedWait) {
      options.onWait?.();
      announcedWait = true;
    }
    await sleep(250);
  }
  try {
    return await action();
  } finally {
    release(lockPath);
  }
}

function tryAcquire(lockPath: string): boolean {
  try {
    const fd = fs.openSync(lockPath, 'wx');
    fs.writeSync(fd, String(process.pid));
    fs.closeSync(fd);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (isAbandoned(lockPath)) {
    fs.rmSync(lockPath, { force: true });
  }
  return false;
}

function isAbandoned(lockPath: string): boolean {
  try {
    const holder = Number(fs.readFileSync(lockPath, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0) return !isPidAlive(holder);
    // Empty: the holder is between create and write, unless the file is old (it crashed right there).
    return Date.now() - fs.statSync(lockPath).mtimeMs > 10_000;
  } catch {
    return false; // vanished meanwhile: the next attempt will simply create it
  }
}

function release(lockPath: string): void {
  try {
    if (fs.readFileSync(lockPath, 'utf8').trim() === String(process.pid)) fs.rmSync(lockPath, { force: true });
  } catch {
    // already gone
  }
}
