// Checks the audit chain where it is kept: in Neo4j (paged, in seq order, anchored at the genesis hash)
// or in a JSONL file (the local journal, or an export of the log), entry by entry against its seals and
// hash, link by link, and against the anchors kept outside the database. Names the first broken entry and
// its fields, and every anchor the log no longer matches (deleted newest entries, a rewritten tail).
import { auditEntriesFrom, auditHead } from '../../graph-queries/audit';
import type { QueryContext } from '../../graph-queries/run';
import { anchorProblems, type Anchor } from './anchors';
import { ChainVerifier, type ChainVerdict } from './chain';
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

export function describeVerdict(where: string, verdict: ChainVerdict): string {
  if (verdict.intact) return `${where}: ${verdict.count} entries, chain intact`;
  const { seq, line, reason } = verdict.firstBroken;
  const position = [Number.isFinite(seq) ? `entry seq ${seq}` : undefined, line !== undefined ? `line ${line}` : undefined].filter(Boolean).join(', ');
  return `${where}: chain BROKEN at ${position}: ${reason}. ${verdict.count} entries before it are intact.`;
}
