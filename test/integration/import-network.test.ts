// Networks imported without code, exactly as the README says: `npm run import -- --spec <example> <file>`
// against the real test Neo4j, for the sample edge list and a CAVIAR adjacency matrix. The network in the
// database (entities, links, weights) must be the file's network, so centralities computed on it (weighted
// or not) are those of the file; the command line also runs entity resolution unless told not to. Each imported
// network is then read back as an analyst charts it (find the case, expand it, its source, its people's
// links, through the backend's own operations) and measured by the renderer's analysis modules; degree,
// betweenness, closeness, eigenvector and weighted degree must equal networkx's on the file itself.
import { execFile, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import type { EntitySummary, LinkSummary } from '../../contract/model';
import { applyMigrations } from '../../graph-queries/migrations';
import { loadImportSpec } from '../../import';
import { CENTRALITY_MEASURES, centrality } from '../../renderer/src/analysis/centrality';
import { DEFAULT_NETWORK_OPTIONS, measuredNetwork } from '../../renderer/src/analysis/network-view';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { call } from './annotations-support';
import { readRows, uniqueCaseId } from './import-helpers';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const REFERENCE_SCRIPT = path.join(root, 'test', 'reference', 'centrality_networkx.py');
const TOLERANCE = 1e-9;
let driver: Driver;
let workbench: Workbench;

beforeAll(async () => {
  driver = createTestDriver();
  await applyMigrations(driver);
  workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: tempDataDir() });
  await workbench.start();
});

afterAll(async () => {
  await workbench?.shutdown();
  await driver?.close();
});

/**
 * The documented command, run as a user would (npm run import), against the test database; in English, which
 * the assertions read, whatever the language of the machine running the tests.
 */
async function npmRunImport(args: string[]): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', 'import', '--', ...args, '--language', 'en'], {
    cwd: root,
    env: { ...process.env, NEO4J_URI: testNeo4jUri(), NEO4J_USER: 'neo4j', NEO4J_PASSWORD: 'neo4j' },
    maxBuffer: 10 * 1024 * 1024,
  });
  return stdout;
}

/** The case's network as the database holds it: node ids, and links "from>to" → weight (and count). */
async function networkOf(caseId: string): Promise<{ nodes: string[]; links: Map<string, { weight: number; count: number; type: string; directed: boolean }> }> {
  const nodes = await readRows(driver, 'MATCH (p:Person {caseId: $caseId}) RETURN p.networkId AS id ORDER BY id', { caseId });
  const links = await readRows(
    driver,
    `MATCH (a:Person {caseId: $caseId})-[r]->(b:Person {caseId: $caseId})
     RETURN a.networkId AS a, b.networkId AS b, type(r) AS type, r.weight AS weight, r.count AS count, r.directed AS directed`,
    { caseId },
  );
  return {
    nodes: nodes.map((row) => String(row.id)),
    links: new Map(
      links.map((row) => {
        const directed = row.directed !== false;
        const ids = [String(row.a), String(row.b)];
        if (!directed) ids.sort();
        return [ids.join('>'), { weight: Number(row.weight), count: Number(row.count), type: String(row.type), directed }];
      }),
    ),
  };
}

/** The imported case as an analyst charts it: found in the case list, expanded to its source file, the
 * source to the records it holds, and those to their links of the spec's type (all through `expand`). */
async function chartOfImportedCase(caseId: string, linkType: LinkSummary['type']): Promise<{ entities: EntitySummary[]; links: LinkSummary[] }> {
  const api = workbench.handlers;
  expect((await api.listCases({})).cases.map((c) => c.id)).toContain(caseId);
  const entities = new Map<string, EntitySummary>();
  const links = new Map<string, LinkSummary>();
  const expand = async (ids: string[], relationshipTypes: LinkSummary['type'][]) => {
    const result = await api.expand({ ids, relationshipTypes, direction: 'both', exclude: [...entities.keys()], limit: 10_000 });
    expect(result.omitted).toBe(0);
    for (const node of result.nodes) entities.set(node.id, node);
    for (const link of result.links) links.set(link.id, link);
    return result;
  };
  entities.set(caseId, (await api.getEntity({ id: caseId })).entity);
  const sources = await expand([caseId], ['PART_OF']);
  const records = await expand(sources.nodes.map((n) => n.id), ['RECORDED_IN']);
  await expand(records.nodes.map((n) => n.id), [linkType]);
  return { entities: [...entities.values()], links: [...links.values()] };
}

type FileFormat = 'edge-list' | 'adjacency-matrix';
type FileReference = Record<(typeof CENTRALITY_MEASURES)[number] | 'weightedDegree', Record<string, number>> & { nodes: number; edges: number };

/** networkx's centralities of the file itself, read by the Python reference (not through Schakel). */
function networkxOfFile(file: string, format: FileFormat): FileReference {
  const request = { files: [{ name: 'file', path: path.join(root, file), format }] };
  const output = execFileSync('python3', [REFERENCE_SCRIPT], { input: JSON.stringify(request), encoding: 'utf8' });
  return (JSON.parse(output) as { graphs: { file: FileReference } }).graphs.file;
}

/** How many links the file holds once rows of one pair and kind are one link (and, in a matrix, each non-zero cell). */
function linksInFile(file: string, format: FileFormat, directed: boolean): number {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  if (format === 'adjacency-matrix') {
    const [header, ...rows] = Papa.parse<string[]>(text.trim()).data;
    const cells = rows.flatMap((row) => row.slice(1).map((cell, i) => ({ from: row[0], to: header[i + 1], cell })));
    return cells.filter(({ from, to, cell }) => from !== to && Number(cell) !== 0 && (directed || from < to)).length;
  }
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  const pair = (row: Record<string, string>) => (directed ? [row.source, row.target] : [row.source, row.target].sort()).join('>');
  return new Set(rows.map((row) => `${pair(row)}|${(row.type ?? '').toUpperCase() === 'ASSOCIATE OF' ? '' : (row.type ?? '')}`)).size;
}

/** The imported network's centralities, measured as the Centrality panel does, equal networkx's on the file. */
async function expectCentralitiesOfFile(specPath: string, file: string, format: FileFormat): Promise<void> {
  const spec = loadImportSpec(path.join(root, specPath));
  if (spec.kind !== 'network') throw new Error(`${specPath} is not a network specification`);
  const chart = await chartOfImportedCase(spec.case.id, spec.linkType);
  const reference = networkxOfFile(file, format);

  // Nothing dropped or duplicated: the chart holds the file's people and exactly one link per link of the file.
  const people = chart.entities.filter((e) => e.type === spec.entityType);
  expect(people.length).toBe(reference.nodes);
  expect(chart.links.filter((l) => l.type === spec.linkType).length).toBe(linksInFile(file, format, spec.directed ?? true));
  const byDefault = measuredNetwork(chart);
  expect({ nodes: byDefault.nodes, links: byDefault.links }).toEqual({ nodes: reference.nodes, links: reference.edges });

  // Scores are keyed by entity id; networkx by the file's ids, which the import keeps as networkId.
  const fileIdOf = new Map(people.map((e) => [e.id, String(e.properties.networkId)]));
  const compare = (ours: Record<string, number>, theirs: Record<string, number>, what: string) => {
    const byFileId = Object.fromEntries(Object.entries(ours).map(([id, value]) => [fileIdOf.get(id), value]));
    expect(Object.keys(byFileId).sort()).toEqual(Object.keys(theirs).sort());
    for (const [id, value] of Object.entries(theirs)) {
      if (!(Math.abs(byFileId[id] - value) <= TOLERANCE)) throw new Error(`${file} ${what} of ${id}: Schakel ${byFileId[id]}, networkx ${value}`);
    }
  };
  for (const measure of CENTRALITY_MEASURES) compare(centrality(byDefault.input, measure), reference[measure], measure);
  const weighted = measuredNetwork(chart, { ...DEFAULT_NETWORK_OPTIONS, weighted: true });
  compare(centrality(weighted.input, 'degree'), reference.weightedDegree, 'weighted degree');
}

describe('an edge list from the README', () => {
  const specPath = 'docs/import-specs/network-edge-list.json';
  const filePath = 'docs/import-specs/samples/co-offending-edge-list.csv';

  it('imports every person and one link per pair with the summed weight', { timeout: 120_000 }, async () => {
    const output = await npmRunImport(['--spec', specPath, filePath, '--no-resolve']);
    expect(output).toMatch(/Import completed\./);
    expect(output).toMatch(/Rows imported: +12\n/);
    expect(output).toMatch(/Entity resolution was not run \(--no-resolve\)/);

    // What the file says, computed here from its rows: undirected pairs, weights summed per pair and type.
    const rows = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(root, filePath), 'utf8'), { header: true, skipEmptyLines: true }).data;
    const expected = new Map<string, { weight: number; count: number }>();
    for (const row of rows) {
      const key = `${[row.source, row.target].sort().join('>')}|${row.type.toUpperCase() === 'ASSOCIATE OF' ? '' : row.type}`;
      const totals = expected.get(key) ?? { weight: 0, count: 0 };
      expected.set(key, { weight: totals.weight + Number(row.weight), count: totals.count + 1 });
    }
    const network = await networkOf(loadImportSpec(path.join(root, specPath)).case.id);
    expect(network.nodes).toEqual([...new Set(rows.flatMap((row) => [row.source, row.target]))].sort());
    // No two kinds share a pair in the sample, so pair → totals is enough to compare.
    expect(Object.fromEntries(network.links)).toEqual(
      Object.fromEntries([...expected].map(([key, totals]) => [key.split('|')[0], { ...totals, type: 'ASSOCIATE_OF', directed: false }])),
    );
  });

  it('charted from its case, has the centralities networkx computes on the file', { timeout: 60_000 }, async () => {
    await expectCentralitiesOfFile(specPath, filePath, 'edge-list');
  });
});

describe('an adjacency matrix from the README (CAVIAR phase 1)', () => {
  const specPath = 'docs/import-specs/network-adjacency-matrix.json';
  const filePath = 'datasets/caviar/phase1.csv';

  it('imports every player and a weighted link per non-zero cell, then runs entity resolution', { timeout: 180_000 }, async () => {
    const output = await npmRunImport(['--spec', specPath, filePath]);
    expect(output).toMatch(/Import completed\./);
    // In a database earlier test files filled, the candidates may number a thousand or more (1,234).
    expect(output).toMatch(/Entity resolution: +\d{1,3}(,\d{3})* new match candidates/);

    const [header, ...rows] = Papa.parse<string[]>(fs.readFileSync(path.join(root, filePath), 'utf8').trim()).data;
    const expectedLinks = new Map<string, { weight: number; count: number; type: string; directed: boolean }>();
    for (const row of rows) {
      row.slice(1).forEach((cell, index) => {
        if (Number(cell) !== 0) expectedLinks.set(`${row[0]}>${header[index + 1]}`, { weight: Number(cell), count: 1, type: 'ASSOCIATE_OF', directed: true });
      });
    }
    const network = await networkOf(loadImportSpec(path.join(root, specPath)).case.id);
    expect(network.nodes).toEqual([...new Set([...header.slice(1), ...rows.map((row) => row[0])])].sort());
    expect(Object.fromEntries(network.links)).toEqual(Object.fromEntries(expectedLinks));
  });

  it('charted from its case, has the centralities networkx computes on the matrix', { timeout: 60_000 }, async () => {
    await expectCentralitiesOfFile(specPath, filePath, 'adjacency-matrix');
  });
});

describe("a public weighted edge list from the README (Zachary's karate club)", () => {
  const specPath = 'docs/import-specs/network-karate-club.json';
  const filePath = 'docs/import-specs/samples/karate-club-edge-list.csv';

  it('imports with the documented command and, charted from its case, has the centralities networkx computes on the file', { timeout: 180_000 }, async () => {
    const output = await npmRunImport(['--spec', specPath, filePath]);
    expect(output).toMatch(/Import completed\./);
    expect(output).toMatch(/Rows imported: +78\n/);
    await expectCentralitiesOfFile(specPath, filePath, 'edge-list');
  });
});

describe('a GraphML network from the import dialog', () => {
  it('is previewed and imported through the API like any file, with the example specification', { timeout: 180_000 }, async () => {
    const workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, localDataDir: tempDataDir(), identity: { name: 'Test analyst', role: 'analyst' } });
    await workbench.start();
    try {
      const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="w" for="edge" attr.name="weight" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="x1"/><node id="x2"/><node id="x3"/><node id="x4"/>
    <edge source="x1" target="x2"><data key="w">3</data></edge>
    <edge source="x2" target="x3"/>
    <edge source="x3" target="x1"><data key="w">veel</data></edge>
  </graph>
</graphml>`;
      const file = { name: 'netwerk.graphml', base64: Buffer.from(graphml).toString('base64') };
      const preview = await call(workbench, 'previewImport', file);
      expect(preview.format).toBe('graphml');
      const example = preview.examples.find((candidate) => candidate.file === 'network-graphml.json')!;
      const caseId = uniqueCaseId('NL');
      const { importId } = await call(workbench, 'startImport', { ...file, spec: { ...example.spec, case: { ...(example.spec.case as object), id: caseId } } });
      await expect.poll(async () => (await call(workbench, 'getImportStatus', { importId })).state, { timeout: 120_000, interval: 100 }).not.toBe('running');
      const status = await call(workbench, 'getImportStatus', { importId });
      expect(status).toMatchObject({ state: 'done', fraction: 1, counts: { rowsRead: 7, rowsImported: 6, rowsRejected: 1 } });
      expect(status.rejectsFile).toBeDefined();
      const network = await networkOf(caseId);
      expect(network.nodes).toEqual(['x1', 'x2', 'x3', 'x4']);
      expect(Object.fromEntries(network.links)).toEqual({
        'x1>x2': { weight: 3, count: 1, type: 'ASSOCIATE_OF', directed: false },
        'x2>x3': { weight: 1, count: 1, type: 'ASSOCIATE_OF', directed: false },
      });
    } finally {
      await workbench.shutdown();
    }
  });
});
