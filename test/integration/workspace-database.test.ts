// A workspace database apart from the evidence: with SCHAKEL_WORKSPACE_URI set, saved charts and the audit
// log are written to (and read from) the workspace server, and the evidence database receives none of
// Schakel's own records. Community Neo4j has one user database per server, so the workspace here is a
// second local Neo4j.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_FORMAT, CHART_FORMAT_VERSION, type ChartDocument } from '../../contract/chart';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { createDriver } from '../../graph-queries/driver';
import { startLocalNeo4j, stopLocalNeo4j } from '../../local-neo4j/manager';
import { call } from './annotations-support';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

const CHART_ID = `chart-workspace-${process.pid}`;
let workspaceDir: string;
let workspaceUri: string;
let evidence: Driver;
let workspace: Driver;
let workbench: Workbench;

beforeAll(async () => {
  workspaceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-workspace-neo4j-'));
  process.env.SCHAKEL_NEO4J_HEAP ??= '256m';
  process.env.SCHAKEL_NEO4J_PAGECACHE ??= '64m';
  const started = await startLocalNeo4j({ dataDir: workspaceDir });
  workspaceUri = started.boltUri!;
  evidence = createTestDriver();
  await evidence.executeQuery(`MERGE (p:Entity {id: 'P-WS-1'}) SET p:Person, p.label = 'Werkruimte Test'`);
  workspace = createDriver({ uri: workspaceUri });
  workbench = createWorkbench({
    neo4j: { uri: testNeo4jUri() },
    localDataDir: tempDataDir(),
    log: () => undefined,
    identity: { name: 'Analyst Workspace', role: 'analyst' },
    env: { SCHAKEL_WORKSPACE_URI: workspaceUri },
  });
  await workbench.start();
}, 180_000);

afterAll(async () => {
  await workbench?.shutdown();
  await evidence?.executeQuery(`MATCH (p:Entity {id: 'P-WS-1'}) DETACH DELETE p`);
  await evidence?.close();
  await workspace?.close();
  if (workspaceDir) {
    await stopLocalNeo4j({ dataDir: workspaceDir });
    fs.rmSync(workspaceDir, { recursive: true, force: true });
  }
}, 120_000);

const count = async (driver: Driver, cypher: string, params: Record<string, unknown> = {}) =>
  Number((await driver.executeQuery(cypher, params)).records[0].get(0));

describe('a separate workspace database', () => {
  it('migrates the workspace too, so it can hold charts and the audit log', async () => {
    expect(await count(workspace, `SHOW INDEXES YIELD name WHERE name = 'saved_chart_updated' RETURN count(*)`)).toBe(1);
  });

  it('saves, lists and opens charts in the workspace, checking their entities in the evidence', async () => {
    const chart: ChartDocument = {
      format: CHART_FORMAT,
      version: CHART_FORMAT_VERSION,
      id: CHART_ID,
      title: 'Werkruimte',
      entities: [
        { id: 'P-WS-1', type: 'Person', label: 'Werkruimte Test', properties: {}, position: { x: 0, y: 0 } },
        { id: 'P-WS-GONE', type: 'Person', label: 'Gone', properties: {}, position: { x: 10, y: 0 } },
      ],
      links: [],
    };
    await call(workbench, 'saveChart', { chart });
    expect(await count(workspace, 'MATCH (c:SavedChart {id: $id}) RETURN count(c)', { id: CHART_ID })).toBe(1);
    expect(await count(evidence, 'MATCH (c:SavedChart {id: $id}) RETURN count(c)', { id: CHART_ID })).toBe(0);
    const { charts } = await call(workbench, 'listCharts', {});
    expect(charts.map((listed) => listed.id)).toContain(CHART_ID);
    const loaded = await call(workbench, 'loadChart', { id: CHART_ID });
    expect(loaded.missing).toEqual(['P-WS-GONE']);
  });

  it('writes the audit entry of a read to the workspace, and the audit viewer reads it there', async () => {
    const before = await count(evidence, 'MATCH (e:AuditEntry) RETURN count(e)');
    await call(workbench, 'getEntity', { id: 'P-WS-1' });
    // The entry is durable in the local journal before the answer; the viewer waits until it is shipped.
    const { entries } = await call(workbench, 'listAuditEntries', { entityId: 'P-WS-1' });
    expect(entries.length).toBeGreaterThan(0);
    expect(await count(workspace, `MATCH (e:AuditEntry) WHERE 'P-WS-1' IN e.entityIds RETURN count(e)`)).toBeGreaterThan(0);
    expect(await count(evidence, 'MATCH (e:AuditEntry) RETURN count(e)')).toBe(before);
  });
});
