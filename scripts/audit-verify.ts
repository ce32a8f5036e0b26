// npm run audit:verify — checks the tamper-evident audit chain: every entry field by field against its
// seals and hash (with the workstation's audit key), the links between entries, and the anchors kept
// outside the database; reports the first broken entry (seq, fields) and every anchor the log no longer
// matches.
//
//   npm run audit:verify                          the log in Neo4j (NEO4J_URI, else the managed local Neo4j)
//   npm run audit:verify -- --uri bolt://host:7687 [--user U --password P --database D]
//   npm run audit:verify -- --file audit.jsonl    a JSONL file (the local journal or a copy); repeatable
//   npm run audit:verify -- --journal             also the local journal (every segment in the data directory):
//                                                 each segment's chain, and every entry it holds against the database
//   --key-file F     an audit key (repeatable; default SCHAKEL_AUDIT_KEY_FILE or <data folder>/audit/audit.key)
//   --anchors F      an anchor file (repeatable; default <data folder>/audit/audit-anchors.jsonl)
//   --export-anchors OUT   writes the anchors that verified to OUT, for the data protection officer
//
// Exit 0: every chain checked is intact ("N entries, chain intact"). Exit 1: a chain is broken, an anchor
// does not match or cannot be trusted. Exit 2: the log could not be read at all.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import path from 'node:path';
import { anchorFile, verifyAnchorFile, type Anchor } from '../backend/audit/anchors';
import { crossCheckJournal, describeVerdict, verifyDatabaseChain } from '../backend/audit/verify';
import { AuditJournal, verifyJournalFile } from '../backend/audit/journal';
import { auditKeyFile, AuditKeyring, readAuditKey } from '../backend/audit/keys';
import { createDriver } from '../graph-queries/driver';
import { localNeo4jStatus, resolveDataDir } from '../local-neo4j/manager';

const USAGE = 'Usage: npm run audit:verify [-- --uri bolt://host:port] [--file audit.jsonl ...] [--journal] [--key-file F ...] [--anchors F ...] [--export-anchors OUT]';

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
        'key-file': { type: 'string', multiple: true },
        anchors: { type: 'string', multiple: true },
        'export-anchors': { type: 'string' },
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
  const dataDir = resolveDataDir(env);

  const keyring = new AuditKeyring();
  const keyFiles = args['key-file'] ?? [auditKeyFile(dataDir, env)];
  for (const file of keyFiles) {
    if (!fs.existsSync(file)) {
      if (args['key-file']) fail(`The audit key ${file} does not exist.`, 'Give the key file of the workstation that wrote the log.');
      console.log(`No audit key at ${file}: sealed entries cannot be checked here (give --key-file).`);
      continue;
    }
    try {
      keyring.add(readAuditKey(file));
    } catch (error) {
      fail((error as Error).message);
    }
  }

  const anchors: Anchor[] = [];
  const anchorFiles = args.anchors ?? [anchorFile(dataDir)].filter((file) => fs.existsSync(file));
  for (const file of anchorFiles) {
    if (!fs.existsSync(file)) fail(`The anchor file ${file} does not exist.`);
    const checked = verifyAnchorFile(file, keyring);
    anchors.push(...checked.anchors);
    for (const problem of checked.problems) console.log(`ANCHOR PROBLEM: ${problem}`);
    broken ||= checked.problems.length > 0;
  }
  if (anchorFiles.length === 0) console.log('No anchor file: deleting the newest entries could not be detected (give --anchors).');
  else console.log(`Checked against ${anchors.length} anchors from ${anchorFiles.length} file(s).`);
  if (args['export-anchors']) {
    const out = path.resolve(args['export-anchors']);
    fs.writeFileSync(out, anchors.map((anchor) => `${JSON.stringify(anchor)}\n`).join(''), { mode: 0o600 });
    console.log(`Anchors written to ${out} (${anchors.length}).`);
  }
  const files = [...(args.file ?? [])];
  const journal = new AuditJournal(dataDir);
  if (args.journal) {
    files.push(...journal.archived(), ...(fs.existsSync(journal.file) ? [journal.file] : []));
    if (files.length === (args.file ?? []).length) console.log(`Local journal: empty (${journal.file} has never been written).`);
  }

  // Without --file the database is checked; with --file only when --uri is given too.
  if ((args.file ?? []).length === 0 || args.uri) {
    const target = await neo4jTarget(args.uri, { ...env, ...(args.user ? { NEO4J_USER: args.user } : {}), ...(args.password ? { NEO4J_PASSWORD: args.password } : {}), ...(args.database ? { NEO4J_DATABASE: args.database } : {}) });
    const driver = createDriver({ ...target, user: args.user ?? target.user, password: args.password ?? target.password });
    try {
      const { chain, problems } = await verifyDatabaseChain({ driver, database: args.database ?? target.database }, keyring, anchors);
      console.log(describeVerdict(`Neo4j audit log at ${target.uri}`, chain));
      for (const problem of problems) console.log(`ANCHOR MISMATCH: ${problem}`);
      broken ||= !chain.intact || problems.length > 0;
      if (args.journal) {
        const crossCheck = await crossCheckJournal({ driver, database: args.database ?? target.database }, journal);
        console.log(`Local journal against the database: ${crossCheck.inDatabase} entries found there${crossCheck.waiting ? `, ${crossCheck.waiting} newest still waiting to be written` : ''}.`);
        for (const problem of crossCheck.problems) console.log(`JOURNAL MISMATCH: ${problem}`);
        broken ||= crossCheck.problems.length > 0;
      }
    } catch (error) {
      fail(`Could not read the audit log from ${target.uri}: ${(error as Error).message}`, 'Check that the database is running and the address and credentials are right.');
    } finally {
      await driver.close();
    }
  }

  for (const file of files) {
    if (!fs.existsSync(file)) fail(`${file} does not exist.`, 'Give the path of a JSONL audit file.');
    try {
      const verdict = verifyJournalFile(file, keyring);
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
