// Cypher for the file import (import/): one batch of records per transaction, idempotent (MERGE on the
// deterministic ids the importer derives), and counting what was new and what already existed so the
// summary can say "matched existing". Labels and relationship types are interpolated only after checking
// them against the allow-list in contract/model.ts; values always travel as parameters. "Created" counts
// come from the query statistics, so nothing extra is read to tell new records from existing ones.
//
// Every node gets `:Entity` plus its type label (docs/data-model.md): MERGE (n:Entity {id}) SET n:Person.
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { isEntityType, isRelationshipType, type EntityType, type RelationshipType } from '../contract/model';
import { encodeGroups, sliceGroup, toDriverProps, type EncodedGroup } from './import-encoding';
import { ENTITY_LABEL } from './migrations';
import type { QueryContext } from './run';
import { causalSession } from './driver';

/** A DATE ('1991-03-12') or a DATETIME instant (epoch milliseconds, stored in UTC). */
export type ImportTemporal = { temporal: 'date'; iso: string } | { temporal: 'datetime'; epochMs: number };
export type ImportPropertyValue = string | number | boolean | string[] | ImportTemporal;
export type ImportProps = Record<string, ImportPropertyValue>;

export interface ImportNode {
  id: string;
  type: EntityType;
  props: ImportProps;
}

export interface ImportLink {
  id: string;
  type: RelationshipType;
  from: string;
  to: string;
  props: ImportProps;
}

export interface ImportWriteBatch {
  nodes: ImportNode[];
  links: ImportLink[];
}

export interface ImportWriteResult {
  nodesCreated: number;
  nodesMatched: number;
  linksCreated: number;
  linksMatched: number;
}

export const dateValue = (iso: string): ImportTemporal => ({ temporal: 'date', iso });
export const dateTimeValue = (epochMs: number): ImportTemporal => ({ temporal: 'datetime', epochMs });

function assertLabel(type: string): asserts type is EntityType {
  if (!isEntityType(type)) throw new Error(`Refusing to write label "${type}": not on the allow-list`);
}

function assertRelationshipType(type: string): asserts type is RelationshipType {
  if (!isRelationshipType(type)) throw new Error(`Refusing to write relationship type "${type}": not on the allow-list`);
}

/** Whether an import's links may exist already (MERGE) or are known to be new (CREATE): claimNewCallLinks. */
export type LinksAre = 'maybe existing' | 'known new';

/** `assignments` are the per-record SET clauses encodeGroups made for the group (graph-queries/import-encoding.ts). */
export function importNodeQuery(type: EntityType, assignments = ''): string {
  assertLabel(type);
  return `UNWIND range(0, size($columns[0]) - 1) AS i
MERGE (n:${ENTITY_LABEL} {id: $columns[0][i]})
SET n:${type}, n += $common${assignments}
RETURN count(*) AS written`;
}

/**
 * `known new`: the caller has established that none of these links can exist yet (claimNewCallLinks), so they
 * are created without MERGE's search through both entities' relationships, about a third of Neo4j's work.
 */
export function importLinkQuery(type: RelationshipType, assignments = '', linksAre: LinksAre = 'maybe existing'): string {
  assertRelationshipType(type);
  return `UNWIND range(0, size($columns[0]) - 1) AS i
MATCH (a:${ENTITY_LABEL} {id: $columns[1][i]})
MATCH (b:${ENTITY_LABEL} {id: $columns[2][i]})
${linksAre === 'known new' ? 'CREATE' : 'MERGE'} (a)-[r:${type} {id: $columns[0][i]}]->(b)
SET r += $common${assignments}
RETURN count(*) AS written`;
}

const toNumber = (value: unknown) => neo4j.integer.toNumber(value as number);

/** Rows per statement inside a batch's transaction: the statements are sent back to back (Bolt pipelining), so
 * the driver packs the next one while Neo4j runs the one before. */
const ROWS_PER_STATEMENT = 500;

interface PreparedStatement {
  kind: 'nodes' | 'links';
  type: string;
  cypher: string;
  params: { columns: unknown[][]; common: Record<string, unknown> };
  size: number;
}

/** A batch turned into parameterised statements: done before its turn, so it overlaps the batch before it. */
export interface PreparedImportBatch {
  statements: PreparedStatement[];
  /** Links are written with CREATE (known new): the batch must not be retried blindly. */
  createsLinks: boolean;
}

export function prepareImportBatch(batch: ImportWriteBatch, linksAre: LinksAre = 'maybe existing'): PreparedImportBatch {
  const statements: PreparedStatement[] = [];
  const add = (kind: PreparedStatement['kind'], type: string, cypher: string, group: EncodedGroup) => {
    for (const { columns, common, size } of sliceGroup(group, ROWS_PER_STATEMENT)) {
      statements.push({ kind, type, cypher, params: { columns, common }, size });
    }
  };
  for (const { sample, encoded } of encodeGroups(batch.nodes, (node) => node.type, (node) => [node.id])) {
    add('nodes', sample.type, importNodeQuery(sample.type, encoded.assignments('n')), encoded);
  }
  for (const { sample, encoded } of encodeGroups(batch.links, (link) => link.type, (link) => [link.id, link.from, link.to])) {
    add('links', sample.type, importLinkQuery(sample.type, encoded.assignments('r'), linksAre), encoded);
  }
  return { statements, createsLinks: linksAre === 'known new' && batch.links.length > 0 };
}

/**
 * Writes one batch in ONE transaction: all of it or none of it. A link whose endpoint is missing fails the
 * whole batch (it would otherwise vanish silently), which rolls the transaction back. Nodes are written before
 * links: the statements run in the order they were sent.
 */
export async function writeImportBatch(ctx: QueryContext, batch: ImportWriteBatch | PreparedImportBatch): Promise<ImportWriteResult> {
  const prepared = 'statements' in batch ? batch : prepareImportBatch(batch);
  const noWrites = (): ImportWriteResult => ({ nodesCreated: 0, nodesMatched: 0, linksCreated: 0, linksMatched: 0 });
  if (prepared.statements.length === 0) return noWrites();
  const session = causalSession(ctx.driver, { database: ctx.database, mode: 'WRITE' });
  const write = async (tx: Pick<ManagedTransaction, 'run'>): Promise<ImportWriteResult> => {
    const attempt = noWrites();
    const results = await Promise.all(prepared.statements.map((statement) => tx.run(statement.cypher, statement.params)));
    results.forEach((result, index) => {
      const statement = prepared.statements[index];
      const written = toNumber(result.records[0].get('written'));
      const updates = result.summary.counters.updates();
      if (statement.kind === 'nodes') {
        // What MERGE created comes from the query statistics: cheaper than checking each id beforehand.
        attempt.nodesCreated += updates.nodesCreated;
        attempt.nodesMatched += written - updates.nodesCreated;
        return;
      }
      const sent = statement.size;
      if (written !== sent) {
        throw new ImportWriteError(`${sent - written} of ${sent} ${statement.type} links point at records that do not exist in the database.`);
      }
      attempt.linksCreated += updates.relationshipsCreated;
      attempt.linksMatched += written - updates.relationshipsCreated;
    });
    return attempt;
  };
  try {
    // executeWrite retries transient failures, safe for a batch that merges. A batch that creates links is
    // tried once: a retry after a commit whose answer was lost would create them twice. Its failure ends the
    // import with a resume point, and the resumed run merges.
    if (!prepared.createsLinks) return await session.executeWrite(write);
    const tx = session.beginTransaction();
    try {
      const result = await write(tx);
      await tx.commit();
      return result;
    } catch (error) {
      if (tx.isOpen()) await tx.rollback().catch(() => undefined);
      throw error;
    }
  } finally {
    await session.close();
  }
}

/**
 * Before an event log's CALLED links are written: true when none of them can exist yet, so they may be created
 * rather than merged. The file's Source records when its call links were first written
 * (`callLinksImportedAt`); the first run to set it, under the Source's write lock, owns the write, so a second
 * import of the same file (or a resumed one, or two running at once) merges. A Source deleted and made again
 * is covered too: the links are looked for by their sourceId before any are created.
 */
export async function claimNewCallLinks(ctx: QueryContext, sourceId: string): Promise<boolean> {
  const { records } = await ctx.driver.executeQuery(
    // The write lock is taken before the marker is read (Neo4j's documented `_LOCK_` idiom): otherwise two
    // runs could both read "not yet" before either wrote it.
    `MATCH (s:${ENTITY_LABEL} {id: $sourceId})
     SET s._LOCK_ = true
     WITH s, s.callLinksImportedAt AS before
     SET s.callLinksImportedAt = coalesce(before, datetime())
     REMOVE s._LOCK_
     WITH before
     OPTIONAL CALL (before) {
       WITH before WHERE before IS NULL
       MATCH ()-[r:CALLED]->() WHERE r.sourceId = $sourceId
       RETURN r LIMIT 1
     }
     RETURN before IS NULL AND r IS NULL AS linksAreNew`,
    { sourceId },
    { database: ctx.database, routing: neo4j.routing.WRITE },
  );
  return records[0]?.get('linksAreNew') === true;
}

/** A batch that cannot be written as given (as opposed to a database failure). */
export class ImportWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportWriteError';
  }
}

export interface ImportCase {
  id: string;
  props: ImportProps;
}

/**
 * Creates the import's Case when it does not exist yet; an existing case (from an earlier import, the demo
 * data or the analyst) keeps its properties. Returns the stored country so the importer can refuse to add a
 * Dutch file to a Belgian case by mistake.
 */
export async function ensureImportCase(ctx: QueryContext, kase: ImportCase): Promise<{ created: boolean; country: string | null }> {
  const { records } = await ctx.driver.executeQuery(
    `OPTIONAL MATCH (existing:Case {id: $id})
     WITH existing IS NULL AS isNew
     MERGE (c:Case {id: $id})
     ON CREATE SET c += $props
     // Every record carries :Entity (docs/data-model.md); a case written without it gets it, so the
     // import's PART_OF links, which match endpoints on :Entity, can reach it.
     SET c:${ENTITY_LABEL}
     RETURN isNew, c.country AS country`,
    { id: kase.id, props: toDriverProps(kase.props) },
    { database: ctx.database, routing: neo4j.routing.WRITE },
  );
  const record = records[0];
  return { created: record.get('isNew') === true, country: (record.get('country') as string | null) ?? null };
}
