// Checks the audit chain where it is kept: in Neo4j (paged, in seq order, anchored at the genesis hash)
// or in a JSONL file (the local journal, or an export of the log), entry by entry against its seals and
// hash, link by link, and against the anchors kept outside the database. Names the first broken entry and
// its fields, and every anchor the log no longer matches (deleted newest entries, a rewritten tail).
import fs from 'node:fs';
import { auditEntriesFrom, auditHead, journalEntriesInDatabase } from '../../graph-queries/audit';
import type { QueryContext } from '../../graph-queries/run';
import { anchorProblems, type Anchor } from './anchors';
import { ChainVerifier, type ChainVerdict } from './chain';
import { readJournalFile, type AuditJournal } from './journal';
import type { AuditKeyring } from './keys';

const PAGE_SIZE = 5_000;

export interface DatabaseVerdict {
  chain: ChainVerdict;
  /** Where the log disagrees with the anchors or with its own head node. */
  problems: string[];
}

export async function verifyDatabaseChain(ctx: QueryContext, keyring: AuditKeyring, anchors: Anchor[] = []): Promise<DatabaseVerdict> {
  const verifier = new ChainVerifier(true, keyring);
  const anchoredSeqs = new Set(anchors.map((anchor) => anchor.seq));
  const hashes = new Map<number, string>();
  let newest = 0;
  let after = 0;
  for (;;) {
    const page = await auditEntriesFrom(ctx, after, PAGE_SIZE);
    for (const entry of page) {
      verifier.add(entry);
      if (anchoredSeqs.has(entry.seq)) hashes.set(entry.seq, entry.hash);
      newest = Math.max(newest, entry.seq);
    }
    if (page.length < PAGE_SIZE) break;
    after = page[page.length - 1].seq;
  }
  const problems = anchorProblems(anchors, (seq) => hashes.get(seq), newest);
  const head = await auditHead(ctx);
  if (head && head.seq > newest) problems.push(`the database's chain head says entry ${head.seq} was written, but the log ends at entry ${newest}: entries were deleted from the end`);
  return { chain: verifier.verdict(), problems };
}

export interface JournalCrossCheck {
  /** Journal entries found in the database (unchanged, or re-chained with their origin). */
  inDatabase: number;
  /** The newest entries of the live journal not shipped yet (the app writes them when it next reaches the database). */
  waiting: number;
  problems: string[];
}

/**
 * Every entry the local journal ever held (archived segments and the live one) must be in the database:
 * an entry missing there was deleted from it, unless it is among the newest of the live segment after the
 * shipped marker, which may still wait to be written. The journal thereby anchors every entry this
 * workstation wrote, not only the heads in the anchor file.
 */
export async function crossCheckJournal(ctx: QueryContext, journal: AuditJournal): Promise<JournalCrossCheck> {
  const result: JournalCrossCheck = { inDatabase: 0, waiting: 0, problems: [] };
  const live = fs.existsSync(journal.file) ? [journal.file] : [];
  const shipped = journal.readShipped();
  for (const file of [...journal.archived(), ...live]) {
    const { entries } = readJournalFile(file);
    const found = await journalEntriesInDatabase(ctx, entries);
    // Archived segments were shipped whole; the live one up to its marker (or up to an entry found there).
    const markerAt = file === journal.file && shipped ? entries.findIndex((entry) => entry.seq === shipped.seq && entry.hash === shipped.hash) : -1;
    const shippedThrough = file === journal.file ? Math.max(markerAt, entries.reduce((last, entry, index) => (found.has(entry.hash) ? index : last), -1)) : entries.length - 1;
    entries.forEach((entry, index) => {
      if (found.has(entry.hash)) result.inDatabase += 1;
      else if (index > shippedThrough) result.waiting += 1;
      else result.problems.push(`${file} line ${index + 1}: journal entry seq ${entry.seq} (${entry.operation} by ${entry.user} at ${entry.at}) is not in the database: it was deleted there`);
    });
  }
  return result;
}

export function describeVerdict(where: string, verdict: ChainVerdict): string {
  if (verdict.intact) return `${where}: ${verdict.count} entries, chain intact`;
  const { seq, line, reason } = verdict.firstBroken;
  const position = [Number.isFinite(seq) ? `entry seq ${seq}` : undefined, line !== undefined ? `line ${line}` : undefined].filter(Boolean).join(', ');
  return `${where}: chain BROKEN at ${position}: ${reason}. ${verdict.count} entries before it are intact.`;
}
