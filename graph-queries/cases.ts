// Cases for the search filter, and existence checks for saved charts.
import type { Node } from 'neo4j-driver';
import type { CaseSummary } from '../contract/api';
import { toProperties } from './mapper';
import { ENTITY_LABEL } from './migrations';
import { readRows, type QueryContext } from './run';

export async function listCases(ctx: QueryContext): Promise<CaseSummary[]> {
  const rows = await readRows(ctx, `MATCH (c:Case) RETURN c ORDER BY c.country, c.reference LIMIT 5000`);
  return rows.map((row) => {
    const props = toProperties((row.c as Node).properties);
    const text = (key: string) => (typeof props[key] === 'string' ? (props[key] as string) : undefined);
    return { id: String(props.id), reference: text('reference') ?? String(props.id), title: text('title'), country: text('country'), agency: text('agency') };
  });
}

export async function partitionExisting(ctx: QueryContext, ids: string[]): Promise<{ existing: string[]; missing: string[] }> {
  const rows = await readRows(ctx, `UNWIND $ids AS id OPTIONAL MATCH (n:${ENTITY_LABEL} {id: id}) RETURN id, n IS NOT NULL AS found`, { ids });
  const existing: string[] = [];
  const missing: string[] = [];
  for (const row of rows) (row.found ? existing : missing).push(String(row.id));
  return { existing, missing };
}
