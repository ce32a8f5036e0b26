// Versioned, idempotent schema migrations. Each step uses IF NOT EXISTS, and the applied version is
// recorded on a single (:SchakelSchema) node, so running them twice changes nothing and an older Schakel
// never downgrades a newer schema. With schema rights (the managed local Neo4j) they run at connect; on a
// shared server an administrator runs them (npm run db:migrate) and Schakel only checks at connect.
import type { Driver } from 'neo4j-driver';
import neo4j from 'neo4j-driver';
import { ENTITY_TYPES, RELATIONSHIP_TYPES } from '../contract/model';

export const FULLTEXT_INDEX = 'entity_search';
export const AUDIT_SEARCH_INDEX = 'audit_search';
/** Searchable entity labels: Source records are reached through provenance, not search. */
export const SEARCHABLE_TYPES = ENTITY_TYPES.filter((type) => type !== 'Source');

interface Migration {
  version: number;
  description: string;
  statements: string[];
}

/** Every record-level node also carries :Entity, so lookups by id use one unique index whatever the type. */
export const ENTITY_LABEL = 'Entity';

const uniqueIds = [...ENTITY_TYPES, ENTITY_LABEL].map(
  (label) => `CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.id IS UNIQUE`,
);

const lookupIndexes: [string, string][] = [
  ['Phone', 'e164'],
  ['Phone', 'imei'],
  ['Phone', 'imsi'],
  ['Vehicle', 'plateNormalized'],
  ['Vehicle', 'vin'],
  ['Person', 'nationalNumber'],
  ['Person', 'bsn'],
  ['Person', 'dateOfBirth'],
  ['Person', 'familyName'],
  ['Location', 'postcode'],
  ['Incident', 'at'],
  ...ENTITY_TYPES.map((label): [string, string] => [label, 'caseId']),
  ...ENTITY_TYPES.map((label): [string, string] => [label, 'dataset']),
];

/** Full-text indexes fold accents and case ("Müller" finds "muller"); updated inside or just after each commit. */
const fullTextOptions = ({ eventuallyConsistent }: { eventuallyConsistent: boolean }) =>
  `OPTIONS { indexConfig: { \`fulltext.analyzer\`: 'standard-folding', \`fulltext.eventually_consistent\`: ${eventuallyConsistent} } }`;

/** Audit search by user or operation (searchAuditEntries queries these two fields). */
const auditSearchIndex = (options: { eventuallyConsistent: boolean }) =>
  `CREATE FULLTEXT INDEX ${AUDIT_SEARCH_INDEX} IF NOT EXISTS FOR (e:AuditEntry) ON EACH [e.user, e.operation]
       ${fullTextOptions(options)}`;

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'unique ids, full-text search, lookup indexes',
    statements: [
      'CREATE CONSTRAINT schakel_schema_key IF NOT EXISTS FOR (s:SchakelSchema) REQUIRE s.key IS UNIQUE',
      ...uniqueIds,
      `CREATE FULLTEXT INDEX ${FULLTEXT_INDEX} IF NOT EXISTS FOR (n:${SEARCHABLE_TYPES.join('|')}) ON EACH [n.searchText, n.label]
       ${fullTextOptions({ eventuallyConsistent: false })}`,
      ...lookupIndexes.map(
        ([label, prop]) => `CREATE INDEX ${label.toLowerCase()}_${prop.toLowerCase()} IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`,
      ),
      'CREATE INDEX same_as_id IF NOT EXISTS FOR ()-[r:SAME_AS]-() ON (r.id)',
    ],
  },
  {
    version: 2,
    description: 'saved charts',
    statements: ['CREATE CONSTRAINT saved_chart_id IF NOT EXISTS FOR (c:SavedChart) REQUIRE c.id IS UNIQUE'],
  },
  {
    version: 3,
    description: 'analyst annotations, their revisions, the audit log',
    statements: [
      'CREATE CONSTRAINT analyst_note_id IF NOT EXISTS FOR (n:AnalystNote) REQUIRE n.id IS UNIQUE',
      'CREATE INDEX analyst_note_target IF NOT EXISTS FOR (n:AnalystNote) ON (n.targetId)',
      'CREATE INDEX analyst_link_id IF NOT EXISTS FOR ()-[r:ANALYST_LINK]-() ON (r.id)',
      'CREATE INDEX annotation_revision_annotation IF NOT EXISTS FOR (r:AnnotationRevision) ON (r.annotationId)',
      // The unique seq is what keeps two writers from forking the audit chain.
      'CREATE CONSTRAINT audit_entry_seq IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.seq IS UNIQUE',
      'CREATE INDEX audit_entry_origin IF NOT EXISTS FOR (e:AuditEntry) ON (e.originHash)',
      'CREATE INDEX audit_entry_at IF NOT EXISTS FOR (e:AuditEntry) ON (e.at)',
    ],
  },
  {
    version: 4,
    description: 'entity-resolution review queue (match candidates)',
    statements: [
      'CREATE CONSTRAINT match_candidate_id IF NOT EXISTS FOR (m:MatchCandidate) REQUIRE m.id IS UNIQUE',
      'CREATE INDEX match_candidate_status IF NOT EXISTS FOR (m:MatchCandidate) ON (m.status, m.type)',
      'CREATE INDEX match_candidate_left IF NOT EXISTS FOR (m:MatchCandidate) ON (m.leftId)',
      'CREATE INDEX match_candidate_right IF NOT EXISTS FOR (m:MatchCandidate) ON (m.rightId)',
      'CREATE INDEX same_as_candidate IF NOT EXISTS FOR ()-[r:SAME_AS]-() ON (r.candidateId)',
    ],
  },
  {
    version: 5,
    description: 'audit chain head',
    // One head node per chain: appends lock it, so it must never be created twice.
    statements: ['CREATE CONSTRAINT audit_head_chain IF NOT EXISTS FOR (h:AuditHead) REQUIRE h.chain IS UNIQUE'],
  },
  {
    version: 6,
    description: 'indexes that keep lists, annotation lookups and audit search bounded at national scale',
    statements: [
      // Lists are read in index order with a LIMIT, never by sorting a whole label.
      'CREATE INDEX case_country_reference IF NOT EXISTS FOR (c:Case) ON (c.country, c.reference)',
      'CREATE INDEX saved_chart_updated IF NOT EXISTS FOR (c:SavedChart) ON (c.updatedAt)',
      'CREATE INDEX annotation_revision_action IF NOT EXISTS FOR (r:AnnotationRevision) ON (r.action)',
      'CREATE INDEX analyst_note_created IF NOT EXISTS FOR (n:AnalystNote) ON (n.createdAt)',
      // Audit search by user or operation goes through this index instead of reading the whole log.
      auditSearchIndex({ eventuallyConsistent: false }),
      // Any link with a stable id (notes can be attached to them) is found through its type's index.
      ...RELATIONSHIP_TYPES.filter((type) => type !== 'ANALYST_LINK' && type !== 'SAME_AS').map(
        (type) => `CREATE INDEX ${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`,
      ),
    ],
  },
  {
    version: 7,
    description: 'saved query templates',
    statements: [
      'CREATE CONSTRAINT query_template_id IF NOT EXISTS FOR (t:QueryTemplate) REQUIRE t.id IS UNIQUE',
      'CREATE INDEX query_template_created IF NOT EXISTS FOR (t:QueryTemplate) ON (t.createdAt)',
    ],
  },
  {
    version: 8,
    description: 'audit search index brought up to date after each commit instead of inside it',
    // Every audited read ends in an audit write. Updating the full-text index inside that commit made each
    // one flush and reopen Lucene segments on the database server, CPU that every concurrent read then
    // queued behind. Updated after the commit, the index takes a burst of entries in one go; audit search
    // waits for those updates before it reads (searchAuditEntries), so it still finds every committed entry.
    statements: [
      `DROP INDEX ${AUDIT_SEARCH_INDEX} IF EXISTS`,
      auditSearchIndex({ eventuallyConsistent: true }),
    ],
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

export async function currentSchemaVersion(driver: Driver, database?: string): Promise<number> {
  const { records } = await driver.executeQuery(
    'OPTIONAL MATCH (s:SchakelSchema {key: "schema"}) RETURN s.version AS version',
    {},
    { database, routing: neo4j.routing.READ },
  );
  const version = records[0]?.get('version');
  return version === null || version === undefined ? 0 : neo4j.integer.toNumber(version);
}

/** Another Schakel (or a second window) may be migrating the same database at this moment. */
const ALREADY_THERE = /EquivalentSchemaRuleAlreadyExists|IndexAlreadyExists|ConstraintAlreadyExists/;

async function runSchemaStatement(driver: Driver, statement: string, database?: string): Promise<void> {
  try {
    await driver.executeQuery(statement, {}, { database });
  } catch (error) {
    if (!ALREADY_THERE.test(String((error as { code?: unknown }).code ?? ''))) throw error;
  }
}

/** The name each migration statement gives its index or constraint. */
function schemaNameOf(statement: string): string | undefined {
  return /CREATE\s+(?:FULLTEXT\s+|TEXT\s+|RANGE\s+)?(?:INDEX|CONSTRAINT)\s+(\w+)/i.exec(statement)?.[1];
}

export interface SchemaCheck {
  version: number;
  latest: number;
  /** Migrations newer than the recorded version, oldest first. */
  pending: { version: number; description: string }[];
  /** Indexes and constraints Schakel needs that the database does not have (whatever the recorded version). */
  missing: string[];
}

/** Reads only: what the database lacks. Needs no schema rights (SHOW INDEXES / SHOW CONSTRAINTS). */
export async function checkSchema(driver: Driver, database?: string): Promise<SchemaCheck> {
  const version = await currentSchemaVersion(driver, database);
  const present = await schemaNames(driver, database);
  // A name once: a later migration may recreate an index with other options (audit_search in 6 and 8).
  const wanted = [...new Set(MIGRATIONS.flatMap((migration) => migration.statements.map(schemaNameOf)).filter((name): name is string => Boolean(name)))];
  return {
    version,
    latest: LATEST_SCHEMA_VERSION,
    pending: MIGRATIONS.filter((migration) => migration.version > version).map(({ version: v, description }) => ({ version: v, description })),
    missing: present ? wanted.filter((name) => !present.has(name)) : [],
  };
}

/** Names of existing indexes and constraints; null when this login may not list them (then the version decides). */
async function schemaNames(driver: Driver, database?: string): Promise<Set<string> | null> {
  const present = new Set<string>();
  try {
    for (const show of ['SHOW INDEXES YIELD name', 'SHOW CONSTRAINTS YIELD name']) {
      const { records } = await driver.executeQuery(`${show} RETURN name`, {}, { database, routing: neo4j.routing.READ });
      for (const record of records) present.add(String(record.get('name')));
    }
  } catch (error) {
    if (/Security|Forbidden|Unauthorized/i.test(String((error as { code?: unknown }).code ?? ''))) return null;
    throw error;
  }
  return present;
}

export const schemaIsCurrent = (check: SchemaCheck) => check.pending.length === 0 && check.missing.length === 0;

export async function applyMigrations(driver: Driver, database?: string): Promise<{ from: number; to: number }> {
  const from = await currentSchemaVersion(driver, database);
  const missing = new Set((await checkSchema(driver, database)).missing);
  for (const migration of MIGRATIONS) {
    // A recorded version whose indexes were dropped since is applied again (every statement is idempotent).
    const incomplete = migration.statements.some((statement) => missing.has(schemaNameOf(statement) ?? ''));
    if (migration.version <= from && !incomplete) continue;
    // Schema statements cannot share a transaction with data writes, so each runs on its own.
    for (const statement of migration.statements) await runSchemaStatement(driver, statement, database);
    if (migration.version <= from) continue;
    await driver.executeQuery(
      `MERGE (s:SchakelSchema {key: "schema"})
       SET s.version = $version, s.description = $description, s.appliedAt = datetime()`,
      { version: neo4j.int(migration.version), description: migration.description },
      { database },
    );
  }
  await driver.executeQuery('CALL db.awaitIndexes(120)', {}, { database });
  return { from, to: Math.max(from, LATEST_SCHEMA_VERSION) };
}
