// Cases for the search filter, and existence checks for saved charts.
import type { Node } from 'neo4j-driver';
import type { CaseSummary } from '../contract/api';
import { toProperties } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { int, readRows, type QueryContext } from './run';

/** The most cases one list returns; `after` (the last id of a page) reads the next page. */
export const CASE_PAGE_SIZE = 5000;

/**
 * Cases in id order along the unique index, a page at a time, then shown by country and reference. The
 * index order keeps the read bounded however many cases a national database holds.
 */
export async function listCases(ctx: QueryContext, page: { after?: string; limit?: number } = {}): Promise<CaseSummary[]> {
  const rows = await readRows(ctx, `MATCH (c:Case) WHERE c.id > $after RETURN c ORDER BY c.id LIMIT $limit`, {
    after: page.after ?? '',
    limit: int(page.limit ?? CASE_PAGE_SIZE),
  });
  const cases = rows.map((row) => {
    const props = toProperties((row.c as Node).properties);
    const text = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
    return { id: String(props.id), reference: text('reference') ?? String(props.id), title: text('title'), country: text('country'), agency: text('agency') };
  });
  return cases.sort((a, b) => (a.country ?? '').localeCompare(b.country ?? '') || a.reference.localeCompare(b.reference));
}

export async function partitionExisting(ctx: QueryContext, ids: string[]): Promise<{ existing: string[]; missing: string[] }> {
  const rows = await readRows(ctx, `UNWIND $ids AS id OPTIONAL MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, n IS NOT NULL AS found`, { ids });
  const existing: string[] = [];
  const missing: string[] = [];
  for (const row of rows) (row.found ? existing : missing).push(String(row.id));
  return { existing, missing };
}
