// Annotations made while the database could not be reached: kept in <dataDir>/pending-annotations.jsonl
// (each line a complete request with its author and time) and replayed in order when it answers again.
// What cannot be replayed (a colleague changed the same link meanwhile, an entity was deleted) moves to
// annotations-not-saved.jsonl with the reason, and the UI lists it: nothing disappears without a word.
import fs from 'node:fs';
import path from 'node:path';
import type { NotSavedWrite, PendingWrite } from '../../contract/annotations';

export interface QueuedWrite extends PendingWrite {
  /** The validated request, with the ids the backend generated, so a replay is idempotent. */
  request: Record<string, unknown>;
  /** When the analyst made the change: the replay stamps this time, not the time of the replay. */
  at: string;
}

export const PENDING_FILE_NAME = 'pending-annotations.jsonl';
export const NOT_SAVED_FILE_NAME = 'annotations-not-saved.jsonl';

function readLines<T>(file: string): T[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.trim())
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as T];
      } catch {
        return [];
      }
    });
}

function appendLine(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'a', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify(value)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function rewrite(file: string, values: unknown[]): void {
  if (values.length === 0) {
    fs.rmSync(file, { force: true });
    return;
  }
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, values.map((value) => `${JSON.stringify(value)}\n`).join(''), { mode: 0o600 });
  fs.renameSync(temp, file);
}

export class PendingWrites {
  readonly pendingFile: string;
  readonly notSavedFile: string;

  constructor(dataDir: string) {
    this.pendingFile = path.join(dataDir, PENDING_FILE_NAME);
    this.notSavedFile = path.join(dataDir, NOT_SAVED_FILE_NAME);
  }

  queue(write: QueuedWrite): void {
    appendLine(this.pendingFile, write);
  }

  pending(): QueuedWrite[] {
    return readLines<QueuedWrite>(this.pendingFile);
  }

  notSaved(): NotSavedWrite[] {
    return readLines<NotSavedWrite>(this.notSavedFile);
  }

  /**
   * Replays the queue in order with `apply`. Stops at the first write that fails because the database is
   * still unreachable (the rest waits for the next try); a write refused for another reason is moved to
   * the not-saved list with that reason.
   */
  async replay(apply: (write: QueuedWrite) => Promise<void>, isUnreachable: (error: unknown) => boolean): Promise<{ written: number; notSaved: number }> {
    const queued = this.pending();
    let written = 0;
    let notSaved = 0;
    for (let index = 0; index < queued.length; index++) {
      const write = queued[index];
      try {
        await apply(write);
        written += 1;
      } catch (error) {
        if (isUnreachable(error)) {
          rewrite(this.pendingFile, queued.slice(index));
          return { written, notSaved };
        }
        const { request: _request, at: _at, ...listed } = write;
        appendLine(this.notSavedFile, { ...listed, reason: (error as Error).message ?? String(error) } satisfies NotSavedWrite);
        notSaved += 1;
      }
      // Progress is saved after each write, so a crash mid-replay never replays a write twice.
      rewrite(this.pendingFile, queued.slice(index + 1));
    }
    return { written, notSaved };
  }
}
