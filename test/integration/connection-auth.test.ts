// A Neo4j with authentication on: a wrong password gets a plain message, the right one connects. Uses its
// own local instance (the shared test database runs without authentication).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../contract/api';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { startLocalNeo4j, stopLocalNeo4j } from '../../local-neo4j/manager';
import { findFreePort } from '../../local-neo4j/process-utils';
import { tempDataDir } from '../setup/temp-data-dir';

const PASSWORD = 'correct-horse-battery';
const dataDir = tempDataDir('schakel-auth-neo4j-');
const appDataDir = tempDataDir();
let boltUri: string;
let workbench: Workbench;

beforeAll(async () => {
  process.env.SCHAKEL_NEO4J_AUTH_PASSWORD = PASSWORD; // read by the launcher JVM, which inherits it
  try {
    boltUri = (await startLocalNeo4j({ dataDir, port: await findFreePort() })).boltUri!;
  } finally {
    delete process.env.SCHAKEL_NEO4J_AUTH_PASSWORD;
  }
  workbench = createWorkbench({ neo4j: { uri: boltUri, user: 'neo4j', password: 'wrong-password' }, localDataDir: appDataDir, log: () => undefined });
}, 300_000);

afterAll(async () => {
  await workbench?.shutdown();
  await stopLocalNeo4j({ dataDir });
}, 120_000);

describe('a Neo4j with authentication', () => {
  it('refuses a wrong password with a message that says what to do, in status and in the error', async () => {
    const error = await workbench.start().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'DB_AUTH', message: 'Neo4j refused the user name or password.' });
    expect((error as ApiError).hint).toMatch(/NEO4J_PASSWORD|connection dialog/);
    expect(JSON.stringify(error)).not.toContain(PASSWORD);
    expect(workbench.status()).toMatchObject({ state: 'error', message: 'Neo4j refused the user name or password.' });
  });

  it('connects with the right password', async () => {
    const status = await workbench.handlers.connect({ uri: boltUri, user: 'neo4j', password: PASSWORD, rememberPassword: false });
    expect(status).toMatchObject({ state: 'connected', uri: boltUri, kind: 'remote' });
    const summary = await workbench.handlers.getDatabaseSummary({});
    expect(summary.schemaVersion).toBeGreaterThan(0);
  });
});
