// Paths across the whole database, saved charts shared through Neo4j, search filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHART_FORMAT, CHART_FORMAT_VERSION, type ChartDocument } from '../../contract/chart';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { generateDemo } from '../../demo-data/generate';
import type { DemoData } from '../../demo-data/demo-records';
import { seedDemo } from '../../demo-data/seed';
import { PATH_RELATIONSHIP_TYPES } from '../../graph-queries/paths';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

let workbench: Workbench;
let demo: DemoData;

beforeAll(async () => {
  const driver = createTestDriver();
  try {
    await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  } finally {
    await driver.close();
  }
  demo = generateDemo({ scale: 1 });
  workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined, userName: 'analyst-a' });
  await workbench.start();
});

afterAll(async () => {
  await workbench?.shutdown();
});

const api = () => workbench.handlers;

/** Breadth-first distances over the generator's own records, as an independent reference. */
function hopsBetween(from: string, to: string): number | null {
  const allowed = new Set<string>(PATH_RELATIONSHIP_TYPES);
  const adjacency = new Map<string, string[]>();
  for (const rel of demo.relationships) {
    if (!allowed.has(rel.type)) continue;
    (adjacency.get(rel.from) ?? adjacency.set(rel.from, []).get(rel.from)!).push(rel.to);
    (adjacency.get(rel.to) ?? adjacency.set(rel.to, []).get(rel.to)!).push(rel.from);
  }
  const distance = new Map([[from, 0]]);
  const queue = [from];
  while (queue.length) {
    const current = queue.shift()!;
    if (current === to) return distance.get(current)!;
    for (const next of adjacency.get(current) ?? []) {
      if (!distance.has(next)) {
        distance.set(next, distance.get(current)! + 1);
        queue.push(next);
      }
    }
  }
  return null;
}

describe('paths', () => {
  it('finds the shortest path between two people and returns its entities and links in order', async () => {
    const people = demo.entities.filter((node) => node.type === 'Person').map((node) => node.id);
    let pair: [string, string] | undefined;
    for (const a of people.slice(0, 40)) {
      const b = people.find((id) => {
        const hops = hopsBetween(a, id);
        return hops !== null && hops >= 3 && hops <= 6;
      });
      if (b) {
        pair = [a, b];
        break;
      }
    }
    if (!pair) throw new Error('demo data has no pair of people 3–6 hops apart');
    const [a, b] = pair;
    const expectedHops = hopsBetween(a, b)!;
    const result = await api().findPaths({ ids: [a, b], mode: 'shortest', maxHops: 6, limit: 10 });
    expect(result.unconnected).toEqual([]);
    expect(result.paths).toHaveLength(1);
    const [path] = result.paths;
    expect(path.entityIds[0]).toBe(a);
    expect(path.entityIds.at(-1)).toBe(b);
    expect(path.linkIds).toHaveLength(expectedHops);
    const onChart = new Set(result.nodes.map((node) => node.id));
    for (const id of path.entityIds) expect(onChart.has(id)).toBe(true);
  });

  it('says plainly when two entities are not connected within the hop limit', async () => {
    const people = demo.entities.filter((node) => node.type === 'Person').map((node) => node.id);
    const far = people.map((id) => [id, hopsBetween(people[0], id)] as const).find(([, hops]) => hops === null || hops > 2);
    expect(far).toBeDefined();
    const result = await api().findPaths({ ids: [people[0], far![0]], mode: 'shortest', maxHops: 2, limit: 10 });
    expect(result.paths).toEqual([]);
    expect(result.unconnected).toEqual([{ from: people[0], to: far![0] }]);
  });
});

describe('saved charts', () => {
  const person = () => demo.entities.find((node) => node.type === 'Person')!;
  function chart(id: string, title: string, extraIds: string[] = []): ChartDocument {
    const p = person();
    return {
      format: CHART_FORMAT,
      version: CHART_FORMAT_VERSION,
      id,
      title,
      entities: [p.id, ...extraIds].map((entityId, i) => ({ id: entityId, type: 'Person' as const, label: entityId, properties: {}, position: { x: i * 10, y: 5 } })),
      links: [],
      viewport: { zoom: 1.5, pan: { x: 3, y: 4 } },
      timeWindow: { from: '2024-01-01', until: '2024-06-30' },
    };
  }

  it('saves, lists, reopens exactly, renames, duplicates and deletes', async () => {
    const saved = await api().saveChart({ chart: chart('chart-test-1', 'Cel Antwerpen') });
    expect(saved).toMatchObject({ id: 'chart-test-1', title: 'Cel Antwerpen', version: 1, updatedBy: 'analyst-a', entityCount: 1 });
    expect((await api().listCharts({})).charts.map((c) => c.id)).toContain('chart-test-1');

    const reopened = await api().loadChart({ id: 'chart-test-1' });
    expect(reopened.chart).toEqual(chart('chart-test-1', 'Cel Antwerpen'));
    expect(reopened.missing).toEqual([]);

    expect(await api().renameChart({ id: 'chart-test-1', title: 'Cel Antwerpen (2)' })).toMatchObject({ title: 'Cel Antwerpen (2)', version: 2 });
    const copy = await api().duplicateChart({ id: 'chart-test-1', title: 'Kopie' });
    expect(copy.id).not.toBe('chart-test-1');
    expect((await api().loadChart({ id: copy.id })).chart.entities).toEqual(chart('x', 'y').entities);

    expect(await api().deleteChart({ id: 'chart-test-1' })).toEqual({ deleted: true });
    await expect(api().loadChart({ id: 'chart-test-1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await api().deleteChart({ id: copy.id });
  });

  it('refuses to overwrite a colleague’s newer save', async () => {
    const first = await api().saveChart({ chart: chart('chart-test-2', 'Gedeeld') });
    await api().saveChart({ chart: chart('chart-test-2', 'Gedeeld, door collega'), expectedVersion: first.version });
    await expect(api().saveChart({ chart: chart('chart-test-2', 'Mijn versie'), expectedVersion: first.version })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect((await api().loadChart({ id: 'chart-test-2' })).chart.title).toBe('Gedeeld, door collega');
    await api().deleteChart({ id: 'chart-test-2' });
  });

  it('reports entities of a saved chart that no longer exist', async () => {
    await api().saveChart({ chart: chart('chart-test-3', 'Met verwijderde', ['P-DELETED-1']) });
    const reopened = await api().loadChart({ id: 'chart-test-3' });
    expect(reopened.missing).toEqual(['P-DELETED-1']);
    await api().deleteChart({ id: 'chart-test-3' });
  });
});

describe('search filters', () => {
  it('limits results to one case', async () => {
    const { cases } = await api().listCases({});
    expect(cases.length).toBeGreaterThan(1);
    const someCase = cases.find((c) => demo.entities.some((node) => node.type === 'Person' && node.props.caseId === c.id))!;
    const member = demo.entities.find((node) => node.type === 'Person' && node.props.caseId === someCase.id)!;
    const { hits } = await api().search({ query: String(member.props.familyName), caseIds: [someCase.id], limit: 50 });
    expect(hits.map((hit) => hit.id)).toContain(member.id);
    for (const hit of hits) expect(hit.caseId).toBe(someCase.id);
  });

  it('limits incidents to a date window', async () => {
    const incident = demo.entities.find((node) => node.type === 'Incident' && typeof node.props.at === 'string')!;
    const day = String(incident.props.at).slice(0, 10);
    const inside = await api().search({ query: String(incident.props.kind ?? incident.props.label).split(/\s+/)[0], types: ['Incident'], from: day, until: day, limit: 200 });
    expect(inside.hits.map((hit) => hit.id)).toContain(incident.id);
    for (const hit of inside.hits) expect(String(hit.properties.at).slice(0, 10)).toBe(day);
  });
});
