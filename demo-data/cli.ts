// `npm run seed -- --scale N | --dataset caviar [--seed S]`: writes demo or CAVIAR data to Neo4j and prints
// a summary. Connects to NEO4J_URI when set, else to the managed local Neo4j (starting it if needed).
// Any failure prints one message and a hint and exits with code 1, never a stack trace.
import type { Driver } from 'neo4j-driver';
import { ApiError } from '../contract/api';
import { createDriver } from '../graph-queries/driver';
import { countGraph } from '../graph-queries/seed-writes';
import { LocalNeo4jError, resolveDataDir, startLocalNeo4j } from '../local-neo4j/manager';
import { CaviarFileError, loadCaviar } from './caviar';
import { parseSeedArgs, SEED_USAGE, UsageError, type SeedArgs } from './cli-args';
import { seedDemo } from './seed';

async function connect(args: SeedArgs): Promise<{ driver: Driver; uri: string; local: boolean }> {
  const uri = process.env.NEO4J_URI;
  if (uri) {
    const driver = createDriver({ uri, user: process.env.NEO4J_USER ?? 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
    return { driver, uri, local: false };
  }
  const dataDir = args.dataDir ?? resolveDataDir();
  const info = await startLocalNeo4j({ dataDir, onProgress: (line) => console.error(line) });
  if (!info.boltUri) throw new LocalNeo4jError('start-failed', 'The local Neo4j started but reported no Bolt address.', 'Run "npm run db:status" and try again.');
  return { driver: createDriver({ uri: info.boltUri }), uri: info.boltUri, local: true };
}

async function run(args: SeedArgs): Promise<void> {
  const { driver, uri, local } = await connect(args);
  try {
    console.error(`Connecting to ${uri}${args.database ? ` (database ${args.database})` : ''}…`);
    await driver.verifyConnectivity({ database: args.database });
    const progress = (line: string) => console.error(line);
    let summaryLines: string[];
    if (args.dataset === 'caviar') {
      const result = await loadCaviar(driver, { database: args.database, onProgress: progress });
      summaryLines = [
        `CAVIAR loaded: ${result.phases} phases, ${result.nodes} nodes and ${result.relationships} relationships written in ${seconds(result.elapsedMs)}.`,
      ];
    } else {
      const result = await seedDemo(driver, { scale: args.scale, seed: args.seed, database: args.database, dataDir: args.dataDir, onProgress: progress });
      summaryLines = [
        `Demo data (scale ${args.scale}) written: ${result.nodes.toLocaleString('en')} nodes and ${result.relationships.toLocaleString('en')} relationships in ${seconds(result.elapsedMs)}.`,
        ...(result.groundTruthFile ? [`Ground truth: ${result.groundTruthFile}`] : []),
      ];
    }
    const counts = await countGraph(driver, args.database);
    console.log(summaryLines.join('\n'));
    console.log('\nIn the database now:');
    console.log(table('Nodes', counts.nodesByType));
    console.log(table('Relationships', counts.relationshipsByType));
    if (local) console.log(`\nThe local Neo4j keeps running at ${uri}; stop it with "npm run db:stop".`);
  } finally {
    await driver.close();
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function table(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts).filter(([, n]) => n > 0);
  const width = Math.max(...rows.map(([name]) => name.length), title.length);
  return [`  ${title}`, ...rows.map(([name, n]) => `    ${name.padEnd(width)}  ${n.toLocaleString('en').padStart(9)}`)].join('\n');
}

/** What happened and what to do, for every failure we can name; never a stack trace. */
export function describeFailure(error: unknown): { message: string; hint: string } {
  if (error instanceof UsageError) return { message: error.message, hint: error.hint };
  if (error instanceof LocalNeo4jError || error instanceof CaviarFileError) return { message: error.message, hint: error.hint };
  if (error instanceof ApiError) return { message: error.message, hint: error.hint ?? 'Check NEO4J_URI.' };
  const code = (error as { code?: string } | null)?.code ?? '';
  const where = process.env.NEO4J_URI ?? 'the local Neo4j';
  if (code === 'ServiceUnavailable' || code === 'SessionExpired') {
    return {
      message: `Cannot reach Neo4j at ${where}.`,
      hint: process.env.NEO4J_URI ? 'Check that the server runs and NEO4J_URI is right.' : 'Check "npm run db:status"; start it with "npm run db:start".',
    };
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return { message: `Neo4j at ${where} refused the user name or password.`, hint: 'Check NEO4J_USER and NEO4J_PASSWORD.' };
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return { message: 'That Neo4j database does not exist.', hint: 'Check --database, or leave it out to use the default database.' };
  }
  if (code === 'Neo.ClientError.Security.Forbidden') {
    return { message: 'This Neo4j user may not write.', hint: 'Use a user with write rights (NEO4J_USER).' };
  }
  if (error instanceof RangeError) return { message: error.message, hint: 'Run "npm run seed -- --help" for the options.' };
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return { message: `Seeding failed: ${message}`, hint: 'Run again; if it keeps failing, check the Neo4j log (npm run db:status shows where).' };
}

async function main(): Promise<void> {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
    if (args.help) {
      console.log(SEED_USAGE);
      return;
    }
    await run(args);
  } catch (error) {
    const { message, hint } = describeFailure(error);
    console.error(`Error: ${message}\nHint: ${hint}`);
    process.exitCode = 1;
  }
}

await main();
