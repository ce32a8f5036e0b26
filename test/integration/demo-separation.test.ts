// The demo investigation never lands in a database that holds anything else: a database with imported
// records keeps only them whatever the demo setting, an empty database receives the demo on request
// (marked as demo), and `npm run demo:remove` takes out demo data an older version mixed in.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../contract/api';
import { createWorkbench } from '../../backend/workbench';
import type { DemoMode } from '../../backend/demo-database';
import { seedDemo } from '../../demo-data/seed';
import { databaseContents } from '../../graph-queries/demo-data';
import { applyMigrations } from '../../graph-queries/migrations';
import { runImport } from '../../import';
import { clearTestDatabase, createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { specFor, tempDir } from './import-helpers';

let driver: Driver;
const dir = tempDir('demo-separation');
const ctx = () => ({ driver });

async function importPersons(): Promise<number> {
  const file = path.join(dir, 'register.csv');
  fs.writeFileSync(file, 'Naam;Voornaam;Geboortedatum\r\nJanssens;Marie;1980-04-02\r\nPeeters;Luc;1975-11-23\r\nMaes;Sofie;1990-01-15\r\n');
  const spec = specFor('person-register', { person: { familyName: 'Naam', givenName: 'Voornaam', dateOfBirth: 'Geboortedatum' } }, { country: 'BE' });
  await runImport({ spec, file, db: { driver } });
  return (await databaseContents(ctx())).otherEntities;
}

function workbenchFor(demo: DemoMode) {
  return createWorkbench({ neo4j: { uri: testNeo4jUri() }, demoTarget: { uri: testNeo4jUri() }, demo, localDataDir: tempDataDir(), log: () => undefined });
}

beforeAll(async () => {
  driver = createTestDriver();
  await clearTestDatabase(driver);
  await applyMigrations(driver);
});

afterAll(async () => {
  await clearTestDatabase(driver);
  await driver?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a database holding imported records', () => {
  let imported: number;
  beforeAll(async () => {
    imported = await importPersons();
  });

  it.each(['offer', 'open-when-new'] as const)('receives no demo data when the workbench starts with demo mode "%s"', async (mode) => {
    const workbench = workbenchFor(mode);
    try {
      const status = await workbench.start();
      expect(status.state).toBe('connected');
      expect(workbench.status().demo).toBe(false);
    } finally {
      await workbench.shutdown();
    }
    expect(await databaseContents(ctx())).toMatchObject({ demoEntities: 0, demoComplete: false, otherEntities: imported });
  });

  it('refuses the demo even when asked for it explicitly, and says why', async () => {
    expect(imported).toBeGreaterThan(0);
    for (const mode of ['open', 'offer'] as const) {
      const workbench = workbenchFor(mode);
      try {
        const failure = mode === 'open' ? await workbench.start().catch((e: unknown) => e) : await workbench.start().then(() => workbench.handlers.openDemo({}).catch((e: unknown) => e));
        expect(failure).toBeInstanceOf(ApiError);
        expect((failure as ApiError).code).toBe('CONFLICT');
        expect((failure as ApiError).message).toMatch(/already holds other data/);
        expect(workbench.status().demo).toBe(false);
      } finally {
        await workbench.shutdown();
      }
    }
    expect(await databaseContents(ctx())).toMatchObject({ demoEntities: 0, otherEntities: imported });
  });
});

describe('an empty database', () => {
  it('receives the demo on request, and the status marks it as demo', async () => {
    await clearTestDatabase(driver);
    const workbench = workbenchFor('offer');
    try {
      await workbench.start();
      expect(workbench.status().demo).toBe(false);
      const status = await workbench.handlers.openDemo({});
      expect(status.demo).toBe(true);
      expect((await workbench.handlers.getConnectionStatus({})).demo).toBe(true);
      // Resolution ran with the load: the review queue counts the demo's pending pairs from the start.
      const queue = await workbench.handlers.listMatchCandidates({ status: 'pending', limit: 1, offset: 0 });
      expect(queue.total).toBeGreaterThan(0);
      expect(queue.lastRun).toMatchObject({ mode: 'full' });
    } finally {
      await workbench.shutdown();
    }
    const contents = await databaseContents(ctx());
    expect(contents).toMatchObject({ demoComplete: true, otherEntities: 0 });
    expect(contents.demoEntities).toBeGreaterThan(100);
  });
});

describe('npm run demo:remove', () => {
  it('removes demo data an older version mixed in, and keeps the imported records', async () => {
    await clearTestDatabase(driver);
    const imported = await importPersons();
    await seedDemo(driver, { scale: 1, dataDir: tempDataDir() }); // what the old behaviour did
    expect((await databaseContents(ctx())).demoEntities).toBeGreaterThan(100);

    const root = path.resolve(import.meta.dirname, '../..');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/demo-remove.ts'), '--uri', testNeo4jUri()], { cwd: root, encoding: 'utf8', env: { ...process.env, NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'neo4j' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Removed \d[\d,]* demo records/);
    expect(await databaseContents(ctx())).toEqual({ demoEntities: 0, demoComplete: false, otherEntities: imported, otherDatasets: [] });
  });
});
