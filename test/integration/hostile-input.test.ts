// Hostile input through the real browser-mode transport, against the real backend and the test Neo4j:
//  - named cases that once answered 500 (impossible dates, a 300-character file name, an unknown database,
//    a malformed %-escape, a lone surrogate in an export, JSON nested thousands deep) now answer 4xx with a
//    plain message;
//  - a fast-check property over EVERY operation of the contract (the list comes from the contract itself, so
//    a new operation is fuzzed without touching this file): generated requests mixing valid values, lone
//    surrogates, bidi and control characters, huge strings, wrong types, missing and extra fields. No answer
//    may be a 5xx, and every audited operation that reached its handler leaves exactly one audit entry
//    (counted per operation before and after), so no consultation is ever answered without its trace.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPERATION_NAMES, requestSchemas, type ApiEnvelope, type OperationName } from '../../contract/api';
import { OPERATION_POLICIES } from '../../contract/operations';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { AUDIT_ENTRY_LABEL } from '../../graph-queries/audit';
import { seedDemo } from '../../demo-data/seed';
import { startWebServer, type RunningWebServer } from '../../web-server/server';
import { createTestDriver, testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';
import { hostileRequest, type FuzzPools } from './hostile-requests';

/** Requests per CI run; SCHAKEL_FUZZ_REQUESTS raises it for a longer soak. */
const REQUESTS = Number(process.env.SCHAKEL_FUZZ_REQUESTS ?? 10_000);

let driver: Driver;
let workbench: Workbench;
let server: RunningWebServer;
let pools: FuzzPools;

interface Answer {
  status: number;
  body: ApiEnvelope<unknown> | null;
}

/** Milliseconds spent per operation, printed with SCHAKEL_FUZZ_TIMING=1 to find what slows the run. */
const timing = new Map<string, { count: number; ms: number }>();

async function post(operation: string, body: unknown): Promise<Answer> {
  const started = performance.now();
  const answer = await send(operation, body);
  const spent = timing.get(operation) ?? { count: 0, ms: 0 };
  timing.set(operation, { count: spent.count + 1, ms: spent.ms + performance.now() - started });
  return answer;
}

/** A request still unanswered after this long is a hang: reported with its operation, not as a bare socket error. */
const ANSWER_WITHIN_MS = 120_000;

async function send(operation: string, body: unknown): Promise<Answer> {
  return sendText(operation, JSON.stringify(body));
}

/** Sends a body as it is written: for JSON no JSON.stringify could produce (nesting deeper than its stack). */
async function sendText(operation: string, body: string): Promise<Answer> {
  let text: string;
  let status: number;
  try {
    const response = await fetch(`${server.origin}/api/${operation}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Schakel-Token': server.token },
      body,
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return { status: 0, body: null };
    throw error;
  }
  let parsed: ApiEnvelope<unknown> | null = null;
  try {
    parsed = JSON.parse(text) as ApiEnvelope<unknown>;
  } catch {
    parsed = null;
  }
  return { status, body: parsed };
}

async function result<T>(operation: OperationName, body: unknown): Promise<T> {
  const answer = await post(operation, body);
  if (!answer.body?.ok) throw new Error(`${operation} failed: ${JSON.stringify(answer.body)}`);
  return answer.body.result as T;
}

/** Whether the request reached the operation's handler (and so its audit wrapper): schema refusals carry `invalid`. */
function reachedHandler(answer: Answer): boolean {
  if (!answer.body) return false;
  return answer.body.ok || !answer.body.error.invalid;
}

beforeAll(async () => {
  driver = createTestDriver();
  await seedDemo(driver, { scale: 1, dataDir: tempDataDir() });
  const staticDir = mkdtempSync(join(tmpdir(), 'schakel-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Schakel</title>');
  const dataDir = tempDataDir();
  workbench = createWorkbench({
    neo4j: { uri: testNeo4jUri() },
    localDataDir: dataDir,
    exportsDir: join(dataDir, 'exports'),
    importsDir: join(dataDir, 'imports'),
    identity: { name: 'Fuzz Analyst', role: 'analyst' },
    log: () => undefined,
  });
  await workbench.start();
  server = await startWebServer({ workbench, staticDir });

  const { records } = await driver.executeQuery('MATCH (n) WHERE n.id IS NOT NULL AND NOT n:AuditEntry RETURN n.id AS id LIMIT 40');
  const entityIds = records.map((record) => String(record.get('id')));
  const chart = await result<{ id: string }>('saveChart', {
    chart: { format: 'schakel-chart', version: 1, id: 'chart-fuzz-1', title: 'Fuzz chart', entities: [], links: [] },
  });
  const link = await result<{ annotation: { id: string } }>('createAnalystLink', {
    fromId: entityIds[0],
    toId: entityIds[1],
    status: 'hypothesis',
    sourceReliability: 'B',
    informationReliability: '2',
    handling: 'H0',
  });
  pools = { entityIds, chartIds: [chart.id, 'chart-missing'], annotationIds: [link.annotation.id, 'AL-missing'], neo4jUri: testNeo4jUri() };
}, 240_000);

afterAll(async () => {
  if (process.env.SCHAKEL_FUZZ_TIMING) {
    const rows = [...timing].sort((a, b) => b[1].ms - a[1].ms).map(([operation, { count, ms }]) => `${operation}: ${count} requests, ${Math.round(ms)} ms`);
    console.log(rows.join('\n'));
  }
  await server?.close();
  await workbench?.shutdown();
  await driver?.close();
});

describe('named hostile inputs answer 4xx with a plain message', () => {
  it('refuses impossible dates in the schema, naming the field', async () => {
    for (const until of ['2024-02-30', '2024-13-01', '2024-03-01T25:00']) {
      const answer = await post('search', { query: 'jan', until });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', invalid: { field: 'until', rule: 'invalid_date' } } });
    }
    expect((await post('search', { query: 'jan', until: '2024-02-29' })).status).toBe(200);
  });

  it('reads a date-time written with a space between date and time as the same moment, in every operation with dates', async () => {
    for (const [written, iso] of [['2024-03-01 12:00', '2024-03-01T12:00'], ['2024-03-01 12:00:00-05:00', '2024-03-01T12:00:00-05:00']]) {
      const spaced = await post('search', { query: 'jan', from: written, until: written });
      expect(spaced.status, written).toBe(200);
      expect(spaced.body).toEqual((await post('search', { query: 'jan', from: iso, until: iso })).body);
      expect((await post('listAuditEntries', { from: written, until: written })).status, written).toBe(200);
    }
  });

  it('refuses lone surrogates, bidi overrides and control characters in free text, naming the field', async () => {
    const cases: [OperationName, unknown, string][] = [
      ['search', { query: 'jan\ud800' }, 'query'],
      ['expand', { ids: ['P-1', '\udc00'] }, 'ids.1'],
      ['renameChart', { id: 'chart-fuzz-1', title: 'Evidence \u202Efdp.exe' }, 'title'],
      ['listAuditEntries', { user: 'a\u0007' }, 'user'],
    ];
    for (const [operation, request, field] of cases) {
      const answer = await post(operation, request);
      expect(answer.status, operation).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', invalid: { field, rule: 'invalid_text' } } });
      if (!answer.body?.ok) expect(answer.body?.error.message).toContain(field);
    }
  });

  it('refuses an export whose cover, recipient or justification holds a lone surrogate or bidi override', async () => {
    const chart = { format: 'schakel-chart', version: 1, id: 'chart-export', title: 'Export', entities: [], links: [] };
    const base = { chart, formats: ['json'], cover: { title: 'Exhibit', classification: 'RESTRICTED' }, disclosure: {}, justification: 'Court order 12', recipient: 'Public prosecutor' };
    const variants: [Record<string, unknown>, string][] = [
      [{ ...base, cover: { ...base.cover, title: 'Exhibit \ud800' } }, 'cover.title'],
      [{ ...base, recipient: 'Prosecutor \u202Eroftucesorp' }, 'recipient'],
      [{ ...base, justification: 'Order \u2066hidden\u2069' }, 'justification'],
    ];
    for (const [request, field] of variants) {
      const answer = await post('exportChart', request);
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { invalid: { field, rule: 'invalid_text' } } });
      expect(JSON.stringify(answer.body)).not.toMatch(/writable/);
    }
  });

  it('refuses free-form JSON nested too deeply, or with a broken character deep inside, naming the field', async () => {
    const nestedText = (levels: number, leaf: string) => `${'['.repeat(levels)}${leaf}${']'.repeat(levels)}`;
    const chart = chartDocument('chart-deep');
    const exportRequest = { chart, formats: ['json'], cover: { title: 'Exhibit', classification: 'RESTRICTED' }, disclosure: {}, justification: 'Court order 12', recipient: 'Public prosecutor' };
    const base64 = Buffer.from('name;phone\nJan;+31612345678\n').toString('base64');
    const requests: [OperationName, string, string][] = [
      ['saveChart', `{"chart":${JSON.stringify(chart).slice(0, -1)},"filters":{"types":__VALUE__}}}`, 'chart.filters.types'],
      ['exportChart', JSON.stringify({ ...exportRequest, queries: ['__VALUE__'] }).replace('"__VALUE__"', '__VALUE__'), 'queries.0'],
      ['startImport', JSON.stringify({ name: 'people.csv', base64, spec: '__VALUE__' }).replace('"__VALUE__"', '__VALUE__'), 'spec'],
    ];
    for (const [operation, template, field] of requests) {
      const tooDeep = await sendText(operation, template.replace('__VALUE__', nestedText(10_000, '1')));
      expect(tooDeep.status, operation).toBe(400);
      expect(tooDeep.body, operation).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', invalid: { field, rule: 'invalid' } } });
      const brokenDeepInside = await sendText(operation, template.replace('__VALUE__', nestedText(60, '"x\\ud800"')));
      expect(brokenDeepInside.status, operation).toBe(400);
      expect(brokenDeepInside.body, operation).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', invalid: { field, rule: 'invalid_text' } } });
    }
  });

  it('refuses a chart whose positions are so far apart that an export cannot scale them, before any export is written', async () => {
    const chart = chartDocument('chart-far-apart', [
      { id: 'P-1', type: 'Person', label: 'Jan', properties: {}, position: { x: 1e308, y: -1e308 } },
      { id: 'P-2', type: 'Person', label: 'Piet', properties: {}, position: { x: -1e308, y: 1e308 } },
    ]);
    const exportRequest = { chart, cover: { title: 'Exhibit', classification: 'RESTRICTED' }, disclosure: {}, justification: 'Court order 12', recipient: 'Public prosecutor' };
    for (const formats of [['pdf'], ['svg']]) {
      const answer = await post('exportChart', { ...exportRequest, formats });
      expect(answer.status, formats[0]).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', invalid: { field: 'chart.entities.0.position.x' } } });
    }
    const saved = await post('saveChart', { chart });
    expect(saved.status).toBe(400);
    const opened = await post('parseChartFile', { text: JSON.stringify(chart) });
    expect(opened.status).toBe(400);
  });

  it('refuses a merged entity whose records hold a lone surrogate, as it refuses one in any other chart text', async () => {
    const chart = chartDocument('chart-merged', [
      { id: 'P-1', type: 'Person', label: 'Jan', properties: {}, records: [{ id: 'P-BE-1', label: 'Jan \ud800Peeters' }, { id: 'P-NL-\udc00', label: 'Jan' }] },
    ]);
    const exported = await post('exportChart', { chart, formats: ['graphml'], cover: { title: 'Exhibit', classification: 'RESTRICTED' }, disclosure: {}, justification: 'Court order 12', recipient: 'Public prosecutor' });
    const saved = await post('saveChart', { chart });
    for (const answer of [exported, saved]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', invalid: { field: 'chart.entities.0.records.0.label', rule: 'invalid_text' } } });
    }
  });

  it('refuses an import file name that is too long for the file system, with a 400', async () => {
    const base64 = Buffer.from('name;phone\nJan;+31612345678\n').toString('base64');
    const tooLong = await post('previewImport', { name: `${'a'.repeat(296)}.csv`, base64 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body).toMatchObject({ ok: false, error: { invalid: { field: 'name', rule: 'too_long' } } });
    // Within the character limit but over 255 bytes once UTF-8 encoded: the file system's refusal is a 400 too.
    const wideCharacters = await post('previewImport', { name: `${'é'.repeat(190)}.csv`, base64 });
    expect(wideCharacters.status).toBeLessThan(500);
  });

  it('answers a connection to a database that does not exist with DB_NOT_FOUND and keeps the working one', async () => {
    const answer = await post('connect', { uri: testNeo4jUri(), database: 'nosuchdatabase' });
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'DB_NOT_FOUND' } });
    expect(await result('getConnectionStatus', {})).toMatchObject({ state: 'connected', uri: testNeo4jUri() });
  });

  it('answers a malformed %-escape in the address with 400', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/assets/%zz.js']) {
      const response = await fetch(`${server.origin}${path}`);
      expect(response.status, path).toBe(400);
    }
  });

  it('refuses a chart with a link to a missing entity the same way whether opened or imported', async () => {
    const damaged = chartDocument(
      'chart-damaged',
      [{ id: 'P-1', type: 'Person', label: 'Jan', properties: {} }],
      [{ id: 'L-1', type: 'CALLED', source: 'P-1', target: 'P-404', properties: {} }],
    );
    const text = JSON.stringify(damaged);
    const opened = await post('parseChartFile', { text });
    const imported = await post('importChartFile', { name: 'damaged.json', base64: Buffer.from(text).toString('base64') });
    for (const answer of [opened, imported]) {
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringContaining('link "L-1" points to entity "P-404", which is not in the file') } });
    }
  });
});

describe('fuzzing every operation of the contract', () => {
  it('covers every operation the contract names', () => {
    expect(new Set(Object.keys(OPERATION_POLICIES))).toEqual(new Set(OPERATION_NAMES));
    expect(OPERATION_NAMES.length).toBeGreaterThan(40);
  });

  it(
    `answers ${REQUESTS.toLocaleString('en')} generated requests without a 5xx, each audited operation leaving exactly one entry`,
    async () => {
      // The corpus is generated up front from a fixed seed (SCHAKEL_FUZZ_SEED reproduces another run) and sent
      // CONCURRENCY at a time, so slow operations overlap instead of holding up a whole batch.
      const requestArbitraries = new Map(OPERATION_NAMES.map((operation) => [operation, hostileRequest(operation, requestSchemas[operation], pools)]));
      const corpus = fc.sample(
        fc.constantFrom(...OPERATION_NAMES).chain((operation) => requestArbitraries.get(operation)!.map((body) => ({ operation, body }))),
        { numRuns: REQUESTS, seed: Number(process.env.SCHAKEL_FUZZ_SEED ?? 20261204) },
      );
      // Generating blocked the event loop: let the HTTP client notice keep-alive sockets the server closed meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = await auditEntriesByOperation();
      const answers = await sendAll(corpus);
      const after = await auditEntriesByOperation();

      const problems = answers
        .map((answer, index) => ({ ...corpus[index], status: answer.status, answer: answer.body }))
        .filter(({ status, answer }) => status >= 500 || answer === null)
        .map(({ operation, body, status, answer }) => `${operation} ${JSON.stringify(body).slice(0, 200)} → ${status} ${JSON.stringify(answer).slice(0, 200)}`);
      expect(problems, 'no request may answer 5xx or without an envelope').toEqual([]);

      const expected = new Map<string, number>();
      answers.forEach((answer, index) => {
        const { operation } = corpus[index];
        if (OPERATION_POLICIES[operation].category !== null && reachedHandler(answer)) expected.set(operation, (expected.get(operation) ?? 0) + 1);
      });
      const written = new Map([...after].map(([operation, count]) => [operation, count - (before.get(operation) ?? 0)]));
      for (const operation of new Set([...OPERATION_NAMES, ...after.keys()])) {
        expect(written.get(operation) ?? 0, `audit entries written for ${operation}`).toBe(expected.get(operation) ?? 0);
      }
      expect(new Set(corpus.map(({ operation }) => operation))).toEqual(new Set(OPERATION_NAMES));
      expect(await result('getConnectionStatus', {})).toMatchObject({ state: 'connected', uri: testNeo4jUri() });
    },
    600_000,
  );
});

/** A chart document as a chart file holds it. */
function chartDocument(id: string, entities: unknown[] = [], links: unknown[] = []) {
  return { format: 'schakel-chart', version: 1, id, title: `Chart ${id}`, entities, links };
}

const CONCURRENCY = 12;

/** Exports write their own, richer entry under these action names when they succeed. */
const OPERATION_OF_SELF_AUDITED_ACTION: Record<string, OperationName> = { export: 'exportChart', 'export.png': 'savePngExport' };

/** Sends every request, at most CONCURRENCY at a time; answers in the corpus's order. */
async function sendAll(corpus: { operation: string; body: unknown }[]): Promise<Answer[]> {
  const answers: Answer[] = new Array(corpus.length);
  let next = 0;
  const worker = async () => {
    while (next < corpus.length) {
      const index = next++;
      answers[index] = await post(corpus[index].operation, corpus[index].body);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return answers;
}

/** Audit entries per operation, read straight from the database (and the journal, which must stay empty). */
async function auditEntriesByOperation(): Promise<Map<string, number>> {
  const { journalPending } = await result<{ journalPending: number }>('listAuditEntries', { limit: 1 });
  expect(journalPending, 'no audit entry waits in the local journal: the database is up').toBe(0);
  const { records } = await driver.executeQuery(`MATCH (e:${AUDIT_ENTRY_LABEL}) RETURN e.operation AS operation, count(*) AS entries`);
  const counts = new Map<string, number>();
  for (const record of records) {
    const action = String(record.get('operation'));
    const operation = OPERATION_OF_SELF_AUDITED_ACTION[action] ?? action;
    counts.set(operation, (counts.get(operation) ?? 0) + Number(record.get('entries')));
  }
  return counts;
}
