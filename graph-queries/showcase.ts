// Picks entities that make a telling picture of the demo data (the README's screenshot starts from one).
import { readRows, type QueryContext } from './run';

export interface ShowcaseSubject {
  personLabel: string;
  phoneLabel: string;
}

/**
 * A gang member whose phone called several others, with a handful of neighbours and a name (and phone
 * label) nobody else has, so a search for it finds exactly that record. Undefined when there is none.
 */
export async function busyGangMember(ctx: QueryContext): Promise<ShowcaseSubject | undefined> {
  const [row] = await readRows(
    ctx,
    `MATCH (p:Person)-[:MEMBER_OF]->(:Gang)
     MATCH (p)-[:USES]->(ph:Phone)-[c:CALLED]-(:Phone)
     WITH p, ph, count(DISTINCT c) AS calls WHERE calls >= 3
     MATCH (p)--(n)
     WITH p, ph, calls, count(DISTINCT n) AS around WHERE around >= 5 AND around <= 14
     MATCH (same:Person {label: p.label})
     WITH p, ph, calls, count(same) AS namesakes WHERE namesakes = 1
     MATCH (samePhone:Phone {label: ph.label})
     WITH p, ph, calls, count(samePhone) AS phoneNamesakes WHERE phoneNamesakes = 1
     RETURN p.label AS person, ph.label AS phone ORDER BY calls DESC, p.id LIMIT 1`,
  );
  return row ? { personLabel: String(row.person), phoneLabel: String(row.phone) } : undefined;
}
