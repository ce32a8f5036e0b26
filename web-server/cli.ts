// `npm run web -- --port P`: the workbench for a browser, on 127.0.0.1 only.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ApiError } from '../contract/api';
import { createWorkbench } from '../backend/workbench';
import type { DemoMode } from '../backend/demo-database';
import { DEFAULT_STATIC_DIR, startWebServer } from './server';

const USAGE = `Usage: npm run web -- [--port 4780] [--demo | --no-demo]
  --demo      show the demo investigation (in its own database, <data folder>/demo-investigation)
  --no-demo   never open the demo by itself (an empty database still offers it)
  default     the demo is shown while this data folder has no database of its own yet`;

function fail(message: string, hint?: string): never {
  console.error(`Schakel: ${message}`);
  if (hint) console.error(`  ${hint}`);
  process.exit(1);
}

function parseCli() {
  try {
    const { values } = parseArgs({
      options: { port: { type: 'string', default: '4780' }, demo: { type: 'boolean', default: false }, 'no-demo': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
    });
    if (values.help) {
      console.log(USAGE);
      process.exit(0);
    }
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`"${values.port}" is not a port number.`, USAGE);
    if (values.demo && values['no-demo']) fail('Choose either --demo or --no-demo.', USAGE);
    const demo: DemoMode = values.demo ? 'open' : values['no-demo'] ? 'offer' : 'open-when-new';
    return { port, demo };
  } catch (error) {
    fail((error as Error).message, USAGE);
  }
}

function ensureRendererBuilt(): void {
  if (existsSync(join(DEFAULT_STATIC_DIR, 'index.html'))) return;
  console.log('Building the workbench (first run)…');
  const result = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: resolve(import.meta.dirname, '..'), stdio: 'inherit' });
  if (result.status !== 0) fail('Building the workbench failed.', 'Run "npm run build:renderer" to see why.');
}

async function main(): Promise<void> {
  const { port, demo } = parseCli();
  ensureRendererBuilt();
  const workbench = createWorkbench({ demo });
  try {
    const status = await workbench.start();
    console.log(`Database: ${status.kind === 'local' ? 'local Neo4j' : 'Neo4j'} at ${status.uri} (${status.serverVersion ?? 'unknown version'})`);
  } catch (error) {
    // Serve anyway: the connection dialog in the page lets the analyst fix the setting.
    const apiError = error instanceof ApiError ? error : new ApiError({ code: 'INTERNAL', message: String(error) });
    console.error(`Database problem: ${apiError.message}`);
    if (apiError.hint) console.error(`  ${apiError.hint}`);
  }
  let server;
  try {
    server = await startWebServer({ port, workbench });
  } catch (error) {
    await workbench.shutdown();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE') fail(`Port ${port} is already in use.`, 'Choose another one: npm run web -- --port 4781');
    fail(`Could not start the web server: ${(error as Error).message}`);
  }
  console.log(`\nSchakel workbench: ${server.url}\n(127.0.0.1 only; the #token part is required and changes at every launch. Ctrl+C stops.)`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await server.close();
    await workbench.shutdown();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
