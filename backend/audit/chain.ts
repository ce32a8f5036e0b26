// The tamper-evident part of the audit log. Every entry carries the hash of the one before it (prevHash)
// and is sealed with the workstation's key (keys.ts):
//   seals[f] = HMAC-SHA256(key, canonical([f, value of f]))  (first 16 hex digits) for EVERY field but
//              `seals` and `hash` — so a verifier can name the field that was changed, added or removed;
//   hash     = HMAC-SHA256(key, canonical(seals))             — binds all seals, hence all fields.
// canonical = RFC 8785 JSON (keys sorted, no whitespace). Without the key nobody can rewrite an entry and
// re-hash what follows. Entries of the first scheme (no keyId: hash = SHA-256 of the canonical entry) are
// still verified, but only as the chain's prefix: once a keyed entry appears, an unkeyed one is refused.
// Pure functions: no I/O here.
import { createHash, createHmac } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditEntry, AuditEntryBody, ChainHead } from '../../graph-queries/audit';
import type { AuditKey, AuditKeyring } from './keys';

export type { AuditEntry, AuditEntryBody, ChainHead };

export const GENESIS_HASH = '0'.repeat(64);
export const EMPTY_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };
const SEAL_DIGITS = 16;

/** Thrown when an entry cannot be written as canonical JSON (a lone UTF-16 surrogate, a cycle, a BigInt). */
export class UnserialisableEntryError extends Error {
  constructor(reason: string) {
    super(`the audit entry cannot be serialised: ${reason}`);
    this.name = 'UnserialisableEntryError';
  }
}

// Written out because the project's TypeScript lib predates String.prototype.isWellFormed.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function isWellFormed(text: string): boolean {
  LONE_SURROGATE.lastIndex = 0;
  return !LONE_SURROGATE.test(text);
}

/** Lone surrogates become U+FFFD, as TextEncoder would write them. */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

function illFormedPath(value: unknown, at: string, seen: Set<unknown>): string | null {
  if (typeof value === 'string') return isWellFormed(value) ? null : at;
  if (typeof value !== 'object' || value === null || seen.has(value)) return null;
  seen.add(value);
  for (const [key, inner] of Object.entries(value)) {
    if (!isWellFormed(key)) return `${at}.<key>`;
    const found = illFormedPath(inner, `${at}.${key}`, seen);
    if (found) return found;
  }
  return null;
}

/** Canonical JSON, or UnserialisableEntryError naming the field that prevents it. */
export function canonical(value: unknown): string {
  let text: string | undefined;
  try {
    text = canonicalize(value);
  } catch (error) {
    // The library refuses lone surrogates too; the walk that names the field runs only then.
    const illFormed = illFormedPath(value, 'entry', new Set());
    if (illFormed) throw new UnserialisableEntryError(`${illFormed} holds ill-formed Unicode (a lone surrogate)`);
    throw new UnserialisableEntryError((error as Error).message);
  }
  // A function or symbol has no JSON form; inside an object the library would write it as "undefined".
  if (text === undefined || !isJson(text)) throw new UnserialisableEntryError('it has no JSON form');
  return text;
}

function isJson(text: string): boolean {
  if (!text.includes('undefined')) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** Drops undefined fields (JSON has none) so the same entry always hashes the same way. */
export function jsonSafe<T>(value: T): T {
  return JSON.parse(canonical(value)) as T;
}

function hmac(key: AuditKey, text: string): string {
  return createHmac('sha256', key.secret).update(text, 'utf8').digest('hex');
}

export function fieldSeal(key: AuditKey, field: string, value: unknown): string {
  return hmac(key, canonical([field, value])).slice(0, SEAL_DIGITS);
}

export function sealsHash(key: AuditKey, seals: Record<string, string>): string {
  return hmac(key, canonical(seals));
}

/** The first scheme's hash: SHA-256 over the canonical entry without its hash. */
export function legacyHash(entry: Omit<AuditEntry, 'hash'> | AuditEntry): string {
  const { hash: _ignored, ...rest } = entry as AuditEntry;
  return createHash('sha256').update(canonical(rest), 'utf8').digest('hex');
}

/**
 * Places a body after `head` and seals it with `key`. Each field is written as canonical JSON once: its
 * seal is taken over that text (canonical([field, value]) is "[" + canonical(field) + "," + text + "]"),
 * and the stored value is read back from it, so what is kept is exactly what was sealed.
 */
export function chainEntry(body: AuditEntryBody, head: ChainHead, key: AuditKey): AuditEntry {
  const fields: Record<string, unknown> = { ...body, seq: head.seq + 1, prevHash: head.hash, keyId: key.id };
  const unsealed: Record<string, unknown> = {};
  const seals: Record<string, string> = {};
  for (const field of Object.keys(fields).sort()) {
    const value = fields[field];
    if (value === undefined || typeof value === 'symbol') continue;
    const text = canonical(value);
    unsealed[field] = JSON.parse(text);
    seals[field] = hmac(key, `[${canonical(field)},${text}]`).slice(0, SEAL_DIGITS);
  }
  return { ...(unsealed as Omit<AuditEntry, 'seals' | 'hash'>), seals, hash: sealsHash(key, seals) };
}

/** Chains bodies one after the other from `head`. */
export function chainEntries(bodies: AuditEntryBody[], head: ChainHead, key: AuditKey): AuditEntry[] {
  const entries: AuditEntry[] = [];
  let previous = head;
  for (const body of bodies) {
    const entry = chainEntry(body, previous, key);
    entries.push(entry);
    previous = { seq: entry.seq, hash: entry.hash };
  }
  return entries;
}

export function isKeyed(entry: AuditEntry): boolean {
  return entry.keyId !== undefined || entry.seals !== undefined;
}

/** Fields an entry of the first scheme may have; anything else was added after it was written. */
const LEGACY_FIELDS = new Set(['at', 'user', 'role', 'operation', 'category', 'entityIds', 'justification', 'recipient', 'outcome', 'details', 'origin', 'seq', 'prevHash', 'hash']);

function list(fields: string[]): string {
  return fields.map((field) => `"${field}"`).join(', ');
}

/** What is wrong with one entry on its own (its seals and hash), or null. Names the fields concerned. */
export function entryProblem(entry: AuditEntry, keyring: AuditKeyring): string | null {
  const record = entry as unknown as Record<string, unknown>;
  if (!isKeyed(entry)) {
    const added = Object.keys(record).filter((field) => !LEGACY_FIELDS.has(field));
    if (added.length) return `field ${list(added)} is not part of the entry (added after it was written)`;
    return legacyHash(entry) === entry.hash ? null : 'its hash does not match its content (the entry was changed after it was written)';
  }
  if (typeof entry.keyId !== 'string') return 'it has seals but no keyId (the keyId field was removed)';
  const key = keyring.get(entry.keyId);
  if (!key) return `it was sealed with audit key ${entry.keyId}, which is not available here (give its key file with --key-file)`;
  const seals = entry.seals;
  if (typeof seals !== 'object' || seals === null || Array.isArray(seals)) return 'its "seals" field is missing or damaged';
  const fields = Object.keys(record).filter((field) => field !== 'seals' && field !== 'hash');
  const added = fields.filter((field) => !(field in seals));
  const removed = Object.keys(seals).filter((field) => !(field in record));
  let changed: string[];
  try {
    changed = fields.filter((field) => field in seals && fieldSeal(key, field, record[field]) !== seals[field]);
  } catch (error) {
    return `it cannot be read as canonical JSON (${(error as Error).message})`;
  }
  if (fields.length > 1 && changed.length === fields.length) return `none of its seals match: it was not sealed with audit key ${entry.keyId} (forged, or every field rewritten)`;
  const problems = [
    changed.length ? `field ${list(changed)} was changed after the entry was written` : '',
    added.length ? `field ${list(added)} was added after the entry was written (it is not sealed)` : '',
    removed.length ? `field ${list(removed)} was removed` : '',
  ].filter(Boolean);
  if (problems.length) return problems.join('; ');
  if (sealsHash(key, seals as Record<string, string>) !== entry.hash) return 'its hash does not match its seals (the hash or the seals were changed)';
  return null;
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
  private keyedSince: number | null = null;

  constructor(
    anchored: boolean,
    private readonly keyring: AuditKeyring,
  ) {
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
    if (!isKeyed(entry) && this.keyedSince !== null) {
      return at(`it is not sealed with a key although the chain is keyed since entry ${this.keyedSince} (written by someone without the key?)`);
    }
    const problem = entryProblem(entry, this.keyring);
    if (problem) return at(problem);
    if (isKeyed(entry) && this.keyedSince === null) this.keyedSince = entry.seq;
    this.previous = { seq: entry.seq, hash: entry.hash };
    this.count += 1;
    return true;
  }

  verdict(): ChainVerdict {
    if (this.broken) return { intact: false, count: this.count, firstBroken: this.broken };
    return { intact: true, count: this.count, head: this.previous ?? EMPTY_HEAD };
  }
}

export function verifyEntries(entries: Iterable<AuditEntry>, anchored: boolean, keyring: AuditKeyring): ChainVerdict {
  const verifier = new ChainVerifier(anchored, keyring);
  for (const entry of entries) if (!verifier.add(entry)) break;
  return verifier.verdict();
}
