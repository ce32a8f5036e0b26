// Schema at connect: the managed default applies what is missing; check-only mode (an analyst login on a
// shared server) changes nothing and says what is missing and who must run `npm run db:migrate`, the
// separate admin command that then brings the schema up to date.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../contract/api';
import { DatabaseConnection } from '../../backend/connection';
import { createWorkbench } from '../../backend/workbench';
import { applyMigrations, checkSchema, LATEST_SCHEMA_VERSION } from '../../graph-queries/migrations';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DROPPED = 'saved_chart_updated';
let driver: Driver;

async function indexExists(name: string): Promise<boolean> {
  const { records } = await driver.executeQuery('SHOW INDEXES YIELD name WHERE name = $name RETURN count(*) AS n', { name });
  return Number(records[0].get('n')) === 1;
}

async function dropIndex(): Promise<void> {
  await driver.executeQuery(`DROP INDEX ${DROPPED} IF EXISTS`);
  expect(await indexExists(DROPPED)).toBe(false);
}

async function refusal(open: () => Promise<unknown>): Promise<ApiError> {
  try {
    await open();
  } catch (error) {
    return error as ApiError;
  }
  throw new Error('expected the connection to be refused');
}

const migrateCli = (...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'scripts/db-migrate.ts', ...args], { cwd: ROOT, env: { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_USER: process.env.SCHAKEL_TEST_NEO4J_USER ?? 'neo4j', NEO4J_PASSWORD: process.env.SCHAKEL_TEST_NEO4J_PASSWORD ?? 'neo4j' } });

beforeAll(async () => {
  driver = createTestDriver();
  await applyMigrations(driver);
});

afterAll(async () => {
  await applyMigrations(driver);
  await driver?.close();
});

describe('schema at connect', () => {
  it('check-only mode connects when nothing is missing', async () => {
    expect(await checkSchema(driver)).toMatchObject({ version: LATEST_SCHEMA_VERSION, pending: [], missing: [] });
    const connection = new DatabaseConnection();
    try {
      await expect(connection.open({ uri: testNeo4jUri() }, 'remote', { migrations: 'check' })).resolves.toMatchObject({ state: 'connected' });
    } finally {
      await connection.close();
    }
  });

  it('check-only mode refuses a database lacking an index, names it and the admin command, and changes nothing', async () => {
    await dropIndex();
    const connection = new DatabaseConnection();
    const error = await refusal(() => connection.open({ uri: testNeo4jUri() }, 'remote', { migrations: 'check' }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('DB_SCHEMA_OUTDATED');
    expect(error.message).toContain(DROPPED);
    expect(error.hint).toMatch(/administrator.*npm run db:migrate/);
    expect(connection.status().state).toBe('error');
    expect(await indexExists(DROPPED)).toBe(false);
  });

  it('SCHAKEL_MIGRATIONS=check makes the workbench refuse in the same way', async () => {
    await dropIndex();
    const workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined, env: { SCHAKEL_MIGRATIONS: 'check' } });
    try {
      const error = await refusal(() => workbench.start());
      expect(error.code).toBe('DB_SCHEMA_OUTDATED');
    } finally {
      await workbench.shutdown();
    }
  });

  it('npm run db:migrate -- --check reports the gap; npm run db:migrate closes it', async () => {
    await dropIndex();
    const checked = await migrateCli('--check').then(
      () => ({ code: 0, stdout: '' }),
      (error: { code: number; stdout: string }) => error,
    );
    expect(checked.code).toBe(1);
    expect(checked.stdout).toContain(DROPPED);
    const { stdout } = await migrateCli();
    expect(stdout).toMatch(/schema version \d+ → \d+/);
    expect(await indexExists(DROPPED)).toBe(true);
    await expect(migrateCli('--check')).resolves.toMatchObject({ stdout: expect.stringContaining('nothing missing') });
  }, 120_000);

  it('the default (auto) restores what is missing at connect', async () => {
    await dropIndex();
    const connection = new DatabaseConnection();
    try {
      await connection.open({ uri: testNeo4jUri() }, 'remote');
      expect(await indexExists(DROPPED)).toBe(true);
    } finally {
      await connection.close();
    }
  });
});
