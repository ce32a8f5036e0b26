// Checks the audit chain where it is kept: in Neo4j (paged, in seq order, anchored at the genesis hash)
// or in a JSONL file (the local journal, or an export of the log). Reports the first broken entry.
import { auditEntriesFrom } from '../../graph-queries/audit';
import type { QueryContext } from '../../graph-queries/run';
import { ChainVerifier, type ChainVerdict } from './chain';

const PAGE_SIZE = 5_000;

export async function verifyDatabaseChain(ctx: QueryContext): Promise<ChainVerdict> {
  const verifier = new ChainVerifier(true);
  let after = 0;
  for (;;) {
    const page = await auditEntriesFrom(ctx, after, PAGE_SIZE);
    for (const entry of page) if (!verifier.add(entry)) return verifier.verdict();
    if (page.length < PAGE_SIZE) return verifier.verdict();
    after = page[page.length - 1].seq;
  }
}

export function describeVerdict(where: string, verdict: ChainVerdict): string {
  if (verdict.intact) return `${where}: ${verdict.count} entries, chain intact`;
  const { seq, line, reason } = verdict.firstBroken;
  const position = [Number.isFinite(seq) ? `entry seq ${seq}` : undefined, line !== undefined ? `line ${line}` : undefined].filter(Boolean).join(', ');
  return `${where}: chain BROKEN at ${position}: ${reason}. ${verdict.count} entries before it are intact.`;
}
