// The audit log service (implements AuditSink): stamps each event with time, user and role, chains it and
// writes it to Neo4j; while the database cannot be reached, to the local journal instead, which is caught
// up into Neo4j (in order, nothing dropped) as soon as it answers again. Writes go through one queue so a
// process never races itself for the next sequence number; other processes are kept out by the unique
// constraint on seq.
import type { QueryContext } from '../../graph-queries/run';
import { auditEntryBySeq, auditEntryFromJournal, auditHead, insertAuditEntry } from '../../graph-queries/audit';
import type { AuditEvent, AuditSink } from '../audit-sink';
import { chainEntry, EMPTY_HEAD, type AuditEntry, type AuditEntryBody, type ChainHead } from './chain';
import { AuditJournal } from './journal';
import { Reachability } from './reachability';

export interface AuditLogOptions {
  /** The current database; throws when there is none (then entries go to the journal). */
  context: () => QueryContext;
  dataDir: string;
  identity: () => { name: string; role: string };
  /** Shared with the annotation service; without one, every write tries the database. */
  reachability?: Reachability;
  /** Tells a database that did not answer from one that refused (only the former goes to the journal silently). */
  isUnreachable?: (error: unknown) => boolean;
  log?: (message: string) => void;
  now?: () => Date;
}

/** More than this many lost races in a row means something else is wrong; the entry goes to the journal. */
const MAX_APPEND_ATTEMPTS = 25;
const MAX_IDS_PER_ENTRY = 500;

export interface RecordExtras {
  outcome?: string;
}

export class AuditLog implements AuditSink {
  readonly journal: AuditJournal;
  private queue: Promise<unknown> = Promise.resolve();
  private lastDatabaseHead: ChainHead | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly log: (message: string) => void;
  private readonly now: () => Date;
  private readonly reachability: Reachability;

  constructor(private readonly options: AuditLogOptions) {
    this.journal = new AuditJournal(options.dataDir);
    this.reachability = options.reachability ?? new Reachability(async () => undefined);
    this.log = options.log ?? (() => undefined);
    this.now = options.now ?? (() => new Date());
  }

  record(event: AuditEvent, extras: RecordExtras = {}): Promise<void> {
    const who = this.options.identity();
    const body: AuditEntryBody = {
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
    };
    return this.enqueue(() => this.write(body));
  }

  /** Entries kept locally and not yet in the database. */
  pendingCount(): number {
    return this.journal.read().length;
  }

  /** Tries to write the journal to the database now; resolves with how many entries went in. */
  catchUp(): Promise<number> {
    return this.enqueue(() => this.flushJournal());
  }

  /** Retries the catch-up periodically (the database may come back without the user doing anything). */
  startCatchUpTimer(intervalMs = 5_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.journal.hasPending()) return;
      void (async () => {
        if (this.reachability.isDown() && !(await this.reachability.check())) return;
        await this.catchUp().catch(() => undefined);
      })();
    }, intervalMs);
    this.timer.unref();
  }

  /** Waits for queued writes; stops the timer. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.queue.catch(() => undefined);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(body: AuditEntryBody): Promise<void> {
    if (this.reachability.isDown()) return this.appendToJournal(body);
    if (this.journal.hasPending()) {
      // Keep the order: nothing may reach the database before what waited in the journal.
      await this.flushJournal().catch(() => 0);
      if (this.journal.hasPending()) return this.appendToJournal(body);
    }
    try {
      await this.appendToDatabase(this.options.context(), body);
    } catch (error) {
      if (this.options.isUnreachable?.(error) ?? true) this.reachability.markDown();
      this.log(`Audit entry kept in the local journal: the database did not take it (${(error as Error).message ?? error}).`);
      this.appendToJournal(body);
    }
  }

  private async appendToDatabase(ctx: QueryContext, body: AuditEntryBody): Promise<AuditEntry> {
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const head = (await auditHead(ctx)) ?? EMPTY_HEAD;
      const entry = chainEntry(body, head);
      if (await insertAuditEntry(ctx, entry)) {
        this.lastDatabaseHead = { seq: entry.seq, hash: entry.hash };
        return entry;
      }
    }
    throw new Error('the audit chain head kept moving (too many concurrent writers)');
  }

  private appendToJournal(body: AuditEntryBody): void {
    const pending = this.journal.read();
    const last = pending[pending.length - 1];
    const head: ChainHead = last ? { seq: last.seq, hash: last.hash } : (this.lastDatabaseHead ?? EMPTY_HEAD);
    this.journal.append(chainEntry(body, head));
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
    let written = 0;
    for (const entry of entries) {
      if (await alreadyWritten(ctx, entry)) continue;
      const head = (await auditHead(ctx)) ?? EMPTY_HEAD;
      if (head.seq === entry.seq - 1 && head.hash === entry.prevHash && (await insertAuditEntry(ctx, entry))) {
        this.lastDatabaseHead = { seq: entry.seq, hash: entry.hash };
      } else {
        const { seq, prevHash, hash, ...body } = entry;
        void prevHash;
        await this.appendToDatabase(ctx, { ...body, origin: { journalSeq: seq, journalHash: hash } });
      }
      written += 1;
    }
    const archived = this.journal.archive(this.now());
    this.log(`Audit journal caught up: ${written} entries written to Neo4j; the local copy is kept as ${archived}.`);
    return written;
  }
}

async function alreadyWritten(ctx: QueryContext, entry: AuditEntry): Promise<boolean> {
  const sameSeq = await auditEntryBySeq(ctx, entry.seq);
  if (sameSeq && sameSeq.hash === entry.hash) return true;
  return auditEntryFromJournal(ctx, entry.hash);
}
