// The local append-only audit journal: JSON Lines in <dataDir>/audit/, written while the database cannot
// be reached and replayed into Neo4j when it comes back. Each line is a complete chained entry, appended
// and flushed to disk synchronously (an entry must survive a crash right after the operation it records).
// After a successful catch-up the file is renamed, not deleted: it stays as local evidence.
import fs from 'node:fs';
import path from 'node:path';
import { ChainVerifier, type AuditEntry, type ChainVerdict } from './chain';
import type { AuditKeyring } from './keys';

export const JOURNAL_FILE_NAME = 'audit-journal.jsonl';

export function auditDir(dataDir: string): string {
  return path.join(dataDir, 'audit');
}

export class AuditJournal {
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(auditDir(dataDir), JOURNAL_FILE_NAME);
  }

  /** Appends entries and returns only once they are on disk (one fsync for all of them). */
  append(...entries: AuditEntry[]): void {
    if (entries.length === 0) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const fd = fs.openSync(this.file, 'a', 0o600);
    try {
      fs.writeSync(fd, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Entries waiting to be written to the database, oldest first. */
  read(): AuditEntry[] {
    return readJournalFile(this.file).entries;
  }

  hasPending(): boolean {
    try {
      return fs.statSync(this.file).size > 0;
    } catch {
      return false;
    }
  }

  /** The journal has been caught up: keep it under a dated name beside the live one. */
  archive(now: Date = new Date()): string {
    const target = path.join(path.dirname(this.file), `audit-journal-${now.toISOString().replace(/[:.]/g, '')}.caught-up.jsonl`);
    fs.renameSync(this.file, target);
    return target;
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
