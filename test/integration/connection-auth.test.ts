// A Neo4j with authentication on: a wrong password gets a plain message, the right one connects. Uses its
// own local instance (the shared test database runs without authentication).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../contract/api';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { startLocalNeo4j, stopLocalNeo4j } from '../../local-neo4j/manager';
import { findFreePort } from '../../local-neo4j/process-utils';
import { tempDataDir } from '../setup/temp-data-dir';
import { createDriver } from '../../graph-queries/driver';
import { call, refusal } from './annotations-support';

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

describe('who is working, on a Neo4j with authentication and two users', () => {
  const users = [
    { user: 'alice', password: 'alice-password-1' },
    { user: 'bob', password: 'bob-password-1' },
  ];

  beforeAll(async () => {
    const admin = createDriver({ uri: boltUri, user: 'neo4j', password: PASSWORD });
    try {
      for (const { user, password } of users) {
        await admin.executeQuery(`CREATE USER ${user} IF NOT EXISTS SET PASSWORD $password CHANGE NOT REQUIRED`, { password }, { database: 'system' });
      }
    } finally {
      await admin.close();
    }
  });

  it('is the authenticated Neo4j user, recorded in the audit log, and cannot be typed over', async () => {
    for (const { user, password } of users) {
      const asUser = createWorkbench({ neo4j: { uri: boltUri, user, password }, localDataDir: tempDataDir(), log: () => undefined, env: { SCHAKEL_ROLE: 'mit-annotator' } });
      try {
        const status = await asUser.start();
        expect(status).toMatchObject({ state: 'connected', user, readOnly: false });
        // Community edition has no role-based access control: the role comes from SCHAKEL_ROLE.
        expect(await call(asUser, 'getIdentity', {})).toMatchObject({ name: user, source: 'neo4j-user', confirmed: true, role: 'mit-annotator', roleSource: 'environment' });
        const typedOver = await refusal(asUser, 'setIdentity', { name: 'Somebody Else' });
        expect(typedOver).toMatchObject({ code: 'BAD_REQUEST' });
        expect(typedOver.message).toContain(`signed in to Neo4j as "${user}"`);
        // An MIT annotator may not run writes other than annotations.
        expect(await refusal(asUser, 'deleteChart', { id: 'chart-none' })).toMatchObject({ code: 'READ_ONLY' });

        await call(asUser, 'search', { query: `Consulted by ${user}` });
        const { entries } = await call(asUser, 'listAuditEntries', { operation: 'search', limit: 50 });
        const mine = entries.filter((entry) => JSON.stringify(entry.details ?? {}).includes(`Consulted by ${user}`));
        expect(mine.map((entry) => entry.user)).toEqual([user]);
        expect(mine[0].role).toBe('mit-annotator');
      } finally {
        await asUser.shutdown();
      }
    }
  });
});
