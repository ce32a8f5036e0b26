/**
 * `npm run db:build | db:start | db:stop | db:status` — the managed local Neo4j from the command line.
 * Options: --port N (start), --data-dir DIR (all; same as SCHAKEL_DATA_DIR), --timeout SECONDS.
 * Errors print as one message plus a hint and exit with code 1, never a stack trace.
 */
import { parseArgs } from 'node:util';
import {
  ensureLauncherBuilt,
  LocalNeo4jError,
  localNeo4jStatus,
  resolveDataDir,
  startLocalNeo4j,
  stopLocalNeo4j,
} from './manager';

const USAGE = 'Usage: tsx local-neo4j/cli.ts <build|start|stop|status> [--port N] [--data-dir DIR] [--timeout SECONDS]';

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // parseArgs explains unknown or incomplete options well; show that instead of a TypeError.
    throw new LocalNeo4jError('bad-config', (error as Error).message, USAGE);
  }
}

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommandLine(argv);
  const command = positionals[0];
  if (values.help || !command) {
    console.log(USAGE);
    return;
  }
  const dataDir = values['data-dir'] ?? resolveDataDir();
  const port = values.port === undefined ? undefined : parseNumber('--port', values.port);
  const timeoutMs = values.timeout === undefined ? undefined : parseNumber('--timeout', values.timeout) * 1000;
  const progress = (line: string) => console.error(line);

  switch (command) {
    case 'build':
      await ensureLauncherBuilt({ onProgress: progress });
      console.log('Neo4j launcher is built.');
      return;
    case 'start': {
      const info = await startLocalNeo4j({ dataDir, port, timeoutMs, onProgress: progress });
      console.log(info.alreadyRunning ? 'Local Neo4j is already running.' : 'Local Neo4j started.');
      console.log(`Bolt URI: ${info.boltUri}`);
      console.log(`Data dir: ${info.dataDir}`);
      console.log(`PID:      ${info.pid}`);
      return;
    }
    case 'stop': {
      const { wasRunning } = await stopLocalNeo4j({ dataDir, timeoutMs });
      console.log(wasRunning ? 'Local Neo4j stopped.' : 'Local Neo4j was not running.');
      console.log(`Data dir: ${dataDir}`);
      return;
    }
    case 'status': {
      const info = await localNeo4jStatus({ dataDir });
      if (info.running) {
        console.log('Local Neo4j is running.');
        console.log(`Bolt URI: ${info.boltUri}`);
        console.log(`PID:      ${info.pid}`);
        console.log(`Since:    ${info.startedAt}`);
      } else {
        console.log('Local Neo4j is not running.');
      }
      console.log(`Data dir: ${info.dataDir}`);
      return;
    }
    default:
      throw new LocalNeo4jError('bad-config', `Unknown command "${command}".`, USAGE);
  }
}

function parseNumber(option: string, raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new LocalNeo4jError('bad-config', `${option} must be a positive whole number, got "${raw}".`, USAGE);
  }
  return value;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof LocalNeo4jError) {
    console.error(`Error: ${error.message}`);
    console.error(`Hint:  ${error.hint}`);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Error: ${message}`);
    console.error('Hint:  run "npm run db:status" and check the logs under the data dir; report this if it persists.');
  }
  process.exitCode = 1;
});
