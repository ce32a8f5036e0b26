// The tamper-evident part of the audit log: every entry carries the hash of the one before it, and its own
// hash = SHA-256 of its canonical JSON (RFC 8785, keys sorted, no whitespace) including prevHash. Changing,
// removing or reordering any entry breaks the chain at that entry. Pure functions: no I/O here.
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditCategory } from '../audit-sink';

export const GENESIS_HASH = '0'.repeat(64);

/** What an entry says, before it is placed in the chain. */
export interface AuditEntryBody {
  at: string;
  user: string;
  role: string;
  operation: string;
  category: AuditCategory;
  entityIds: string[];
  justification?: string;
  recipient?: string;
  /** 'ok', or the error code of a refused or failed operation. */
  outcome: string;
  details?: Record<string, unknown>;
  /** Set when an entry written to the local journal had to be re-chained onto the database's chain. */
  origin?: { journalSeq: number; journalHash: string };
}

export interface AuditEntry extends AuditEntryBody {
  seq: number;
  prevHash: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

/** Drops undefined fields (JSON has none) so the same entry always hashes the same way. */
function jsonSafe<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function computeHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _ignored, ...rest } = entry as AuditEntry;
  const canonical = canonicalize(jsonSafe(rest));
  if (canonical === undefined) throw new Error('audit entry cannot be serialised');
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

export function chainEntry(body: AuditEntryBody, head: ChainHead): AuditEntry {
  const unhashed = jsonSafe({ ...body, seq: head.seq + 1, prevHash: head.hash });
  return { ...unhashed, hash: computeHash(unhashed) };
}

export interface ChainBreak {
  seq: number;
  /** 1-based line of a JSONL file, when verifying a file. */
  line?: number;
  reason: string;
}

export type ChainVerdict = { intact: true; count: number; head: ChainHead } | { intact: false; count: number; firstBroken: ChainBreak };

/**
 * Walks entries in order and reports the FIRST one that breaks the chain. `anchored`: the first entry must
 * start the chain (seq 1, genesis prevHash) — true for the database; a journal file starts wherever the
 * database was when the connection dropped, so there only the links between its own lines are checked.
 */
export class ChainVerifier {
  private previous: ChainHead | null;
  private count = 0;
  private broken: ChainBreak | null = null;

  constructor(anchored: boolean) {
    this.previous = anchored ? EMPTY_HEAD : null;
  }

  add(entry: AuditEntry, line?: number): boolean {
    if (this.broken) return false;
    const at = (reason: string) => {
      this.broken = { seq: entry.seq, ...(line !== undefined ? { line } : {}), reason };
      return false;
    };
    if (!Number.isInteger(entry.seq)) return at('the entry has no sequence number');
    if (this.previous) {
      if (entry.seq !== this.previous.seq + 1) {
        return at(
          entry.seq > this.previous.seq + 1
            ? entry.seq === this.previous.seq + 2
              ? `entry ${this.previous.seq + 1} is missing (deleted?)`
              : `entries ${this.previous.seq + 1}–${entry.seq - 1} are missing (deleted?)`
            : `sequence number ${entry.seq} follows ${this.previous.seq} (entries reordered or duplicated)`,
        );
      }
      if (entry.prevHash !== this.previous.hash) return at('its prevHash does not match the hash of the entry before it (an earlier entry was changed or replaced)');
    }
    if (computeHash(entry) !== entry.hash) return at('its hash does not match its content (the entry was changed after it was written)');
    this.previous = { seq: entry.seq, hash: entry.hash };
    this.count += 1;
    return true;
  }

  verdict(): ChainVerdict {
    if (this.broken) return { intact: false, count: this.count, firstBroken: this.broken };
    return { intact: true, count: this.count, head: this.previous ?? EMPTY_HEAD };
  }
}

export function verifyEntries(entries: Iterable<AuditEntry>, anchored: boolean): ChainVerdict {
  const verifier = new ChainVerifier(anchored);
  for (const entry of entries) if (!verifier.add(entry)) break;
  return verifier.verdict();
}
