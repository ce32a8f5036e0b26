// Display names for ids shown to people (the audit viewer and its CSV for the data protection officer):
// an entity's label, an analyst link's or note's kind. Ids nobody can resolve any more (deleted) stay ids.
import { ENTITY_LABEL } from './migrations';
import { readRows, type QueryContext } from './run';

export async function displayNames(ctx: QueryContext, ids: string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await readRows(
    ctx,
    `UNWIND $ids AS id
     MATCH (n:${ENTITY_LABEL} {id: id})
     RETURN n.id AS id, coalesce(n.label, n.id) AS name`,
    { ids: [...new Set(ids)].slice(0, 5_000) },
  );
  return Object.fromEntries(rows.map((row) => [String(row.id), String(row.name)]));
}
