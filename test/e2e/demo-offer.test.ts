// First start on an empty database, in the browser workbench: the demo investigation is offered, opens in
// its own local database (a separate data folder) when asked, is marked "DEMO" while shown, and nothing is
// written into the database the analyst started with.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../graph-queries/driver';
import { databaseContents } from '../../graph-queries/demo-data';
import { clearTestDatabase } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { findPersonToInvestigate } from './support/demo-fixtures';
import { startWorkbenchUnderTest, type WorkbenchUnderTest } from './support/workbench-under-test';

let stack: WorkbenchUnderTest;
const dataDir = tempDataDir();

beforeAll(async () => {
  // The shared test database plays the analyst's own, empty database (other e2e files seed it again).
  const driver = createDriver({ uri: process.env.SCHAKEL_TEST_NEO4J_URI! });
  await clearTestDatabase(driver);
  await driver.close();
  stack = await startWorkbenchUnderTest(undefined, { dataDir, seedDemo: false, workbench: { demo: 'offer' } });
});

afterAll(async () => {
  await stack?.close(); // also stops the demo's local Neo4j
});

describe('first start on an empty database', () => {
  it('offers the demo, opens it in a separate demo database marked DEMO, and leaves the empty database empty', async () => {
    const { page, problems } = await stack.openPage();
    await page.getByRole('status', { name: 'Database connection' }).filter({ hasText: 'Connected' }).waitFor();
    const offer = page.getByRole('region', { name: 'Demo investigation' });
    await offer.getByText('This database is empty.').waitFor();
    expect(await page.getByRole('note', { name: 'Demo data shown' }).count()).toBe(0);

    await offer.getByRole('button', { name: 'Open the demo investigation' }).click();
    // Starting a second local Neo4j and loading the demo takes a while on a busy CI machine.
    await page.getByRole('note', { name: 'Demo data shown' }).waitFor({ timeout: 240_000 });
    expect(await page.getByRole('note', { name: 'Demo data shown' }).textContent()).toContain('DEMO');

    const status = stack.workbench.status();
    expect(status).toMatchObject({ demo: true, kind: 'local' });
    expect(status.uri).not.toBe(process.env.SCHAKEL_TEST_NEO4J_URI);
    // The demo database is the local Neo4j in its own folder; the analyst's database received nothing.
    expect(await databaseContents({ driver: stack.driver })).toMatchObject({ demoEntities: 0, otherEntities: 0 });

    const demoDriver = createDriver({ uri: status.uri! });
    try {
      const person = await findPersonToInvestigate(demoDriver);
      await page.getByRole('combobox', { name: 'Search entities' }).fill(person.label);
      await page.getByRole('button', { name: `Add ${person.label} to chart`, exact: true }).waitFor();
    } finally {
      await demoDriver.close();
    }
    expect(problems).toEqual([]);
    expect(path.isAbsolute(dataDir)).toBe(true);
  }, 360_000);
});
