// The audit log in Neo4j: one (:AuditEntry) node per entry, `seq` unique (the constraint is what stops two
// writers from forking the chain: the second gets a constraint error, re-reads the head and retries).
// Structured fields are stored as properties so the log can be filtered in Cypher; `details` and `origin`
// as canonical JSON strings. No update or delete statement for audit entries exists anywhere in Schakel.
import type { AuditEntry, ChainHead } from '../backend/audit/chain';
import { toPlain } from './mapper';
import { AUDIT_SEARCH_INDEX } from './migrations';
import { LUCENE_SPECIAL } from './search';
import { int, readRows, writeRows, type QueryContext } from './run';

export const AUDIT_ENTRY_LABEL = 'AuditEntry';

const SCALAR_FIELDS = ['at', 'user', 'role', 'operation', 'category', 'justification', 'recipient', 'outcome', 'prevHash', 'hash'] as const;

function toProperties(entry: AuditEntry): Record<string, unknown> {
  const props: Record<string, unknown> = { seq: int(entry.seq), entityIds: entry.entityIds };
  for (const key of SCALAR_FIELDS) if (entry[key] !== undefined) props[key] = entry[key];
  if (entry.details !== undefined) props.details = JSON.stringify(entry.details);
  if (entry.origin !== undefined) {
    props.origin = JSON.stringify(entry.origin);
    props.originHash = entry.origin.journalHash;
  }
  return props;
}

/** Rebuilds exactly the entry that was hashed (extra properties on the node are ignored). */
export function entryFromProperties(raw: Record<string, unknown>): AuditEntry {
  const props = toPlain(raw) as Record<string, unknown>;
  const entry: Record<string, unknown> = { seq: Number(props.seq), entityIds: Array.isArray(props.entityIds) ? props.entityIds : [] };
  for (const key of SCALAR_FIELDS) if (props[key] !== null && props[key] !== undefined) entry[key] = props[key];
  if (typeof props.details === 'string') entry.details = safeJson(props.details);
  if (typeof props.origin === 'string') entry.origin = safeJson(props.origin);
  return entry as unknown as AuditEntry;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // a damaged value stays visible and fails the hash check
  }
}

export async function auditHead(ctx: QueryContext): Promise<ChainHead | null> {
  const rows = await readRows(ctx, `MATCH (e:${AUDIT_ENTRY_LABEL}) RETURN e.seq AS seq, e.hash AS hash ORDER BY e.seq DESC LIMIT 1`);
  if (!rows[0]) return null;
  return { seq: Number(toPlain(rows[0].seq)), hash: String(rows[0].hash) };
}

/** Writes one entry; false when that seq is taken already (another writer got there first). */
export async function insertAuditEntry(ctx: QueryContext, entry: AuditEntry): Promise<boolean> {
  try {
    await writeRows(ctx, `CREATE (e:${AUDIT_ENTRY_LABEL}) SET e = $props`, { props: toProperties(entry) });
    return true;
  } catch (error) {
    if (String((error as { code?: unknown }).code) === 'Neo.ClientError.Schema.ConstraintValidationFailed') return false;
    throw error;
  }
}

export async function auditEntryBySeq(ctx: QueryContext, seq: number): Promise<AuditEntry | null> {
  const rows = await readRows(ctx, `MATCH (e:${AUDIT_ENTRY_LABEL} {seq: $seq}) RETURN properties(e) AS e`, { seq: int(seq) });
  return rows[0] ? entryFromProperties(rows[0].e as Record<string, unknown>) : null;
}

export async function auditEntryFromJournal(ctx: QueryContext, journalHash: string): Promise<boolean> {
  const rows = await readRows(ctx, `MATCH (e:${AUDIT_ENTRY_LABEL} {originHash: $h}) RETURN count(e) AS c`, { h: journalHash });
  return Number(toPlain(rows[0]?.c)) > 0;
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
  const candidates = lucene
    ? `CALL db.index.fulltext.queryNodes('${AUDIT_SEARCH_INDEX}', $lucene) YIELD node AS e`
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
