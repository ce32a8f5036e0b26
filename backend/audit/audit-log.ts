// The audit log service (implements AuditSink): stamps each event with time, user and role, seals and
// chains it, and writes it to Neo4j; while the database cannot be reached, to the local journal instead
// (fsync'd), which is caught up into Neo4j (in order, nothing dropped) as soon as it answers again.
// record() resolves only once the entry is durable, and rejects with AUDIT_UNAVAILABLE when it cannot be
// made durable (unserialisable content, database away and journal unwritable, no audit key): the caller
// must then refuse to answer.
// Group commit: entries that arrive while a write is in flight wait and go together in the next write
// transaction, so concurrent readers share one lock of the chain's head instead of queueing one by one.
import { ApiError } from '../../contract/api';
import { appendAuditEntries, appendAuditEntriesAfter, auditEntryBySeq, auditEntryFromJournal } from '../../graph-queries/audit';
import type { QueryContext } from '../../graph-queries/run';
import type { AuditEvent, AuditSink } from '../audit-sink';
import { AnchorWriter, anchorFile } from './anchors';
import { chainEntries, chainEntry, EMPTY_HEAD, isKeyed, jsonSafe, UnserialisableEntryError, type AuditEntry, type AuditEntryBody, type ChainHead } from './chain';
import { AuditJournal } from './journal';
import { auditKeyFile, loadOrCreateAuditKey, type AuditKey } from './keys';
import { Reachability } from './reachability';

export interface AuditLogOptions {
  /** The current database; throws when there is none (then entries go to the journal). */
  context: () => QueryContext;
  dataDir: string;
  identity: () => { name: string; role: string };
  /** Default: SCHAKEL_AUDIT_KEY_FILE, else <dataDir>/audit/audit.key (created on first use). */
  keyFile?: string;
  /** Shared with the annotation service; without one, every write tries the database. */
  reachability?: Reachability;
  /** Tells a database that did not answer from one that refused (only the former goes to the journal silently). */
  isUnreachable?: (error: unknown) => boolean;
  /** At most one anchor of the head per this many ms (0: after every write); one more at close. */
  anchorIntervalMs?: number;
  log?: (message: string) => void;
  now?: () => Date;
}

const MAX_IDS_PER_ENTRY = 500;
/** Entries per write transaction; more wait for the next one. */
const MAX_BATCH = 500;
const DEFAULT_ANCHOR_INTERVAL_MS = 5_000;

export interface RecordExtras {
  outcome?: string;
}

export function auditUnavailable(reason: string): ApiError {
  return new ApiError({
    code: 'AUDIT_UNAVAILABLE',
    message: `The answer is withheld because its audit entry could not be saved (${reason}).`,
    hint: 'Nothing was shown. Check the text you entered for unusual characters and that the data folder is writable, then try again.',
  });
}

interface Waiting {
  body: AuditEntryBody;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class AuditLog implements AuditSink {
  readonly journal: AuditJournal;
  readonly anchors: AnchorWriter;
  readonly keyFile: string;
  private key: AuditKey | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private waiting: Waiting[] = [];
  private draining: Promise<void> | null = null;
  private lastDatabaseHead: ChainHead | null = null;
  private lastAnchor: { seq: number; atMs: number } | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly log: (message: string) => void;
  private readonly now: () => Date;
  private readonly reachability: Reachability;

  constructor(private readonly options: AuditLogOptions) {
    this.journal = new AuditJournal(options.dataDir);
    this.anchors = new AnchorWriter(anchorFile(options.dataDir));
    this.keyFile = options.keyFile ?? auditKeyFile(options.dataDir);
    this.reachability = options.reachability ?? new Reachability(async () => undefined);
    this.log = options.log ?? (() => undefined);
    this.now = options.now ?? (() => new Date());
  }

  /** Resolves once the entry is durable; rejects with AUDIT_UNAVAILABLE when it cannot be. */
  record(event: AuditEvent, extras: RecordExtras = {}): Promise<void> {
    let body: AuditEntryBody;
    try {
      const who = this.options.identity();
      body = jsonSafe({
        at: this.now().toISOString(),
        user: who.name,
        role: who.role,
        operation: event.action,
        category: event.category,
        entityIds: [...new Set(event.entityIds ?? [])].slice(0, MAX_IDS_PER_ENTRY),
        ...(event.justification ? { justification: event.justification } : {}),
        ...(event.recipient ? { recipient: event.recipient } : {}),
        outcome: extras.outcome ?? 'ok',
        ...(event.details && Object.keys(event.details).length ? { details: event.details } : {}),
      });
    } catch (error) {
      const reason = error instanceof UnserialisableEntryError ? 'the request holds text that cannot be recorded' : 'the entry could not be prepared';
      this.log(`Audit entry for ${event.action} refused: ${(error as Error).message ?? error}`);
      return Promise.reject(auditUnavailable(reason));
    }
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ body, resolve, reject });
      this.drainSoon();
    });
  }

  /** Entries kept locally and not yet in the database. */
  pendingCount(): number {
    return this.journal.read().length;
  }

  /** Tries to write the journal to the database now; resolves with how many entries went in. */
  catchUp(): Promise<number> {
    return this.enqueue(() => this.flushJournal());
  }

  /** Retries the catch-up periodically (the database may come back without the user doing anything), and anchors. */
  startCatchUpTimer(intervalMs = 5_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      // The newest entries get their anchor even when no further write comes to trigger one.
      this.anchorNow();
      if (!this.journal.hasPending()) return;
      void (async () => {
        if (this.reachability.isDown() && !(await this.reachability.check())) return;
        await this.catchUp().catch(() => undefined);
      })();
    }, intervalMs);
    this.timer.unref();
  }

  /** Anchors the head this process last wrote, if it has not been anchored yet. */
  anchorNow(): void {
    const head = this.lastDatabaseHead;
    if (!head || !this.key || this.lastAnchor?.seq === head.seq) return;
    try {
      this.anchors.append(head, this.key, this.now());
      this.lastAnchor = { seq: head.seq, atMs: this.now().getTime() };
    } catch (error) {
      this.log(`Audit anchor not written to ${this.anchors.file}: ${(error as Error).message ?? error}`);
    }
  }

  /** Waits for queued writes, anchors the head; stops the timer. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.draining) await this.draining;
    await this.queue.catch(() => undefined);
    this.anchorNow();
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private drainSoon(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.waiting.length) this.drainSoon();
    });
  }

  /** Writes what waits, a batch per transaction; whatever arrives meanwhile joins the next batch. */
  private async drain(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        await this.enqueue(() => this.writeBatch(batch.map((item) => item.body)));
        for (const item of batch) item.resolve();
      } catch (error) {
        this.log(`Audit entries not saved (${batch.length}): ${(error as Error).message ?? error}`);
        const refusal = error instanceof ApiError && error.code === 'AUDIT_UNAVAILABLE' ? error : auditUnavailable('neither the database nor the local journal took it');
        for (const item of batch) item.reject(refusal);
      }
    }
  }

  private auditKey(): AuditKey {
    if (!this.key) {
      try {
        this.key = loadOrCreateAuditKey(this.keyFile);
      } catch (error) {
        this.log(`Audit key ${this.keyFile} unusable: ${(error as Error).message ?? error}`);
        throw auditUnavailable('the audit key cannot be read');
      }
    }
    return this.key;
  }

  private async writeBatch(bodies: AuditEntryBody[]): Promise<void> {
    const key = this.auditKey();
    if (this.reachability.isDown()) return this.appendToJournal(bodies, key);
    if (this.journal.hasPending()) {
      // Keep the order: nothing may reach the database before what waited in the journal.
      await this.flushJournal().catch(() => 0);
      if (this.journal.hasPending()) return this.appendToJournal(bodies, key);
    }
    try {
      this.wroteToDatabase(await this.appendToDatabase(this.options.context(), bodies, key));
    } catch (error) {
      if (this.options.isUnreachable?.(error) ?? true) this.reachability.markDown();
      this.log(`Audit entries kept in the local journal: the database did not take them (${(error as Error).message ?? error}).`);
      this.appendToJournal(bodies, key);
    }
  }

  /**
   * Usually this process wrote the head itself: sealed after it, the batch goes in one round trip. When
   * another writer moved the head meanwhile (or at the first write), it is sealed under the head's lock.
   */
  private async appendToDatabase(ctx: QueryContext, bodies: AuditEntryBody[], key: AuditKey): Promise<AuditEntry[]> {
    const expected = this.lastDatabaseHead;
    if (expected) {
      const entries = chainEntries(bodies, expected, key);
      if (await appendAuditEntriesAfter(ctx, expected, entries)) return entries;
    }
    return appendAuditEntries(ctx, (head) => chainEntries(bodies, head ?? EMPTY_HEAD, key));
  }

  private wroteToDatabase(entries: AuditEntry[]): void {
    const last = entries[entries.length - 1];
    if (!last) return;
    this.lastDatabaseHead = { seq: last.seq, hash: last.hash };
    const interval = this.options.anchorIntervalMs ?? DEFAULT_ANCHOR_INTERVAL_MS;
    if (!this.lastAnchor || this.now().getTime() - this.lastAnchor.atMs >= interval) this.anchorNow();
  }

  private appendToJournal(bodies: AuditEntryBody[], key: AuditKey): void {
    const pending = this.journal.read();
    const last = pending[pending.length - 1];
    const head: ChainHead = last ? { seq: last.seq, hash: last.hash } : (this.lastDatabaseHead ?? EMPTY_HEAD);
    this.journal.append(...chainEntries(bodies, head, key));
  }

  /**
   * Replays the journal in order. An entry that still fits the database's chain goes in unchanged (same
   * seq, same hash); if others wrote meanwhile it is re-chained onto the current head with `origin`
   * pointing at its journal seq and hash. Entries already written (a catch-up interrupted by a crash) are
   * recognised and skipped, so a replay never duplicates.
   */
  private async flushJournal(): Promise<number> {
    const entries = this.journal.read();
    if (entries.length === 0) return 0;
    const ctx = this.options.context();
    const key = this.auditKey();
    const toWrite: AuditEntry[] = [];
    for (const entry of entries) if (!(await alreadyWritten(ctx, entry))) toWrite.push(entry);
    for (let start = 0; start < toWrite.length; start += MAX_BATCH) {
      const chunk = toWrite.slice(start, start + MAX_BATCH);
      const written = await appendAuditEntries(ctx, (head) => {
        let previous = head ?? EMPTY_HEAD;
        return chunk.map((entry) => {
          const fits = isKeyed(entry) && previous.seq === entry.seq - 1 && previous.hash === entry.prevHash;
          const placed = fits ? entry : chainEntry({ ...bodyOf(entry), origin: { journalSeq: entry.seq, journalHash: entry.hash } }, previous, key);
          previous = { seq: placed.seq, hash: placed.hash };
          return placed;
        });
      });
      this.wroteToDatabase(written);
    }
    const archived = this.journal.archive(this.now());
    this.log(`Audit journal caught up: ${toWrite.length} entries written to Neo4j; the local copy is kept as ${archived}.`);
    return toWrite.length;
  }
}

function bodyOf(entry: AuditEntry): AuditEntryBody {
  const { seq: _seq, prevHash: _prevHash, hash: _hash, keyId: _keyId, seals: _seals, origin: _origin, ...body } = entry;
  return body;
}

async function alreadyWritten(ctx: QueryContext, entry: AuditEntry): Promise<boolean> {
  const sameSeq = await auditEntryBySeq(ctx, entry.seq);
  if (sameSeq && sameSeq.hash === entry.hash) return true;
  return auditEntryFromJournal(ctx, entry.hash);
}
