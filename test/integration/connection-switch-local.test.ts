// The connection dialog on the managed local Neo4j: a URI that does not work leaves the analyst on the local
// database, still running and still answering; a working URI is reached before the local one is stopped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../contract/api';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { ensureLauncherBuilt, localNeo4jStatus } from '../../local-neo4j/manager';
import { testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

const dataDir = tempDataDir('schakel-connection-switch-');
let workbench: Workbench;

beforeAll(async () => {
  await ensureLauncherBuilt();
  // No NEO4J_URI: the workbench starts and manages a local Neo4j of its own in this data folder.
  workbench = createWorkbench({ env: {}, localDataDir: dataDir, demo: 'offer', log: () => undefined });
  await workbench.start();
}, 600_000);

afterAll(async () => {
  await workbench?.shutdown();
}, 180_000);

const api = () => workbench.handlers;

describe('switching away from the managed local Neo4j', () => {
  it.each([
    ['bolt://127.0.0.1:1', 'DB_UNAVAILABLE'],
    ['http://nowhere.invalid', 'DB_BAD_URI'],
  ])('keeps the local database running and connected after a failed switch to %s', async (uri, code) => {
    expect((await api().getConnectionStatus({})).kind).toBe('local');
    const error = await api()
      .connect({ uri, user: 'neo4j', password: 'x', rememberPassword: false })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code });

    const status = await api().getConnectionStatus({});
    expect(status).toMatchObject({ state: 'connected', kind: 'local' });
    expect((await localNeo4jStatus({ dataDir })).running).toBe(true);
    // And it still answers: the status is not a leftover of a server that was stopped.
    await expect(api().getDatabaseSummary({})).resolves.toBeDefined();
  }, 120_000);

  it('stops the local database once the other one answered', async () => {
    const status = await api().connect({ uri: testNeo4jUri(), user: 'neo4j', password: 'x', rememberPassword: false });
    expect(status).toMatchObject({ state: 'connected', kind: 'remote' });
    expect((await localNeo4jStatus({ dataDir })).running).toBe(false);
  }, 120_000);
});
