// The court export through the workbench API on a real Neo4j with the demo investigation: a chart built
// by search and expand is exported to every format into a fresh folder under the exports directory, the
// manifest verifies, the disclosure is written to the audit sink with its justification and recipient,
// H1/H2 items are stopped, left out or disclosed under recorded permission, the PNG joins the manifest,
// files are read back only from inside the exports folder, and exported files import back.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, type OperationName, type RequestOf, type ResponseOf } from '../../contract/api';
import { CHART_FORMAT, CHART_FORMAT_VERSION, type ChartDocument } from '../../contract/chart';
import type { EntitySummary, LinkSummary } from '../../contract/model';
import type { AuditEvent, AuditSink } from '../../backend/audit-sink';
import { dispatch } from '../../backend/dispatch';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { seedDemo } from '../../demo-data/seed';
import { verifyExport } from '../../export/index';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';

// The data dir (audit journal, settings) and the exports both live in a throw-away folder.
const dataDir = mkdtempSync(join(tmpdir(), 'schakel-export-api-'));
const exportsDir = join(dataDir, 'exports');
const recorded: AuditEvent[] = [];
/** A test double for the audit log: keeps what the export reports, so the test can read it. */
const recordingSink: AuditSink = {
  async record(event) {
    recorded.push(event);
  },
};
let workbench: Workbench;
let chart: ChartDocument;

async function call<K extends OperationName>(operation: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
  const envelope = await dispatch(workbench.handlers, operation, request);
  if (!envelope.ok) throw new ApiError(envelope.error);
  return envelope.result as ResponseOf<K>;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

function chartFrom(entities: EntitySummary[], links: LinkSummary[]): ChartDocument {
  return {
    format: CHART_FORMAT,
    version: CHART_FORMAT_VERSION,
    id: 'chart-export-api-test',
    title: 'Onderzoek Hazeldonk — Frédérique & co',
    entities: entities.map((entity, index) => ({ ...entity, position: { x: (index % 8) * 140, y: Math.floor(index / 8) * 120 } })),
    links: links.map((link) => ({ ...link })),
  };
}

/** The chart with its entities graded H0 except one, which gets `handling`. */
function chartWithOneRestricted(handling: 'H1' | 'H2'): { chart: ChartDocument; restrictedId: string } {
  const entities = chart.entities.map((entity) => ({ ...entity, handling: 'H0' }));
  // One that no other element names in its provenance (a Source or a Case is named in every record it
  // holds), so leaving it out leaves no mention of its id; links to it go with it.
  const namedElsewhere = (id: string) =>
    JSON.stringify([entities.filter((entity) => entity.id !== id), chart.links.map(({ source: _source, target: _target, ...link }) => link)]).includes(`"${id}"`);
  const restricted = entities.find((entity, index) => index > 0 && !namedElsewhere(entity.id))!;
  restricted.handling = handling;
  return { chart: { ...chart, entities, links: chart.links.map((link) => ({ ...link, handling: 'H0' })) }, restrictedId: restricted.id };
}

function exportRequest(overrides: Partial<RequestOf<'exportChart'>> = {}): RequestOf<'exportChart'> {
  return {
    chart,
    formats: ['pdf', 'svg', 'graphml', 'anx', 'json'],
    cover: { title: 'Plofkraken A16 — netwerk', classification: 'VERTROUWELIJK', caseReference: 'JIT NL-BE 2024/0007', organisation: 'Politie Zeeland-West-Brabant' },
    disclosure: { mode: 'omit' },
    justification: 'Vordering onderzoeksrechter AN.12.34.2024',
    recipient: 'Onderzoeksrechter Antwerpen',
    pageSize: 'A4',
    orientation: 'landscape',
    fit: 'fit',
    ...overrides,
  };
}

/** A real PNG (8×8 white, RGB) built by hand so the test needs no image library. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (data: Buffer) => {
    let c = 0xffffffff;
    for (const byte of data) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: 8 }, () => Buffer.concat([Buffer.from([0]), Buffer.alloc(24, 0xff)])));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

beforeAll(async () => {
  const driver = createTestDriver();
  try {
    await seedDemo(driver, { scale: 1 });
  } finally {
    await driver.close();
  }
  workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, log: () => undefined, userName: 'analist.test', audit: recordingSink, exportsDir, localDataDir: dataDir });
  await workbench.start();
  // Build the chart as an analyst would: find a person, expand their network.
  const { hits } = await call('search', { query: 'Jan', types: ['Person'], limit: 5 });
  expect(hits.length).toBeGreaterThan(0);
  const expansion = await call('expand', { ids: [hits[0]!.id], limit: 60 });
  const { matchedOn: _m, score: _s, ...person } = hits[0]!;
  // Graded H0 throughout, so nothing is withheld unless a test restricts an item on purpose.
  const cleared = <T extends { handling?: string }>(item: T): T => ({ ...item, handling: 'H0' });
  chart = chartFrom([person, ...expansion.nodes.filter((node) => node.id !== person.id)].map(cleared), expansion.links.map(cleared));
  expect(chart.entities.length).toBeGreaterThan(2);
  expect(chart.links.length).toBeGreaterThan(1);
});

afterAll(async () => {
  await workbench?.shutdown();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('exportChart through the API', () => {
  it('writes every format and a manifest into a new folder, which verifies, and logs the disclosure', async () => {
    recorded.length = 0;
    const result = await call('exportChart', exportRequest());

    expect(result.exportId).toMatch(/^\d{8}T\d{6}Z-plofkraken-a16-netwerk$/);
    expect(result.folder).toBe(join(exportsDir, result.exportId));
    expect(result.files.map((file) => file.format)).toEqual(['pdf', 'svg', 'graphml', 'anx', 'json']);
    for (const file of result.files) {
      const bytes = readFileSync(join(exportsDir, file.path));
      expect(bytes.byteLength).toBe(file.bytes);
    }
    expect(readFileSync(join(result.folder, result.files[0]!.name)).subarray(0, 5).toString()).toBe('%PDF-');
    expect(result.entityCount).toBe(chart.entities.length);
    expect(result.linkCount).toBe(chart.links.length);
    expect(result.withheld).toEqual([]);

    const report = await verifyExport(join(exportsDir, result.manifest.path));
    expect(report.ok).toBe(true);
    expect(report.manifest.user).toBe('analist.test');
    expect(report.manifest.recipient).toBe('Onderzoeksrechter Antwerpen');
    expect(report.manifest.dataVersions.datasets).toContain('demo');
    expect((await call('verifyExport', { exportId: result.exportId })).ok).toBe(true);

    expect(recorded).toHaveLength(1);
    const event = recorded[0]!;
    expect(event).toMatchObject({
      category: 'disclosure',
      action: 'export',
      justification: 'Vordering onderzoeksrechter AN.12.34.2024',
      recipient: 'Onderzoeksrechter Antwerpen',
    });
    expect(event.entityIds).toEqual(expect.arrayContaining(chart.entities.map((entity) => entity.id)));
    expect(event.details).toMatchObject({ exportId: result.exportId, formats: ['pdf', 'svg', 'graphml', 'anx', 'json'], entityCount: chart.entities.length });
  });

  it('refuses an export without justification or recipient before writing anything', async () => {
    const before = readdirSync(exportsDir);
    const error = await refusal(call('exportChart', exportRequest({ justification: '  ', recipient: '' })));
    expect(error.code).toBe('BAD_REQUEST');
    expect(error.message).toMatch(/justification/);
    expect(readdirSync(exportsDir)).toEqual(before);
  });

  it('stops on H1/H2 items with their list and leaves no files, unless they are left out or permission is recorded', async () => {
    const { chart: restrictedChart, restrictedId } = chartWithOneRestricted('H1');
    const before = readdirSync(exportsDir).sort();
    recorded.length = 0;

    const stopped = await refusal(call('exportChart', exportRequest({ chart: restrictedChart, disclosure: { mode: 'stop' } })));
    expect(stopped.code).toBe('CONFLICT');
    expect(stopped.message).toContain(restrictedId);
    expect(readdirSync(exportsDir).sort()).toEqual(before);
    expect(recorded).toEqual([]);

    const omitted = await call('exportChart', exportRequest({ chart: restrictedChart, disclosure: { mode: 'omit' }, name: 'omitted' }));
    expect(omitted.withheld.map((item) => item.id)).toContain(restrictedId);
    expect(omitted.entityCount).toBe(restrictedChart.entities.length - 1);
    const json = readFileSync(join(exportsDir, omitted.files.find((file) => file.format === 'json')!.path), 'utf8');
    expect(json).not.toContain(`"${restrictedId}"`);
    expect(recorded.at(-1)?.details).toMatchObject({ withheldIds: expect.arrayContaining([restrictedId]) });
    expect(recorded.at(-1)?.entityIds).not.toContain(restrictedId);

    const permitted = await call(
      'exportChart',
      exportRequest({ chart: restrictedChart, disclosure: { mode: 'stop', permissionRecorded: { by: 'Politie Eenheid Zuid-Nederland', reference: 'TOESTEMMING-2024-17' } }, name: 'permitted' }),
    );
    expect(permitted.withheld).toEqual([]);
    expect(permitted.disclosedUnderPermission.map((item) => item.id)).toEqual([restrictedId]);
    expect(recorded.at(-1)?.details).toMatchObject({ permissionRecorded: { by: 'Politie Eenheid Zuid-Nederland', reference: 'TOESTEMMING-2024-17' } });
  });

  it('exports only the selection when asked', async () => {
    const selection = chart.entities.slice(0, 2).map((entity) => entity.id);
    const result = await call('exportChart', exportRequest({ selection, formats: ['json'], name: 'selection' }));
    expect(result.entityCount).toBe(2);
  });

  it('removes the export again when the audit log cannot record the disclosure', async () => {
    const failing = createWorkbench({
      neo4j: { uri: testNeo4jUri() },
      log: () => undefined,
      localDataDir: dataDir,
      exportsDir: join(exportsDir, 'unlogged'),
      audit: { record: async () => Promise.reject(new Error('audit store offline')) },
    });
    const envelope = await dispatch(failing.handlers, 'exportChart', exportRequest({ formats: ['json'] }));
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.message).toMatch(/cancelled.*audit log/);
    expect(readdirSync(join(exportsDir, 'unlogged'))).toEqual([]);
  });
});

describe('PNG beside an export', () => {
  it('stores the rasterised chart, adds it to the manifest and logs it; refuses non-PNG data and a second image', async () => {
    const result = await call('exportChart', exportRequest({ formats: ['svg'], name: 'with-png', pngDpi: 150 }));
    const png = tinyPng();
    recorded.length = 0;
    const saved = await call('savePngExport', { exportId: result.exportId, base64: png.toString('base64'), dpi: 150 });
    expect(saved.file.name).toBe('with-png.png');
    expect(readFileSync(join(exportsDir, saved.file.path)).equals(png)).toBe(true);
    const report = await verifyExport(join(exportsDir, saved.manifest.path));
    expect(report.ok).toBe(true);
    expect(report.files.map((file) => file.name)).toEqual(['with-png.svg', 'with-png.png']);
    expect(recorded[0]).toMatchObject({ category: 'disclosure', action: 'export.png', recipient: 'Onderzoeksrechter Antwerpen' });

    expect((await refusal(call('savePngExport', { exportId: result.exportId, base64: png.toString('base64'), dpi: 150 }))).code).toBe('CONFLICT');
    expect((await refusal(call('savePngExport', { exportId: result.exportId, base64: Buffer.from('<svg/>').toString('base64'), dpi: 150 }))).code).toBe('BAD_REQUEST');
    expect((await refusal(call('savePngExport', { exportId: '../../etc', base64: png.toString('base64'), dpi: 150 }))).code).toBe('BAD_REQUEST');

    // One changed byte is caught by verification, naming the file.
    const pngPath = join(exportsDir, saved.file.path);
    const tampered = readFileSync(pngPath);
    tampered[tampered.length - 1] ^= 0xff;
    writeFileSync(pngPath, tampered);
    const verification = await call('verifyExport', { exportId: result.exportId });
    expect(verification.ok).toBe(false);
    expect(verification.message).toContain('with-png.png');
  });
});

describe('readExportFile', () => {
  it('returns a file of an export with its hash, and refuses anything outside the exports folder', async () => {
    const result = await call('exportChart', exportRequest({ formats: ['svg', 'json'], name: 'downloads' }));
    const svg = result.files.find((file) => file.format === 'svg')!;
    const content = await call('readExportFile', { path: svg.path });
    expect(content.mediaType).toBe('image/svg+xml');
    expect(content.sha256).toBe(svg.sha256);
    expect(Buffer.from(content.base64, 'base64').toString('utf8')).toContain('<svg');

    writeFileSync(join(tmpdir(), 'schakel-h12-secret.txt'), 'CONTENT-OUTSIDE-EXPORTS');
    symlinkSync(join(tmpdir(), 'schakel-h12-secret.txt'), join(result.folder, 'leak.txt'));
    const attempts = [
      '../../../../etc/passwd',
      '/etc/passwd',
      `${result.exportId}/../../../../etc/passwd`,
      `${result.exportId}/..`,
      `${result.exportId}\\..\\..\\secret`,
      `${result.exportId}/leak.txt`,
      `${result.exportId}/missing.pdf`,
      `${result.exportId}`,
      'disclosures.jsonl',
    ];
    for (const path of attempts) {
      const error = await refusal(call('readExportFile', { path }));
      expect(error.code, path).toBe('NOT_FOUND');
      expect(error.message).not.toContain('CONTENT-OUTSIDE-EXPORTS');
    }
    rmSync(join(tmpdir(), 'schakel-h12-secret.txt'), { force: true });
  });
});

describe('importChartFile', () => {
  it('reads exported GraphML, ANX and JSON back to the same elements', async () => {
    const result = await call('exportChart', exportRequest({ formats: ['graphml', 'anx', 'json'], name: 'round-trip' }));
    for (const file of result.files) {
      const content = await call('readExportFile', { path: file.path });
      const imported = await call('importChartFile', { name: file.name, base64: content.base64 });
      expect(imported.chart.entities.map((entity) => entity.id).sort(), file.name).toEqual(chart.entities.map((entity) => entity.id).sort());
      expect(imported.chart.links.map((link) => link.id).sort(), file.name).toEqual(chart.links.map((link) => link.id).sort());
    }
  });

  it('imports unknown GraphML types as generic entities with a notice, and refuses external entities and other files', async () => {
    const graphml = `<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="type" for="node" attr.name="type" attr.type="string"/>
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <graph edgedefault="directed">
    <node id="n1"><data key="type">Spaceship</data><data key="label">Millennium Falcon</data></node>
    <node id="n2"><data key="type">Person</data><data key="label">Han</data></node>
    <edge id="e1" source="n2" target="n1"/>
  </graph>
</graphml>`;
    const imported = await call('importChartFile', { name: 'gephi.graphml', base64: Buffer.from(graphml).toString('base64') });
    expect(imported.chart.entities.map((entity) => entity.label).sort()).toEqual(['Han', 'Millennium Falcon']);
    expect(imported.notices.join(' ')).toMatch(/Spaceship/);

    const xxe = `<?xml version="1.0"?><!DOCTYPE g [<!ENTITY x SYSTEM "file:///etc/passwd">]><graphml><graph><node id="a"><data key="label">&x;</data></node></graph></graphml>`;
    expect((await refusal(call('importChartFile', { name: 'evil.graphml', base64: Buffer.from(xxe).toString('base64') }))).code).toBe('BAD_REQUEST');
    const other = await refusal(call('importChartFile', { name: 'notes.docx', base64: Buffer.from('x').toString('base64') }));
    expect(other.code).toBe('BAD_REQUEST');
    expect(other.message).toMatch(/GraphML/);
  });
});

describe('export defaults', () => {
  it('names the user and the exports folder', async () => {
    expect(await call('getExportDefaults', {})).toEqual({ author: 'analist.test', exportsFolder: exportsDir, languages: expect.arrayContaining([expect.objectContaining({ language: 'fr-BE', markings: expect.arrayContaining(['CONFIDENTIEL']) })]) });
    expect(existsSync(exportsDir)).toBe(true);
  });
});
