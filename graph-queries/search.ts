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
  caseIds?: string[];
  from?: string;
  until?: string;
  limit: number;
  interpretations: { kind: string; value: string }[];
}

/**
 * Filters shared by both kinds of hit, applied in the database. An entity's date is its own time
 * (incidents) or the date of the source record it came from; that source is only looked up when a date
 * filter asks for it (one index lookup per candidate otherwise wasted on every keystroke).
 */
const filters = (options: SearchOptions, carried = '') => {
  const where = `
  WHERE ($types IS NULL OR any(label IN labels(n) WHERE label IN $types))
    AND ($countries IS NULL OR n.country IN $countries)
    AND ($caseIds IS NULL OR n.caseId IN $caseIds)`;
  if (!hasDateFilter(options)) return where;
  return `${where}
  OPTIONAL MATCH (record:Source {id: n.sourceId})
  WITH n, score${carried}, coalesce(n.at, record.recordedAt) AS dated
  WHERE ($from IS NULL OR dated >= datetime($from)) AND ($until IS NULL OR dated <= datetime($until))`;
};

const hasDateFilter = (options: SearchOptions) => Boolean(options.from || options.until);
const hasAnyFilter = (options: SearchOptions) =>
  hasDateFilter(options) || Boolean(options.types?.length || options.countries?.length || options.caseIds?.length);

function filterParams(options: SearchOptions) {
  return {
    types: options.types?.length ? options.types : null,
    countries: options.countries?.length ? options.countries : null,
    caseIds: options.caseIds?.length ? options.caseIds : null,
    from: options.from ?? null,
    // A date without a time means "up to the end of that day".
    until: options.until ? (/^\d{4}-\d{2}-\d{2}$/.test(options.until) ? `${options.until}T23:59:59.999Z` : options.until) : null,
  };
}

/** Characters with a meaning in Lucene query syntax: dropped from what the analyst typed. */
export const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;

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

async function identifierHits(ctx: QueryContext, options: SearchOptions): Promise<SearchHit[]> {
  const hits: SearchHit[] = [];
  for (const { kind, value } of options.interpretations) {
    for (const { label, property } of IDENTIFIER_LOOKUPS[kind] ?? []) {
      // A phone number or plate finds the people recorded with it, too.
      const rows = await readRows(
        ctx,
        `MATCH (found:${label}) WHERE found.${property} = $value
         CALL (found) {
           RETURN found AS n, 100 AS score, true AS direct
           UNION
           MATCH (n:Person)-[:USES|OWNS|DRIVES]->(found) RETURN n, 90 AS score, false AS direct
         }
         WITH n, score, direct
         ${filters(options, ', direct')}
         RETURN n, score, direct LIMIT $limit`,
        { value, limit: int(options.limit), ...filterParams(options) },
      );
      for (const row of rows) {
        hits.push({ ...toEntity(row.n as Node), matchedOn: row.direct ? kind : `${kind} (linked)`, score: Number(row.score) });
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
    `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $fetch}) YIELD node AS n, score
     ${filters(options)}
     RETURN n, score ORDER BY score DESC LIMIT $limit`,
    // With filters, fetch extra so filtering still fills the page.
    { index: FULLTEXT_INDEX, lucene, fetch: int(options.limit * (hasAnyFilter(options) ? 20 : 1)), limit: int(options.limit), ...filterParams(options) },
  );
  return rows.map((row) => ({ ...toEntity(row.n as Node), matchedOn: 'name', score: Number(row.score) }));
}

export async function searchEntities(ctx: QueryContext, options: SearchOptions): Promise<SearchHit[]> {
  const [byIdentifier, byText] = await Promise.all([identifierHits(ctx, options), fullTextHits(ctx, options)]);
  const seen = new Set<string>();
  const hits: SearchHit[] = [];
  for (const hit of [...byIdentifier, ...byText]) {
    if (seen.has(hit.id)) continue;
    seen.add(hit.id);
    hits.push(hit);
    if (hits.length >= options.limit) break;
  }
  return hits;
}

export { SEARCHABLE_TYPES };
