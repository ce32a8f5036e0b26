// The audit log service (implements AuditSink): stamps each event with time, user and role, seals and
// chains it, and makes it durable in the local journal (appended and fsync'd) before record() resolves;
// a background shipper then writes the journal into Neo4j, in order, in batches of one transaction each,
// and keeps retrying while the database cannot be reached. When the journal cannot be written, the entry
// is committed to Neo4j directly instead. record() rejects with AUDIT_UNAVAILABLE when neither works
// (unserialisable content, journal unwritable and database away, no audit key): the caller must then
// refuse to answer.
// Group commit: entries that arrive while an append is in flight wait and go together in the next one
// (one fsync), and the shipper writes whatever has accumulated in one transaction.
import { ApiError } from '../../contract/api';
import { appendAuditEntries, appendAuditEntriesAfter, auditEntryBySeq, auditEntryFromJournal, auditHead } from '../../graph-queries/audit';
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
  /** How long the shipper lets entries gather before writing them to Neo4j in one transaction (ms). */
  shipDelayMs?: number;
  log?: (message: string) => void;
  now?: () => Date;
}

const MAX_IDS_PER_ENTRY = 500;
/** Entries per write transaction; more wait for the next one. */
const MAX_BATCH = 500;
const DEFAULT_ANCHOR_INTERVAL_MS = 5_000;
/**
 * Entries reach Neo4j this long after they became durable in the journal, at most (plus the write): short
 * enough that colleagues see them at once, long enough that a burst of reads shares one transaction
 * instead of each one adding a database write to the load the next read competes with.
 */
const DEFAULT_SHIP_DELAY_MS = 100;
/** A fully shipped journal segment larger than this is archived and a new one started. */
const SEGMENT_BYTES = 8 * 1024 * 1024;

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
  private waiting: Waiting[] = [];
  private running = 0;
  private draining: Promise<void> | null = null;
  /** Writes to Neo4j, one at a time and in order (shipping, direct writes). */
  private databaseQueue: Promise<unknown> = Promise.resolve();
  private shipping: Promise<number> | null = null;
  private shipAgain = false;
  private shipTimer: NodeJS.Timeout | null = null;
  /** The newest entry of the live journal segment (or what an empty one starts after); null until loaded. */
  private localHead: ChainHead | null = null;
  /** Entries of the live segment not yet in Neo4j, oldest first. */
  private unshipped: AuditEntry[] = [];
  /** How many of `unshipped` were found in the journal at start: the database may hold some of them already. */
  private recovered = 0;
  /** Neo4j's chain moved on without this segment (another writer): start a new segment once this one is shipped. */
  private rebase = false;
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

  /**
   * Marks an audited operation as running until the returned function is called. While every running
   * operation waits for the journal append under way, the append blocks the event loop (one system call);
   * otherwise it runs in the background so the others proceed.
   */
  beginOperation(): () => void {
    this.running += 1;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.running -= 1;
    };
  }

  /** Entries kept locally and not yet in the database. */
  pendingCount(): number {
    if (this.localHead) return this.unshipped.length;
    const entries = this.readJournal();
    const shipped = this.journal.readShipped();
    return entries.length - 1 - (shipped ? entries.findIndex((entry) => entry.seq === shipped.seq && entry.hash === shipped.hash) : -1);
  }

  /** Waits for entries being recorded, then writes what the journal holds to the database; resolves with how many went in. */
  async catchUp(): Promise<number> {
    // Entries recorded before this call are in the journal once the current drain ends (it loops until none wait).
    if (this.draining) await this.draining;
    await this.loadJournal();
    return this.ship();
  }

  /** Retries the shipping periodically (the database may come back without the user doing anything), and anchors. */
  startCatchUpTimer(intervalMs = 5_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      // The newest entries get their anchor even when no further write comes to trigger one.
      this.anchorNow();
      if (this.pendingCount() === 0) return;
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

  /** Waits for queued entries, ships them once more unless the database is known to be away, anchors; stops the timer. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    while (this.draining) await this.draining;
    if (this.shipTimer) clearTimeout(this.shipTimer);
    this.shipTimer = null;
    while (this.shipping) await this.shipping.catch(() => 0);
    if (this.unshipped.length && !this.reachability.isDown()) await this.ship().catch(() => 0);
    await this.databaseQueue.catch(() => undefined);
    this.journal.closeFile();
    this.anchorNow();
  }

  private onDatabase<T>(task: () => Promise<T>): Promise<T> {
    const next = this.databaseQueue.then(task, task);
    this.databaseQueue = next.catch(() => undefined);
    return next;
  }

  private drainSoon(): void {
    if (this.draining) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.waiting.length) this.drainSoon();
    });
  }

  /** Makes what waits durable, a batch per journal append; whatever arrives meanwhile joins the next batch. */
  private async drain(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        await this.writeBatch(batch.map((item) => item.body), this.running <= batch.length);
        for (const item of batch) item.resolve();
      } catch (error) {
        this.log(`Audit entries not saved (${batch.length}): ${(error as Error).message ?? error}`);
        const refusal = error instanceof ApiError && error.code === 'AUDIT_UNAVAILABLE' ? error : auditUnavailable('neither the local journal nor the database took it');
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

  private async writeBatch(bodies: AuditEntryBody[], alone: boolean): Promise<void> {
    const key = this.auditKey();
    await this.loadJournal();
    try {
      await this.appendToJournal(bodies, key, alone);
    } catch (error) {
      this.log(`Audit journal ${this.journal.file} not writable (${(error as Error).message ?? error}); writing the entries straight to the database.`);
      await this.writeDirectly(bodies, key);
      return;
    }
    this.shipSoon();
  }

  /**
   * Once per process, before the first append: picks up a segment a previous run left (its unshipped tail
   * is shipped first), or starts a new one on the database's current head, so the entries normally go into
   * Neo4j unchanged.
   */
  private async loadJournal(): Promise<void> {
    if (this.localHead) return;
    const entries = this.readJournal();
    const last = entries[entries.length - 1];
    if (last) {
      const shipped = this.journal.readShipped();
      const shippedAt = shipped ? entries.findIndex((entry) => entry.seq === shipped.seq && entry.hash === shipped.hash) : -1;
      this.unshipped = entries.slice(shippedAt + 1);
      this.recovered = this.unshipped.length;
      this.localHead = { seq: last.seq, hash: last.hash };
      return;
    }
    let head: ChainHead | null = null;
    if (!this.reachability.isDown()) {
      try {
        head = await auditHead(this.options.context());
      } catch (error) {
        if (this.options.isUnreachable?.(error) ?? true) this.reachability.markDown();
      }
    }
    if (this.localHead) return; // a concurrent caller loaded it meanwhile
    this.localHead = head ?? this.lastDatabaseHead ?? EMPTY_HEAD;
  }

  /** The live segment; a journal that cannot be read counts as empty (appends to it will fail too, and go to the database). */
  private readJournal(): AuditEntry[] {
    try {
      return this.journal.read();
    } catch (error) {
      this.log(`Audit journal ${this.journal.file} unreadable: ${(error as Error).message ?? error}`);
      return [];
    }
  }

  /** Seals the bodies after the live segment's head and appends them, fsync'd. Throws when the disk refuses. */
  private async appendToJournal(bodies: AuditEntryBody[], key: AuditKey, blocking: boolean): Promise<void> {
    if (this.unshipped.length === 0 && (this.rebase || this.journal.size() > SEGMENT_BYTES)) {
      this.journal.archive(this.now());
      if (this.rebase && this.lastDatabaseHead) this.localHead = this.lastDatabaseHead;
      this.rebase = false;
    }
    const entries = chainEntries(bodies, this.localHead ?? EMPTY_HEAD, key);
    await this.journal.append(entries, { blocking });
    const last = entries[entries.length - 1];
    this.localHead = { seq: last.seq, hash: last.hash };
    this.unshipped.push(...entries);
  }

  /** Without a journal: commit to Neo4j before answering, after everything the journal still holds. */
  private async writeDirectly(bodies: AuditEntryBody[], key: AuditKey): Promise<void> {
    await this.ship();
    if (this.unshipped.length) throw auditUnavailable('the local journal is not writable and the database did not take its earlier entries');
    const written = await this.onDatabase(() => appendAuditEntries(this.options.context(), (head) => chainEntries(bodies, head ?? EMPTY_HEAD, key)));
    this.wroteToDatabase(written);
    // The live segment no longer ends where the chain in Neo4j does.
    this.rebase = true;
  }

  private shipSoon(): void {
    if (this.reachability.isDown() || this.shipTimer) return;
    if (this.shipping) {
      this.shipAgain = true;
      return;
    }
    this.shipTimer = setTimeout(() => {
      this.shipTimer = null;
      void this.ship().catch(() => 0);
    }, this.options.shipDelayMs ?? DEFAULT_SHIP_DELAY_MS);
  }

  /** Writes every unshipped entry to Neo4j (one shipper at a time); resolves with how many went in. */
  private ship(): Promise<number> {
    if (this.shipping) {
      this.shipAgain = true;
      return this.shipping.then(() => this.ship());
    }
    const run = this.onDatabase(() => this.shipAll()).catch((error: unknown) => {
      if (this.options.isUnreachable?.(error) ?? true) this.reachability.markDown();
      this.log(`Audit entries wait in the local journal: the database did not take them (${(error as Error).message ?? error}).`);
      throw error;
    });
    this.shipping = run.finally(() => {
      this.shipping = null;
      if (this.shipAgain) {
        this.shipAgain = false;
        if (this.unshipped.length) this.shipSoon();
      }
    });
    return this.shipping;
  }

  /**
   * Writes the entries unshipped when it starts. Entries recorded meanwhile wait for the next ship (after the
   * ship delay): chasing them at once would write every few entries in a transaction of their own.
   */
  private async shipAll(): Promise<number> {
    let shipped = 0;
    let remaining = this.unshipped.length;
    while (remaining > 0 && this.unshipped.length) {
      const chunk = this.unshipped.slice(0, Math.min(MAX_BATCH, remaining));
      remaining -= chunk.length;
      const ctx = this.options.context();
      const key = this.auditKey();
      let toWrite = chunk;
      if (this.recovered > 0) {
        // Left by a previous run: the marker may lag behind what reached the database before it stopped.
        const checked: AuditEntry[] = [];
        for (const entry of chunk) if (!(await alreadyWritten(ctx, entry))) checked.push(entry);
        toWrite = checked;
      }
      const written = toWrite.length ? await this.appendToDatabase(ctx, toWrite, key) : [];
      this.wroteToDatabase(written);
      if (written.some((entry, i) => entry.hash !== toWrite[i].hash)) this.rebase = true;
      this.unshipped.splice(0, chunk.length);
      this.recovered = Math.max(0, this.recovered - chunk.length);
      const newest = chunk[chunk.length - 1];
      try {
        this.journal.writeShipped(newest);
      } catch (error) {
        this.log(`Audit journal marker not written (${(error as Error).message ?? error}); the next start checks those entries again.`);
      }
      shipped += toWrite.length;
    }
    return shipped;
  }

  /**
   * Usually the journal segment continues the head this process wrote last: the entries go in unchanged, in
   * one round trip. Otherwise they are placed under the head's lock: an entry that still fits goes in
   * unchanged (same seq, same hash); after another writer's entries it is re-chained onto the current head
   * with `origin` pointing at its journal seq and hash.
   */
  private async appendToDatabase(ctx: QueryContext, entries: AuditEntry[], key: AuditKey): Promise<AuditEntry[]> {
    const expected = this.lastDatabaseHead;
    const first = entries[0];
    if (expected && first.seq === expected.seq + 1 && first.prevHash === expected.hash && (await appendAuditEntriesAfter(ctx, expected, entries))) return entries;
    return appendAuditEntries(ctx, (head) => {
      let previous = head ?? EMPTY_HEAD;
      return entries.map((entry) => {
        const fits = isKeyed(entry) && previous.seq === entry.seq - 1 && previous.hash === entry.prevHash;
        const placed = fits ? entry : chainEntry({ ...bodyOf(entry), origin: { journalSeq: entry.seq, journalHash: entry.hash } }, previous, key);
        previous = { seq: placed.seq, hash: placed.hash };
        return placed;
      });
    });
  }

  private wroteToDatabase(entries: AuditEntry[]): void {
    const last = entries[entries.length - 1];
    if (!last) return;
    this.lastDatabaseHead = { seq: last.seq, hash: last.hash };
    const interval = this.options.anchorIntervalMs ?? DEFAULT_ANCHOR_INTERVAL_MS;
    if (!this.lastAnchor || this.now().getTime() - this.lastAnchor.atMs >= interval) this.anchorNow();
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
