// npm run audit:verify — checks the tamper-evident audit chain and reports the first broken entry.
//
//   npm run audit:verify                          the log in Neo4j (NEO4J_URI, else the managed local Neo4j)
//   npm run audit:verify -- --uri bolt://host:7687 [--user U --password P --database D]
//   npm run audit:verify -- --file audit.jsonl    a JSONL file (the local journal or a copy); repeatable
//   npm run audit:verify -- --journal             also the local journal waiting in the data directory
//
// Exit 0: every chain checked is intact ("N entries, chain intact"). Exit 1: a chain is broken (the first
// broken entry is named). Exit 2: the log could not be read at all.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { describeVerdict, verifyDatabaseChain } from '../backend/audit/verify';
import { AuditJournal, verifyJournalFile } from '../backend/audit/journal';
import { createDriver } from '../graph-queries/driver';
import { localNeo4jStatus, resolveDataDir } from '../local-neo4j/manager';

const USAGE = 'Usage: npm run audit:verify [-- --uri bolt://host:port] [--file audit.jsonl ...] [--journal]';

function fail(message: string, hint?: string): never {
  console.error(`audit:verify: ${message}`);
  if (hint) console.error(`  ${hint}`);
  process.exit(2);
}

async function neo4jTarget(uri: string | undefined, env: NodeJS.ProcessEnv) {
  if (uri || env.NEO4J_URI) {
    return { uri: (uri ?? env.NEO4J_URI)!, user: env.NEO4J_USER, password: env.NEO4J_PASSWORD, database: env.NEO4J_DATABASE || undefined };
  }
  const local = await localNeo4jStatus({ dataDir: resolveDataDir(env) });
  if (!local.running || !local.boltUri) fail('The local Neo4j is not running, so its audit log cannot be read.', 'Start it with "npm run db:start", or give --uri / NEO4J_URI, or check a file with --file.');
  return { uri: local.boltUri };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        uri: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        database: { type: 'string' },
        file: { type: 'string', multiple: true },
        journal: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message, USAGE);
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const env = process.env;
  let broken = false;
  const files = [...(args.file ?? [])];
  if (args.journal) {
    const journal = new AuditJournal(resolveDataDir(env));
    if (fs.existsSync(journal.file)) files.push(journal.file);
    else console.log(`Local journal: empty (nothing waits to be written to Neo4j).`);
  }

  // Without --file the database is checked; with --file only when --uri is given too.
  if (files.length === 0 || args.uri) {
    const target = await neo4jTarget(args.uri, { ...env, ...(args.user ? { NEO4J_USER: args.user } : {}), ...(args.password ? { NEO4J_PASSWORD: args.password } : {}), ...(args.database ? { NEO4J_DATABASE: args.database } : {}) });
    const driver = createDriver({ ...target, user: args.user ?? target.user, password: args.password ?? target.password });
    try {
      const verdict = await verifyDatabaseChain({ driver, database: args.database ?? target.database });
      console.log(describeVerdict(`Neo4j audit log at ${target.uri}`, verdict));
      broken ||= !verdict.intact;
    } catch (error) {
      fail(`Could not read the audit log from ${target.uri}: ${(error as Error).message}`, 'Check that the database is running and the address and credentials are right.');
    } finally {
      await driver.close();
    }
  }

  for (const file of files) {
    if (!fs.existsSync(file)) fail(`${file} does not exist.`, 'Give the path of a JSONL audit file.');
    try {
      const verdict = verifyJournalFile(file);
      console.log(describeVerdict(file, verdict));
      broken ||= !verdict.intact;
    } catch (error) {
      fail(`Could not read ${file}: ${(error as Error).message}`);
    }
  }
  return broken ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => fail(error instanceof Error ? error.message : String(error)),
);
