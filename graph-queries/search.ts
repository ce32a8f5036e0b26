// Entity search: exact lookups on normalised identifiers (whatever format the analyst typed) plus
// fuzzy full-text search on names, aliases and identifier variants.
import type { Node } from 'neo4j-driver';
import type { Country, EntityType } from '../contract/model';
import type { SearchHit } from '../contract/api';
import { toEntity } from './mapper';
import { FULLTEXT_INDEX, SEARCHABLE_TYPES } from './migrations';
import { int, readRows, type QueryContext } from './run';

/** Which indexed property an identifier kind is looked up in. Labels and properties come only from here. */
const IDENTIFIER_LOOKUPS: Record<string, { label: EntityType; property: string }[]> = {
  phone: [{ label: 'Phone', property: 'e164' }],
  plate: [{ label: 'Vehicle', property: 'plateNormalized' }],
  'be-national-number': [{ label: 'Person', property: 'nationalNumber' }],
  'nl-bsn': [{ label: 'Person', property: 'bsn' }],
  imei: [{ label: 'Phone', property: 'imei' }],
  imsi: [{ label: 'Phone', property: 'imsi' }],
  postcode: [{ label: 'Location', property: 'postcode' }],
};

export interface SearchOptions {
  query: string;
  types?: EntityType[];
  countries?: Country[];
  limit: number;
  interpretations: { kind: string; value: string }[];
}

const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

function foldToken(token: string): string {
  return token.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/**
 * Each word must match, exactly (boosted), as a prefix (results while typing) or within one or two edits
 * (misspellings: "Mohamad" finds "Mohamed").
 */
export function toLuceneQuery(query: string): string | null {
  const tokens = query
    .split(/\s+/)
    .map((token) => foldToken(token).replace(LUCENE_SPECIAL, ''))
    .filter((token) => token.length > 0)
    .slice(0, 8);
  if (tokens.length === 0) return null;
  return tokens
    .map((token) => {
      if (token.length < 3) return `(${token}^3 OR ${token}*)`;
      const edits = token.length >= 6 ? 2 : 1;
      return `(${token}^4 OR ${token}*^2 OR ${token}~${edits})`;
    })
    .join(' AND ');
}

function passesFilters(hit: SearchHit, options: SearchOptions): boolean {
  if (options.types?.length && !options.types.includes(hit.type)) return false;
  if (options.countries?.length && !(hit.country && options.countries.includes(hit.country))) return false;
  return true;
}

async function identifierHits(ctx: QueryContext, options: SearchOptions): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for (const { kind, value } of options.interpretations) {
    for (const { label, property } of IDENTIFIER_LOOKUPS[kind] ?? []) {
      const rows = await readRows(
        ctx,
        `MATCH (n:${label}) WHERE n.${property} = $value
         OPTIONAL MATCH (user:Person)-[:USES|OWNS|DRIVES]->(n)
         RETURN n, collect(DISTINCT user)[..20] AS users LIMIT $limit`,
        { value, limit: int(options.limit) },
      );
      for (const row of rows) {
        hits.push({ ...toEntity(row.n as Node), matchedOn: kind, score: 100 });
        // A phone number or plate finds the people recorded with it, too.
        for (const user of row.users as Node[]) hits.push({ ...toEntity(user), matchedOn: `${kind} (linked)`, score: 90 });
      }
    }
  }
  return hits;
}

async function fullTextHits(ctx: QueryContext, options: SearchOptions): Promise<SearchHit[]> {
  const lucene = toLuceneQuery(options.query);
  if (!lucene) return [];
  const rows = await readRows(
    ctx,
    `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $fetch}) YIELD node, score
     RETURN node, score`,
    // Fetch extra so filtering by type or country still fills the page.
    { index: FULLTEXT_INDEX, lucene, fetch: int(options.limit * 4) },
  );
  return rows.map((row) => ({ ...toEntity(row.node as Node), matchedOn: 'name', score: Number(row.score) }));
}

export async function searchEntities(ctx: QueryContext, options: SearchOptions): Promise<SearchHit[]> {
  const [byIdentifier, byText] = await Promise.all([identifierHits(ctx, options), fullTextHits(ctx, options)]);
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  for (const hit of [...byIdentifier, ...byText]) {
    if (seen.has(hit.id) || !passesFilters(hit, options)) continue;
    seen.add(hit.id);
    hits.push(hit);
    if (hits.length >= options.limit) break;
  }
  return hits;
}

export { SEARCHABLE_TYPES };
