// Networks imported without code, exactly as the README says: `npm run import -- --spec <example> <file>`
// against the real test Neo4j, for the sample edge list and a CAVIAR adjacency matrix. The network in the
// database (entities, links, weights) must be the file's network, so centralities computed on it (weighted
// or not) are those of the file; the command line also runs entity resolution unless told not to.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench } from '../../backend/workbench';
import { applyMigrations } from '../../graph-queries/migrations';
import { loadImportSpec } from '../../import';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { call } from './annotations-support';
import { readRows, uniqueCaseId } from './import-helpers';

const root = path.resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);
let driver: Driver;

beforeAll(async () => {
  driver = createTestDriver();
  await applyMigrations(driver);
});

afterAll(async () => {
  await driver?.close();
});

/** The documented command, run as a user would (npm run import), against the test database. */
async function npmRunImport(args: string[]): Promise<string> {
  const { stdout } = await run('npm', ['run', '--silent', 'import', '--', ...args], {
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
});

describe('an adjacency matrix from the README (CAVIAR phase 1)', () => {
  const specPath = 'docs/import-specs/network-adjacency-matrix.json';
  const filePath = 'datasets/caviar/phase1.csv';

  it('imports every player and a weighted link per non-zero cell, then runs entity resolution', { timeout: 180_000 }, async () => {
    const output = await npmRunImport(['--spec', specPath, filePath]);
    expect(output).toMatch(/Import completed\./);
    expect(output).toMatch(/Entity resolution: +\d+ new match candidates/);

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
