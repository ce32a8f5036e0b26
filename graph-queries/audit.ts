// The audit log in Neo4j: one (:AuditEntry) node per entry and one (:AuditHead) node that holds the chain's
// newest seq and hash. An append locks the head, reads it, and creates the entries and moves the head in
// the SAME write transaction, so concurrent writers (other windows, other workstations) queue on that one
// lock instead of racing for a seq and retrying; the unique seq constraint stays as a safety net.
// Hashing is not done here: the caller passes `seal`, which places its entries after the locked head.
// Structured fields are stored as properties so the log can be filtered in Cypher; `details`, `origin` and
// `seals` as JSON strings. No update or delete statement for audit entries exists anywhere in Schakel.
import { causalSession } from './driver';
import type { AuditEntryView } from '../contract/annotations';
import { toPlain } from './mapper';
import { AUDIT_SEARCH_INDEX } from './migrations';
import { LUCENE_SPECIAL } from './search';
import { int, readRows, writeRows, type QueryContext } from './run';

export const AUDIT_ENTRY_LABEL = 'AuditEntry';
export const AUDIT_HEAD_LABEL = 'AuditHead';
/** One global chain; the key leaves room for more (per workstation) without a schema change. */
export const GLOBAL_CHAIN = 'global';

/** What an entry says, before it is placed in the chain: what the audit viewer shows, without the chain. */
export type AuditEntryBody = Omit<AuditEntryView, 'seq' | 'prevHash' | 'hash'> & {
  /** Set when an entry written to the local journal had to be re-chained onto the database's chain. */
  origin?: { journalSeq: number; journalHash: string };
};

export type AuditEntry = AuditEntryBody & {
  seq: number;
  prevHash: string;
  /** Which workstation key sealed the entry; absent on entries of the first, unkeyed scheme. */
  keyId?: string;
  /** Field name → keyed digest of that field, so a verifier can name the field that changed. */
  seals?: Record<string, string>;
  hash: string;
};

export interface ChainHead {
  seq: number;
  hash: string;
}

const SCALAR_FIELDS = ['at', 'user', 'role', 'operation', 'category', 'justification', 'recipient', 'outcome', 'prevHash', 'keyId', 'hash'] as const;
const JSON_FIELDS = ['details', 'origin', 'seals'] as const;

/** The properties an entry is stored as. Every one of them is rebuilt by entryFromProperties. */
export function auditEntryProperties(entry: AuditEntry): Record<string, unknown> {
  const props: Record<string, unknown> = { seq: int(entry.seq), entityIds: entry.entityIds };
  for (const key of SCALAR_FIELDS) if (entry[key] !== undefined) props[key] = entry[key];
  for (const key of JSON_FIELDS) if (entry[key] !== undefined) props[key] = JSON.stringify(entry[key]);
  // Derived, for the index that recognises a journal entry already caught up.
  if (entry.origin !== undefined) props.originHash = entry.origin.journalHash;
  return props;
}

/**
 * Rebuilds the entry from ALL its stored properties. A property Schakel never writes is kept under its own
 * name, so the verifier sees it (it is not covered by the entry's hash); so is an `originHash` that does not
 * match `origin`.
 */
export function entryFromProperties(raw: Record<string, unknown>): AuditEntry {
  const props = toPlain(raw) as Record<string, unknown>;
  const entry: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined) continue;
    entry[key] = (JSON_FIELDS as readonly string[]).includes(key) && typeof value === 'string' ? safeJson(value) : value;
  }
  entry.seq = Number(props.seq);
  if (!Array.isArray(entry.entityIds)) entry.entityIds = [];
  const origin = entry.origin as AuditEntry['origin'] | undefined;
  if (entry.originHash !== undefined && entry.originHash === origin?.journalHash) delete entry.originHash;
  return entry as unknown as AuditEntry;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // a damaged value stays visible and fails the hash check
  }
}

function headFrom(seq: unknown, hash: unknown): ChainHead | null {
  return seq === null || seq === undefined ? null : { seq: Number(toPlain(seq)), hash: String(hash) };
}

/**
 * Appends entries in one write transaction: locks the chain's head node (creating it from the newest entry
 * the first time), hands the head to `seal`, writes what it returns and moves the head to the last one.
 * `seal` may run more than once (the driver retries transient failures), so it must be pure.
 */
export async function appendAuditEntries(
  ctx: QueryContext,
  seal: (head: ChainHead | null) => AuditEntry[],
  chain = GLOBAL_CHAIN,
): Promise<AuditEntry[]> {
  const session = causalSession(ctx.driver, { database: ctx.database, mode: 'WRITE' });
  try {
    return await session.executeWrite(async (tx) => {
      // SET takes the node's write lock: a second writer waits here until this transaction ends.
      const locked = await tx.run(
        `MERGE (h:${AUDIT_HEAD_LABEL} {chain: $chain}) SET h.lockedAt = datetime() RETURN h.seq AS seq, h.hash AS hash`,
        { chain },
      );
      let head = headFrom(locked.records[0].get('seq'), locked.records[0].get('hash'));
      if (!head) {
        const newest = await tx.run(`MATCH (e:${AUDIT_ENTRY_LABEL}) RETURN e.seq AS seq, e.hash AS hash ORDER BY e.seq DESC LIMIT 1`);
        head = newest.records[0] ? headFrom(newest.records[0].get('seq'), newest.records[0].get('hash')) : null;
      }
      const entries = seal(head);
      if (entries.length === 0) return entries;
      const last = entries[entries.length - 1];
      await tx.run(
        `UNWIND $rows AS props CREATE (e:${AUDIT_ENTRY_LABEL}) SET e = props
         WITH count(e) AS written
         MATCH (h:${AUDIT_HEAD_LABEL} {chain: $chain}) SET h.seq = $seq, h.hash = $hash`,
        { rows: entries.map(auditEntryProperties), chain, seq: int(last.seq), hash: last.hash },
      );
      return entries;
    });
  } finally {
    await session.close();
  }
}

/**
 * The same append in ONE statement (one round trip), for a writer that expects the head it wrote last:
 * the head is locked first, then compared, so the comparison sees any writer that committed meanwhile.
 * False when the head has moved on (the caller then seals again through appendAuditEntries).
 */
export async function appendAuditEntriesAfter(ctx: QueryContext, expected: ChainHead, entries: AuditEntry[], chain = GLOBAL_CHAIN): Promise<boolean> {
  const last = entries[entries.length - 1];
  if (!last) return true;
  try {
    const rows = await writeRows(
      ctx,
      `MATCH (h:${AUDIT_HEAD_LABEL} {chain: $chain})
       SET h.lockedAt = datetime()
       WITH h WHERE h.seq = $expectedSeq AND h.hash = $expectedHash
       SET h.seq = $seq, h.hash = $hash
       WITH h UNWIND $rows AS props
       CREATE (e:${AUDIT_ENTRY_LABEL}) SET e = props
       RETURN count(e) AS written`,
      { chain, expectedSeq: int(expected.seq), expectedHash: expected.hash, rows: entries.map(auditEntryProperties), seq: int(last.seq), hash: last.hash },
    );
    return Number(toPlain(rows[0]?.written)) === entries.length;
  } catch (error) {
    // The unique seq stops a writer that slipped past the comparison; it seals again under the lock.
    if (String((error as { code?: unknown }).code) === 'Neo.ClientError.Schema.ConstraintValidationFailed') return false;
    throw error;
  }
}

/** The head as the database holds it (through the leader: a secondary may lag behind). */
export async function auditHead(ctx: QueryContext, chain = GLOBAL_CHAIN): Promise<ChainHead | null> {
  const rows = await writeRows(ctx, `OPTIONAL MATCH (h:${AUDIT_HEAD_LABEL} {chain: $chain}) RETURN h.seq AS seq, h.hash AS hash`, { chain });
  return headFrom(rows[0]?.seq, rows[0]?.hash);
}

export async function auditEntryBySeq(ctx: QueryContext, seq: number): Promise<AuditEntry | null> {
  const rows = await writeRows(ctx, `MATCH (e:${AUDIT_ENTRY_LABEL} {seq: $seq}) RETURN properties(e) AS e`, { seq: int(seq) });
  return rows[0] ? entryFromProperties(rows[0].e as Record<string, unknown>) : null;
}

export async function auditEntryFromJournal(ctx: QueryContext, journalHash: string): Promise<boolean> {
  const rows = await writeRows(ctx, `MATCH (e:${AUDIT_ENTRY_LABEL} {originHash: $h}) RETURN count(e) AS c`, { h: journalHash });
  return Number(toPlain(rows[0]?.c)) > 0;
}

/**
 * Which of these entries (from a local journal) the database holds: unchanged (same seq and hash) or
 * re-chained after another writer's entries (its `origin` names the journal hash). Returns their hashes.
 */
export async function journalEntriesInDatabase(ctx: QueryContext, entries: ChainHead[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let start = 0; start < entries.length; start += 1_000) {
    const rows = await readRows(
      ctx,
      `UNWIND $rows AS row
       OPTIONAL MATCH (same:${AUDIT_ENTRY_LABEL} {seq: row.seq}) WHERE same.hash = row.hash
       OPTIONAL MATCH (moved:${AUDIT_ENTRY_LABEL} {originHash: row.hash})
       WITH row WHERE same IS NOT NULL OR moved IS NOT NULL
       RETURN collect(DISTINCT row.hash) AS found`,
      { rows: entries.slice(start, start + 1_000).map((entry) => ({ seq: int(entry.seq), hash: entry.hash })) },
    );
    for (const hash of (rows[0]?.found as string[] | undefined) ?? []) found.add(hash);
  }
  return found;
}

/** Entries in chain order, a page at a time (for verification of a long log). */
export async function auditEntriesFrom(ctx: QueryContext, afterSeq: number, pageSize: number): Promise<AuditEntry[]> {
  const rows = await readRows(
    ctx,
    `MATCH (e:${AUDIT_ENTRY_LABEL}) WHERE e.seq > $after RETURN properties(e) AS e ORDER BY e.seq LIMIT $limit`,
    { after: int(afterSeq), limit: int(pageSize) },
  );
  return rows.map((row) => entryFromProperties(row.e as Record<string, unknown>));
}

export interface AuditFilter {
  user?: string;
  entityId?: string;
  operation?: string;
  category?: string;
  from?: string;
  until?: string;
  limit: number;
}

/**
 * Newest first. `user` and `operation` match case-insensitively from the start of a word, through the
 * audit_search full-text index; without them the log is read backwards along the seq index, so neither
 * form reads the whole (ever-growing) log before the LIMIT. Dates compare as ISO strings.
 */
export async function searchAuditEntries(ctx: QueryContext, filter: AuditFilter): Promise<AuditEntry[]> {
  const lucene = auditLucene(filter);
  // The index takes entries after their commit (migration 8): waiting for it first means a search never
  // misses an entry that is already in the log.
  const candidates = lucene
    ? `CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
       CALL db.index.fulltext.queryNodes('${AUDIT_SEARCH_INDEX}', $lucene) YIELD node AS e`
    : `MATCH (e:${AUDIT_ENTRY_LABEL}) WHERE e.seq IS NOT NULL`;
  const rows = await readRows(
    ctx,
    `${candidates}
     WITH e WHERE ($category IS NULL OR e.category = $category)
       AND ($entityId IS NULL OR $entityId IN e.entityIds)
       AND ($from IS NULL OR e.at >= $from)
       AND ($until IS NULL OR e.at <= $until)
     RETURN properties(e) AS e ORDER BY e.seq DESC LIMIT $limit`,
    {
      lucene,
      category: filter.category || null,
      entityId: filter.entityId || null,
      from: filter.from || null,
      until: untilInclusive(filter.until),
      limit: int(filter.limit),
    },
  );
  return rows.map((row) => entryFromProperties(row.e as Record<string, unknown>));
}

/** "jans" → user:jans* ; every word of each field must match the start of a word in it. */
function auditLucene(filter: AuditFilter): string | null {
  const clauses: string[] = [];
  for (const field of ['user', 'operation'] as const) {
    const words = (filter[field] ?? '').replace(LUCENE_SPECIAL, ' ').split(/\s+/).filter(Boolean).slice(0, 8);
    for (const word of words) clauses.push(`${field}:${word.toLowerCase()}*`);
  }
  return clauses.length ? clauses.join(' AND ') : null;
}

/** "2024-03-05" as an upper bound means the whole day. */
function untilInclusive(until: string | undefined): string | null {
  if (!until) return null;
  return /^\d{4}-\d{2}-\d{2}$/.test(until) ? `${until}T23:59:59.999Z` : until;
}
