// npm run db:migrate — applies Schakel's schema (indexes, constraints) to a Neo4j database. For an
// administrator with schema rights: analysts' logins on a shared server usually lack them, so Schakel only
// checks the schema when they connect (SCHAKEL_MIGRATIONS=check) and points here when something is missing.
//
//   npm run db:migrate                               NEO4J_URI (and SCHAKEL_WORKSPACE_*), else the local Neo4j
//   npm run db:migrate -- --uri neo4j://host:7687 [--user U --password P --database D]
//   npm run db:migrate -- --check                    only report what is missing (exit 1 when something is)
//
// Exit 0: schema current. Exit 1: --check found something missing. Exit 2: the database could not be used.
import { parseArgs } from 'node:util';
import { enterpriseSettingsFromEnv, targetFromEnv, workspaceTargetFromEnv } from '../backend/connection-env';
import { schemaOutdated } from '../backend/connection';
import { createDriver, type Neo4jTarget } from '../graph-queries/driver';
import { applyMigrations, checkSchema, schemaIsCurrent } from '../graph-queries/migrations';
import { localNeo4jStatus, resolveDataDir } from '../local-neo4j/manager';

const USAGE = 'Usage: npm run db:migrate [-- --uri neo4j://host:port --user U --password P --database D] [--check]';

function fail(message: string, hint?: string): never {
  console.error(`db:migrate: ${message}`);
  if (hint) console.error(`  ${hint}`);
  process.exit(2);
}

async function targets(values: { uri?: string; user?: string; password?: string; database?: string }, env: NodeJS.ProcessEnv): Promise<Neo4jTarget[]> {
  const fromEnv = targetFromEnv(env);
  let evidence: Neo4jTarget;
  if (values.uri) {
    evidence = { ...enterpriseSettingsFromEnv(env), uri: values.uri, user: values.user ?? env.NEO4J_USER, password: values.password ?? env.NEO4J_PASSWORD, database: values.database ?? env.NEO4J_DATABASE };
  } else if (fromEnv) {
    evidence = { ...fromEnv, ...(values.database ? { database: values.database } : {}) };
  } else {
    const local = await localNeo4jStatus({ dataDir: resolveDataDir(env) });
    if (!local.running || !local.boltUri) fail('The local Neo4j is not running.', 'Start it with "npm run db:start", or give --uri / NEO4J_URI.');
    evidence = { uri: local.boltUri };
  }
  const workspace = workspaceTargetFromEnv(env, evidence);
  return workspace ? [evidence, workspace] : [evidence];
}

async function main(): Promise<number> {
  let values;
  try {
    values = parseArgs({
      options: {
        uri: { type: 'string' },
        user: { type: 'string' },
        password: { type: 'string' },
        database: { type: 'string' },
        check: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message, USAGE);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let outdated = false;
  for (const target of await targets(values, process.env)) {
    const where = `${target.uri}${target.database ? ` (database ${target.database})` : ''}`;
    const driver = createDriver(target);
    try {
      if (values.check) {
        const check = await checkSchema(driver, target.database);
        if (schemaIsCurrent(check)) console.log(`${where}: schema version ${check.version}, nothing missing.`);
        else {
          outdated = true;
          console.log(`${where}: ${schemaOutdated(check, target).message}`);
        }
      } else {
        const { from, to } = await applyMigrations(driver, target.database);
        console.log(`${where}: schema version ${from} → ${to}, every index online.`);
      }
    } catch (error) {
      fail(`${where}: ${(error as Error).message}`, 'Migrations need a login with schema rights (e.g. the admin or architect role).');
    } finally {
      await driver.close();
    }
  }
  return outdated ? 1 : 0;
}

main().then((code) => process.exit(code), (error: unknown) => fail((error as Error).message));
