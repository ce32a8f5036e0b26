// npm run demo:remove — deletes the synthetic demo investigation from a database that received it beside
// real records (older versions loaded it whenever the "demo" dataset was missing). Only records marked
// dataset "demo" and their links go; imported records, charts and annotations on real records stay.
//
//   npm run demo:remove                      NEO4J_URI (NEO4J_USER, NEO4J_PASSWORD), else the managed local Neo4j
//   npm run demo:remove -- --uri bolt://host:7687 [--database D] [--dry-run]
import { parseArgs } from 'node:util';
import { createDriver } from '../graph-queries/driver';
import { databaseContents, removeDemoData } from '../graph-queries/demo-data';
import { LocalNeo4jError, resolveDataDir, startLocalNeo4j } from '../local-neo4j/manager';

const USAGE = 'Usage: npm run demo:remove [-- --uri bolt://host:port] [--database D] [--dry-run]';

function fail(message: string, hint?: string): never {
  console.error(`demo:remove: ${message}`);
  if (hint) console.error(`  ${hint}`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values;
  try {
    values = parseArgs({
      options: { uri: { type: 'string' }, database: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    }).values;
  } catch (error) {
    fail((error as Error).message, USAGE);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const env = process.env;
  let uri = values.uri ?? env.NEO4J_URI;
  if (!uri) {
    const local = await startLocalNeo4j({ dataDir: resolveDataDir(env), onProgress: (line) => console.error(line) });
    uri = local.boltUri!;
  }
  // The local instance runs without authentication unless SCHAKEL_NEO4J_AUTH_PASSWORD turns it on.
  const localAuth = env.SCHAKEL_NEO4J_AUTH_PASSWORD ? { user: 'neo4j', password: env.SCHAKEL_NEO4J_AUTH_PASSWORD } : {};
  const auth = env.NEO4J_URI || values.uri ? { user: env.NEO4J_USER ?? 'neo4j', password: env.NEO4J_PASSWORD } : localAuth;
  const driver = createDriver({ uri, ...auth, database: values.database });
  const ctx = { driver, database: values.database };
  try {
    const before = await databaseContents(ctx);
    console.log(`${uri}: ${before.demoEntities.toLocaleString('en')} demo records, ${before.otherEntities.toLocaleString('en')} other records.`);
    if (before.demoEntities === 0 && !before.demoComplete) {
      console.log('No demo data here; nothing to remove.');
      return;
    }
    if (values['dry-run']) {
      console.log('Dry run: nothing removed.');
      return;
    }
    const removed = await removeDemoData(ctx, (n) => console.error(`  removed ${n.toLocaleString('en')} of ${before.demoEntities.toLocaleString('en')} (${Math.round((100 * n) / Math.max(1, before.demoEntities))} %)`));
    const after = await databaseContents(ctx);
    console.log(`Removed ${removed.entities.toLocaleString('en')} demo records and their links; ${after.otherEntities.toLocaleString('en')} other records remain.`);
  } finally {
    await driver.close();
  }
}

main().catch((error: unknown) => {
  if (error instanceof LocalNeo4jError) fail(error.message, error.hint);
  fail(error instanceof Error ? error.message : String(error), 'Check NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD, or "npm run db:status".');
});
