// The local append-only audit journal: JSON Lines in <dataDir>/audit/. Every entry is appended here first
// and flushed to disk synchronously (fsync) before the answer it records goes out; the audit log then
// ships it to Neo4j in the background, in order. Each line is a complete, sealed and chained entry, so
// the file is one segment of the chain. A small marker file beside it names the newest entry known to be
// in Neo4j. A segment that is fully shipped is renamed (when it grows large, or when the chain in Neo4j
// moved on through another workstation), never deleted: it stays as local evidence, and audit:verify
// checks that every entry it holds is still in Neo4j.
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { ChainVerifier, type AuditEntry, type ChainVerdict } from './chain';
import type { AuditKeyring } from './keys';

const writeAsync = (fd: number, buffer: Buffer, offset: number, length: number) =>
  new Promise<number>((resolve, reject) => fs.write(fd, buffer, offset, length, null, (error, bytes) => (error ? reject(error) : resolve(bytes))));
const fdatasyncAsync = promisify(fs.fdatasync);
/** Synchronised writes (O_DSYNC): one system call per append instead of a write and a flush. */
const SYNC_WRITES = typeof fs.constants.O_DSYNC === 'number';
const APPEND_FLAGS = fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | (SYNC_WRITES ? fs.constants.O_DSYNC : 0);

export const JOURNAL_FILE_NAME = 'audit-journal.jsonl';
const SHIPPED_MARKER_NAME = 'audit-journal.shipped.json';
/** Names of archived segments: `audit-journal-<time>.caught-up.jsonl`. */
export const ARCHIVED_JOURNAL = /^audit-journal-.*\.caught-up\.jsonl$/;

export function auditDir(dataDir: string): string {
  return path.join(dataDir, 'audit');
}

export class AuditJournal {
  readonly file: string;
  readonly shippedMarker: string;
  private fd: number | null = null;

  constructor(dataDir: string) {
    this.file = path.join(auditDir(dataDir), JOURNAL_FILE_NAME);
    this.shippedMarker = path.join(auditDir(dataDir), SHIPPED_MARKER_NAME);
  }

  /**
   * Appends entries and resolves only once they are on disk (one flush for all of them). The write and the
   * flush run off the event loop, so other requests proceed meanwhile and their entries gather for the
   * next append; `blocking` writes in place when no other request is in flight.
   */
  async append(entries: AuditEntry[], options: { blocking?: boolean } = {}): Promise<void> {
    if (entries.length === 0) return;
    const fd = this.openForAppend();
    try {
      const text = Buffer.from(entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''), 'utf8');
      let written = 0;
      // With O_DSYNC each write returns only once its data and the file's new length are on disk; where the
      // flag does not exist, the file is flushed explicitly. Its name was made durable when it was created.
      if (options.blocking) {
        // Nothing else needs the event loop meanwhile: one system call, no hop through the thread pool.
        while (written < text.length) written += fs.writeSync(fd, text, written, text.length - written);
        if (!SYNC_WRITES) fs.fdatasyncSync(fd);
        return;
      }
      while (written < text.length) written += await writeAsync(fd, text, written, text.length - written);
      if (!SYNC_WRITES) await fdatasyncAsync(fd);
    } catch (error) {
      this.closeFile();
      throw error;
    }
  }

  /** Kept open between appends; a new file's directory entry is flushed too, so the file survives a crash. */
  private openForAppend(): number {
    // A file removed or renamed behind our back would swallow the entries: open the name again.
    if (this.fd !== null && fs.fstatSync(this.fd).nlink > 0) return this.fd;
    this.closeFile();
    const dir = path.dirname(this.file);
    fs.mkdirSync(dir, { recursive: true });
    const created = !fs.existsSync(this.file);
    const fd = fs.openSync(this.file, APPEND_FLAGS, 0o600);
    if (created) {
      try {
        const dirFd = fs.openSync(dir, 'r');
        try {
          fs.fsyncSync(dirFd);
        } finally {
          fs.closeSync(dirFd);
        }
      } catch (error) {
        fs.closeSync(fd);
        throw error;
      }
    }
    this.fd = fd;
    return fd;
  }

  /** Closes the file kept open for appends (the next append opens it again). */
  closeFile(): void {
    if (this.fd === null) return;
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed or gone: nothing is lost, the data was flushed after each append
    }
    this.fd = null;
  }

  /** Entries waiting to be written to the database, oldest first. */
  read(): AuditEntry[] {
    return readJournalFile(this.file).entries;
  }

  size(): number {
    try {
      return fs.statSync(this.file).size;
    } catch {
      return 0;
    }
  }

  /**
   * The newest journal entry known to be in Neo4j. Not fsync'd: a marker that lags after a crash only makes
   * the next start check a few more entries against the database.
   */
  readShipped(): { seq: number; hash: string } | null {
    try {
      const marker = JSON.parse(fs.readFileSync(this.shippedMarker, 'utf8')) as { seq?: unknown; hash?: unknown };
      return typeof marker.seq === 'number' && typeof marker.hash === 'string' ? { seq: marker.seq, hash: marker.hash } : null;
    } catch {
      return null;
    }
  }

  writeShipped(entry: { seq: number; hash: string }): void {
    fs.writeFileSync(this.shippedMarker, JSON.stringify({ seq: entry.seq, hash: entry.hash }), { mode: 0o600 });
  }

  /** Every entry of the segment is in Neo4j: keep it under a dated name beside the live one. */
  archive(now: Date = new Date()): string | null {
    if (this.size() === 0) return null;
    this.closeFile();
    const stamp = now.toISOString().replace(/[:.]/g, '');
    let target = path.join(path.dirname(this.file), `audit-journal-${stamp}.caught-up.jsonl`);
    for (let n = 2; fs.existsSync(target); n++) target = path.join(path.dirname(this.file), `audit-journal-${stamp}-${n}.caught-up.jsonl`);
    fs.renameSync(this.file, target);
    fs.rmSync(this.shippedMarker, { force: true });
    return target;
  }

  /** The archived segments, oldest first. */
  archived(): string[] {
    const dir = path.dirname(this.file);
    try {
      return fs.readdirSync(dir).filter((name) => ARCHIVED_JOURNAL.test(name)).sort().map((name) => path.join(dir, name));
    } catch {
      return [];
    }
  }
}

export interface JournalFileContent {
  entries: AuditEntry[];
  /** Lines that are not JSON (a damaged or hand-edited file). */
  unreadable: { line: number; text: string }[];
}

export function readJournalFile(file: string): JournalFileContent {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], unreadable: [] };
    throw error;
  }
  const entries: AuditEntry[] = [];
  const unreadable: { line: number; text: string }[] = [];
  text.split('\n').forEach((raw, index) => {
    if (!raw.trim()) return;
    try {
      entries.push(JSON.parse(raw) as AuditEntry);
    } catch {
      unreadable.push({ line: index + 1, text: raw.slice(0, 80) });
    }
  });
  return { entries, unreadable };
}

/** Checks a JSONL audit file line by line; an unreadable line counts as the break. */
export function verifyJournalFile(file: string, keyring: AuditKeyring, anchored = false): ChainVerdict {
  const text = fs.readFileSync(file, 'utf8');
  const verifier = new ChainVerifier(anchored, keyring);
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index];
    if (!raw.trim()) continue;
    let entry: AuditEntry;
    try {
      entry = JSON.parse(raw) as AuditEntry;
    } catch {
      const verdict = verifier.verdict();
      return { intact: false, count: verdict.count, firstBroken: { seq: NaN, line: index + 1, reason: 'the line is not valid JSON' } };
    }
    if (!verifier.add(entry, index + 1)) break;
  }
  return verifier.verdict();
}
