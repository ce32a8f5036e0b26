// Every statement the workbench runs through graph-queries, planned by Neo4j (EXPLAIN) with the parameters
// it was really run with, against seeded demo data. A plan that reads a whole entity label, every node or
// every relationship fails the test: at national scale (tens of millions of records) such a query would
// take minutes. The flows below drive the backend the way the app does; the statements are recorded as
// they pass through graph-queries/run.ts, so a new query in a driven flow is checked without listing it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Driver } from 'neo4j-driver';
import type { ChartDocument } from '../../contract/chart';
import { CHART_FORMAT, CHART_FORMAT_VERSION } from '../../contract/chart';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { seedDemo } from '../../demo-data/seed';
import { observeQueries } from '../../graph-queries/run';
import { ENTITY_LABEL } from '../../graph-queries/migrations';
import { call } from './annotations-support';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { JUSTIFIED_SCANS, planProblems, type PlanNode } from './query-plan-rules';

let driver: Driver;
let workbench: Workbench;
const recorded = new Map<string, { cypher: string; params: Record<string, unknown> }>();
let stopRecording: () => void = () => undefined;

beforeAll(async () => {
  driver = createTestDriver();
  await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined, identity: { name: 'Analyst Plan', role: 'analyst' } });
  await workbench.start();
  stopRecording = observeQueries(({ cypher, params }) => {
    if (!recorded.has(cypher)) recorded.set(cypher, { cypher, params });
  });
  await driveEveryFlow();
  stopRecording();
}, 240_000);

afterAll(async () => {
  stopRecording();
  await workbench?.shutdown();
  await driver?.close();
});

async function firstId(cypher: string): Promise<string> {
  const { records } = await driver.executeQuery(cypher);
  if (!records[0]) throw new Error(`The demo data has nothing for: ${cypher}`);
  return String(records[0].get(0));
}

async function driveEveryFlow(): Promise<void> {
  const personWithPhone = await firstId('MATCH (p:Person)-[:USES]->(:Phone) RETURN p.id ORDER BY p.id LIMIT 1');
  const phoneE164 = await firstId('MATCH (ph:Phone) WHERE ph.e164 IS NOT NULL RETURN ph.e164 ORDER BY ph.id LIMIT 1');
  const otherPerson = await firstId(`MATCH (p:Person) WHERE p.id <> '${personWithPhone}' RETURN p.id ORDER BY p.id DESC LIMIT 1`);
  const caseId = await firstId('MATCH (c:Case) RETURN c.id ORDER BY c.id LIMIT 1');
  const linkId = await firstId('MATCH ()-[r:CALLED]->() WHERE r.id IS NOT NULL RETURN r.id LIMIT 1');
  const wb = workbench;

  await call(wb, 'getDatabaseSummary', {});
  await call(wb, 'listCases', {});
  for (const query of ['Jansen', phoneE164]) {
    await call(wb, 'search', { query, limit: 25 });
    await call(wb, 'search', { query, limit: 25, types: ['Person', 'Phone'], countries: ['BE', 'NL'], caseIds: [caseId], from: '2020-01-01', until: '2030-12-31' });
  }
  await call(wb, 'getEntity', { id: personWithPhone });
  for (const direction of ['both', 'outgoing', 'incoming'] as const) {
    await call(wb, 'expand', { ids: [personWithPhone], direction, exclude: [], limit: 50 });
  }
  await call(wb, 'expand', { ids: [personWithPhone], direction: 'both', relationshipTypes: ['USES', 'CALLED'], exclude: [otherPerson], limit: 5 });
  await call(wb, 'findPaths', { ids: [personWithPhone, otherPerson], mode: 'shortest', maxHops: 6, limit: 5 });
  await call(wb, 'findPaths', { ids: [personWithPhone, otherPerson], mode: 'all-shortest', maxHops: 6, limit: 5 });
  await call(wb, 'connectingNetwork', { ids: [personWithPhone, otherPerson], maxHops: 4, limit: 50 });
  await call(wb, 'checkEntities', { ids: [personWithPhone, 'NO-SUCH-ID'] });
  const sightedVehicle = await firstId('MATCH (v:Vehicle)-[:SIGHTED_AT]->(:Location) RETURN v.id ORDER BY v.id LIMIT 1');
  await call(wb, 'getAnprTrack', { id: sightedVehicle });
  await call(wb, 'confirmedSameAs', { ids: [personWithPhone, otherPerson, 'NO-SUCH-ID'] });

  const chart: ChartDocument = {
    format: CHART_FORMAT,
    version: CHART_FORMAT_VERSION,
    id: 'chart-plan-test',
    title: 'Plan test',
    entities: [{ id: personWithPhone, type: 'Person', label: personWithPhone, properties: {}, position: { x: 0, y: 0 } }],
    links: [],
  };
  const saved = await call(wb, 'saveChart', { chart });
  await call(wb, 'saveChart', { chart, expectedVersion: saved.version });
  await call(wb, 'listCharts', {});
  await call(wb, 'loadChart', { id: chart.id });
  await call(wb, 'renameChart', { id: chart.id, title: 'Plan test renamed' });
  const copy = await call(wb, 'duplicateChart', { id: chart.id, title: 'Plan test copy' });
  await call(wb, 'deleteChart', { id: copy.id });

  const grading = { sourceReliability: 'B', informationReliability: '2', handling: 'H1' };
  const link = await call(wb, 'createAnalystLink', { fromId: personWithPhone, toId: otherPerson, status: 'hypothesis', note: 'plan test', ...grading });
  const note = await call(wb, 'addNote', { targetId: linkId, targetKind: 'link', text: 'a note on a call' });
  await call(wb, 'addNote', { targetId: personWithPhone, targetKind: 'entity', text: 'a note on a person' });
  await call(wb, 'listAnnotations', { targetId: personWithPhone });
  await call(wb, 'listAnnotations', { targetId: link.annotation!.id });
  const updated = await call(wb, 'updateAnnotation', { id: link.annotation!.id, expectedVersion: 1, changes: { text: 'changed' } });
  await call(wb, 'retractAnnotation', { id: link.annotation!.id, expectedVersion: updated.annotation!.version, reason: 'plan test' });
  await call(wb, 'retractAnnotation', { id: note.annotation!.id, expectedVersion: 1 });
  await call(wb, 'getAnnotationHistory', { id: link.annotation!.id });

  const gangId = await firstId('MATCH (g:Gang) RETURN g.id ORDER BY g.id LIMIT 1');
  const vehicleId = await firstId('MATCH (v:Vehicle) RETURN v.id ORDER BY v.id LIMIT 1');
  const template = await call(wb, 'saveQueryTemplate', { name: 'Plan test', query: { shape: 'persons-linked-to-vehicle', parameters: { vehicleId } } });
  await call(wb, 'listQueryTemplates', {});
  await call(wb, 'runQueryTemplate', { query: template.query, templateId: template.id });
  await call(wb, 'runQueryTemplate', { query: { shape: 'gang-phones-seen', parameters: { gangId, days: 3650 } } });
  await call(wb, 'runQueryTemplate', { query: { shape: 'calls-between-persons', parameters: { personAId: personWithPhone, personBId: otherPerson, from: '2020-01-01', until: '2030-12-31T12:00' } } });
  await call(wb, 'deleteQueryTemplate', { id: template.id });

  await call(wb, 'listAuditEntries', {});
  await call(wb, 'listAuditEntries', { user: 'analyst', limit: 50 });
  await call(wb, 'listAuditEntries', { operation: 'retract', category: 'consultation', from: '2020-01-01', until: '2099-12-31' });
}

describe('query plans of every statement the workbench runs', () => {
  it('recorded the statements of every driven flow', () => {
    // A flow that silently stopped reaching the database would leave its queries unchecked.
    expect(recorded.size).toBeGreaterThan(25);
    const texts = [...recorded.keys()].join('\n');
    for (const fragment of ['db.index.fulltext.queryNodes', 'ANALYST_LINK', 'SavedChart', 'AuditEntry', 'COUNT {', 'shortestPath', 'SIGHTED_AT']) {
      expect(texts).toContain(fragment);
    }
  });

  it('reads no whole entity label, no all-nodes and no all-relationships scan', async () => {
    const failures: string[] = [];
    for (const { cypher, params } of recorded.values()) {
      const { summary } = await driver.executeQuery(`EXPLAIN ${cypher}`, params);
      const problems = planProblems(summary.plan as unknown as PlanNode, cypher);
      if (problems.length) failures.push(`${problems.join(', ')} in:\n${cypher.trim()}`);
    }
    expect(failures).toEqual([]);
  });

  it('flags what it must (the rules are not vacuous)', async () => {
    const plan = async (cypher: string) => (await driver.executeQuery(`EXPLAIN ${cypher}`, { id: 'x' })).summary.plan as unknown as PlanNode;
    expect(planProblems(await plan('MATCH ()-[r]->() WHERE r.id = $id RETURN r'), 'probe')).not.toEqual([]);
    expect(planProblems(await plan(`MATCH (n:${ENTITY_LABEL}) WHERE n.label CONTAINS $id RETURN n`), 'probe')).not.toEqual([]);
    expect(planProblems(await plan('MATCH (n) WHERE n.x = $id RETURN n'), 'probe')).not.toEqual([]);
    expect(planProblems(await plan(`MATCH (n:${ENTITY_LABEL} {id: $id}) RETURN n`), 'probe')).toEqual([]);
    for (const [fragment, rule] of Object.entries(JUSTIFIED_SCANS)) expect(rule.why.length, fragment).toBeGreaterThan(10);
  });
});
