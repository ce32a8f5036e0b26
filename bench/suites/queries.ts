// Search, expand and paths at scale: Schakel's backend handlers (schema validation, Cypher, mapping to the
// contract's plain objects) against the bare Cypher a developer would send through neo4j-driver for the
// same question. The ratio is what Schakel's extra care (fuzzy and identifier search, filters, the cap on
// expansion, mapping) costs on top of Neo4j itself.
import neo4j, { type Driver } from 'neo4j-driver';
import { requestSchemas } from '../../contract/api';
import type { Workbench } from '../../backend/workbench';
import { DEFAULT_EXPAND_LIMIT } from '../../contract/api';
import { PATH_RELATIONSHIP_TYPES } from '../../graph-queries/paths';
import { FULLTEXT_INDEX } from '../../graph-queries/migrations';
import { LUCENE_SPECIAL, toLuceneQuery } from '../../graph-queries/search';
import { latencyRatio, type BenchmarkResult, type Figure } from '../report';
import { summarise, timePaired } from '../stats';
import type { SuiteContext } from './context';

/** What every Schakel figure here includes and the bare query does not (the EU logging rules in DOMAIN.md: every access to personal data is logged). */
const AUDITED = 'the answer returns after its sealed, hash-chained audit entry (who, when, which records) is flushed to the local audit journal (a synchronised write); the entry reaches Neo4j in a background batch';

const TIME_RATIO = 'Schakel p50 / baseline p50 (lower is better; 1.0 = no overhead)';

async function rows(driver: Driver, cypher: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>[]> {
  const { records } = await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
  return records.map((record) => record.toObject());
}

const asNumber = (value: unknown) => (neo4j.isInt(value) ? neo4j.integer.toNumber(value) : Number(value));

/** Search terms an analyst types: full names, family names, a prefix while typing, a misspelling. */
export async function searchTerms(driver: Driver, count: number): Promise<string[]> {
  const people = await rows(
    driver,
    `MATCH (p:Person) WHERE p.familyName IS NOT NULL AND p.givenName IS NOT NULL
     RETURN p.givenName AS given, p.familyName AS family ORDER BY p.id LIMIT 5000`,
  );
  if (people.length === 0) throw new Error('The benchmark database has no persons to search for; seed demo data first.');
  const terms: string[] = [];
  const step = Math.max(1, Math.floor(people.length / count));
  for (let i = 0; terms.length < count; i++) {
    const { given, family } = people[(i * step) % people.length] as { given: string; family: string };
    const shapes = [`${given} ${family}`, family, family.slice(0, Math.max(3, Math.ceil(family.length / 2))), misspell(family)];
    terms.push(shapes[i % shapes.length]);
  }
  return terms;
}

/** Ids of entities an analyst opens, spread over the database. */
export async function entityIds(driver: Driver, count: number): Promise<string[]> {
  const found = await rows(driver, 'MATCH (p:Person) RETURN p.id AS id ORDER BY p.id LIMIT $count', { count: neo4j.int(count) });
  return found.map((row) => String(row.id));
}

/** Swaps two inner letters: the typo an analyst makes copying a name from a statement. */
function misspell(word: string): string {
  if (word.length < 5) return word;
  const i = Math.floor(word.length / 2);
  return word.slice(0, i - 1) + word[i] + word[i - 1] + word.slice(i + 1);
}

/** The plainest Lucene query for the same words: every word must occur, no fuzziness, no prefixes. */
function plainLucene(term: string): string {
  return term
    .split(/\s+/)
    .map((word) => word.toLowerCase().replace(LUCENE_SPECIAL, ''))
    .filter(Boolean)
    .join(' AND ');
}

/** One latency figure of Schakel against its baseline, ratio of the p50s. */
function latencyResult(
  ctx: SuiteContext,
  name: string,
  group: 'search' | 'expand' | 'paths',
  parameters: BenchmarkResult['parameters'],
  schakel: Figure,
  baseline: Figure,
  ratioMeaning = TIME_RATIO,
): BenchmarkResult {
  return { name, group, parameters, unit: 'ms', ...ctx.queryPlan, schakel, baseline, ratio: latencyRatio(schakel, baseline), ratioMeaning };
}

const fullTextQuery = (driver: Driver, lucene: string, limit: number) =>
  rows(
    driver,
    `CALL db.index.fulltext.queryNodes($index, $lucene, {limit: $limit}) YIELD node, score
     RETURN node, score`,
    { index: FULLTEXT_INDEX, lucene, limit: neo4j.int(limit) },
  );

/**
 * Two figures: against the plainest query for the same words (what the search costs in all), and against the
 * very full-text query Schakel sends (exact, prefix and fuzzy clauses) run bare: what Schakel itself adds
 * (validation, identifier interpretation, mapping and the audit entry) on top of its own query.
 */
export async function searchBenchmarks(ctx: SuiteContext, workbench: Workbench, driver: Driver, entityCount: number): Promise<BenchmarkResult[]> {
  const terms = await searchTerms(driver, 40);
  const limit = 25;
  const search = (i: number) => workbench.handlers.search(requestSchemas.search.parse({ query: terms[i % terms.length], limit }));
  const parameters = { entities: entityCount, distinctTerms: terms.length, limit, termShapes: ['given family', 'family', 'prefix', 'typo'] };
  const schakelDescription = `handlers.search: identifier interpretation, exact + prefix + fuzzy full-text, filters, mapping; ${AUDITED}`;

  const plain = await timePaired(ctx.queryPlan, search, (i) => fullTextQuery(driver, plainLucene(terms[i % terms.length]), limit));
  const schakel = { description: schakelDescription, latency: summarise(plain.schakel) };
  const baseline = { description: 'bare db.index.fulltext.queryNodes with the same words (exact terms only) via neo4j-driver', latency: summarise(plain.baseline) };

  const same = await timePaired(ctx.queryPlan, search, (i) => fullTextQuery(driver, toLuceneQuery(terms[i % terms.length]) ?? '', limit));
  const schakelAgain = { description: schakelDescription, latency: summarise(same.schakel) };
  const sameQuery = { description: "bare db.index.fulltext.queryNodes with Schakel's own Lucene query (exact, prefix and fuzzy clauses per word) via neo4j-driver", latency: summarise(same.baseline) };
  return [
    latencyResult(ctx, 'search: full-text entity search', 'search', parameters, schakel, baseline),
    latencyResult(
      ctx,
      "search: Schakel's overhead over its own full-text query",
      'search',
      parameters,
      schakelAgain,
      sameQuery,
      `${TIME_RATIO}; the fuzzy and prefix clauses are in both sides, so this is what Schakel adds to the query it sends`,
    ),
  ];
}

interface ExpandTargets {
  typical: { id: string; degree: number }[];
  hubs: { id: string; degree: number }[];
}

/** Typical entities sit at the median degree of a sample of persons; hubs are the best-connected records. */
async function expandTargets(driver: Driver, count: number): Promise<ExpandTargets> {
  const sample = await rows(
    driver,
    `MATCH (p:Person) WITH p ORDER BY p.id LIMIT 2000
     RETURN p.id AS id, COUNT { (p)--() } AS degree ORDER BY degree, id`,
  );
  const middle = Math.floor(sample.length / 2);
  const typical = sample.slice(Math.max(0, middle - Math.floor(count / 2)), middle + Math.ceil(count / 2));
  // Source records link only to their Case; an analyst expands people, phones, cars, places, gangs, cases.
  const hubs = await rows(
    driver,
    `MATCH (n:Entity) WHERE NOT n:Source
     WITH n, COUNT { (n)--() } AS degree ORDER BY degree DESC LIMIT $count
     RETURN n.id AS id, degree`,
    { count: neo4j.int(count) },
  );
  const shape = (list: Record<string, unknown>[]) => list.map((row) => ({ id: String(row.id), degree: asNumber(row.degree) }));
  return { typical: shape(typical), hubs: shape(hubs) };
}

export async function expandBenchmarks(ctx: SuiteContext, workbench: Workbench, driver: Driver, entityCount: number): Promise<BenchmarkResult[]> {
  const targets = await expandTargets(driver, ctx.quick ? 5 : 20);
  const results: BenchmarkResult[] = [];
  for (const kind of ['typical', 'hubs'] as const) {
    const list = targets[kind];
    if (list.length === 0) continue;
    // The demo data has no record with thousands of links, so at the default cap of 2,000 a hub would come
    // back whole. Halving the smallest hub's degree makes the cap bite on every hub, which is the case the
    // cap exists for (count everything, return the first `limit` by id, say how many were left out).
    const smallestHub = Math.min(...list.map((target) => target.degree));
    const limit = kind === 'hubs' && smallestHub <= DEFAULT_EXPAND_LIMIT ? Math.max(10, Math.floor(smallestHub / 2)) : DEFAULT_EXPAND_LIMIT;
    let omitted = 0;
    const expand = async (i: number) => {
      const result = await workbench.handlers.expand(requestSchemas.expand.parse({ ids: [list[i % list.length].id], limit }));
      omitted = Math.max(omitted, result.omitted);
    };
    const firstLinks = await timePaired(ctx.queryPlan, expand, (i) =>
      rows(driver, 'MATCH (n:Entity {id: $id})-[r]-(m:Entity) RETURN r, m LIMIT $limit', { id: list[i % list.length].id, limit: neo4j.int(limit) }),
    );
    const schakelDescription = `handlers.expand: count and capped neighbours ordered by id, links to everything visible, mapping; ${AUDITED}`;
    const degrees = list.map((t) => t.degree);
    const parameters = { entities: entityCount, targets: list.length, degreeMin: Math.min(...degrees), degreeMax: Math.max(...degrees), cap: limit, capReached: omitted > 0 };
    const name = kind === 'typical' ? 'expand: typical entity' : `expand: hub entity (degree ${Math.min(...degrees)}–${Math.max(...degrees)}, cap ${limit})`;
    results.push(
      latencyResult(
        ctx,
        name,
        'expand',
        parameters,
        { description: schakelDescription, latency: summarise(firstLinks.schakel), details: { largestOmitted: omitted } },
        { description: 'bare MATCH (n {id})-[r]-(m) RETURN r, m LIMIT cap via neo4j-driver', latency: summarise(firstLinks.baseline) },
      ),
    );
    if (kind === 'typical') continue;
    // Behind the cap the plainest query answers a smaller question: the first `cap` links, where the chart
    // needs `cap` neighbours with every link to them (an ANPR camera saw one car many times). The bare query
    // for that same page, still unordered and without a total, is the fair comparison.
    const samePage = await timePaired(ctx.queryPlan, expand, (i) =>
      rows(driver, 'MATCH (n:Entity {id: $id})-[r]-(m:Entity) WITH m, collect(r) AS links LIMIT $limit RETURN m, links', { id: list[i % list.length].id, limit: neo4j.int(limit) }),
    );
    results.push(
      latencyResult(
        ctx,
        `${name}: against the bare query for the same page`,
        'expand',
        parameters,
        { description: schakelDescription, latency: summarise(samePage.schakel), details: { largestOmitted: omitted } },
        { description: 'bare MATCH (n {id})-[r]-(m) WITH m, collect(r) AS links LIMIT cap RETURN m, links via neo4j-driver: the same neighbours and links, unordered, no total', latency: summarise(samePage.baseline) },
      ),
    );
  }
  return results;
}

/**
 * Pairs of persons known to be connected: the far end of a bounded walk from each start person, so the
 * search really has to go several hops instead of failing fast on isolated records.
 */
async function connectedPairs(driver: Driver, count: number): Promise<{ from: string; to: string; hops: number }[]> {
  const types = PATH_RELATIONSHIP_TYPES.join('|');
  const starts = await rows(driver, `MATCH (p:Person) WHERE COUNT { (p)-[:${types}]-() } > 0 RETURN p.id AS id ORDER BY p.id LIMIT 400`);
  const pairs: { from: string; to: string; hops: number }[] = [];
  for (let i = 0; i < starts.length && pairs.length < count; i += Math.max(1, Math.floor(starts.length / count))) {
    const from = String(starts[i].id);
    const hops = 3 + (pairs.length % 3); // 3, 4 or 5 steps out; the shortest path may be shorter
    const far = await rows(
      driver,
      `MATCH (a:Entity {id: $from})-[:${types}*${hops}]-(b:Person) WHERE b.id <> $from RETURN b.id AS id LIMIT 1`,
      { from },
    );
    if (far.length > 0) pairs.push({ from, to: String(far[0].id), hops });
  }
  return pairs;
}

export async function pathsBenchmark(ctx: SuiteContext, workbench: Workbench, driver: Driver, entityCount: number): Promise<BenchmarkResult> {
  const pairs = await connectedPairs(driver, ctx.quick ? 5 : 20);
  const types = PATH_RELATIONSHIP_TYPES.join('|');
  const maxHops = 6;
  if (pairs.length === 0) {
    return { name: 'paths: shortest path ≤ 6 hops', group: 'paths', parameters: { maxHops }, unit: 'ms', ...ctx.queryPlan, skipped: 'no connected pairs of persons in the database' };
  }
  let found = 0;
  const samples = await timePaired(
    ctx.queryPlan,
    async (i) => {
      const pair = pairs[i % pairs.length];
      const result = await workbench.handlers.findPaths(requestSchemas.findPaths.parse({ ids: [pair.from, pair.to], maxHops }));
      found += result.paths.length > 0 ? 1 : 0;
    },
    (i) => {
      const pair = pairs[i % pairs.length];
      return rows(
        driver,
        `MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
         MATCH p = shortestPath((a)-[:${types}*..${maxHops}]-(b)) RETURN p`,
        { from: pair.from, to: pair.to },
      );
    },
  );
  const schakel = { description: `handlers.findPaths (mode shortest): path, entities and links mapped for the chart; ${AUDITED}`, latency: summarise(samples.schakel), details: { callsWithAPath: found } };
  const baseline = { description: 'bare shortestPath over the same relationship types via neo4j-driver', latency: summarise(samples.baseline) };
  return latencyResult(
    ctx,
    'paths: shortest path ≤ 6 hops',
    'paths',
    { entities: entityCount, pairs: pairs.length, maxHops, relationshipTypes: PATH_RELATIONSHIP_TYPES.length },
    schakel,
    baseline,
  );
}
