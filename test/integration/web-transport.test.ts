// The browser-mode transport against a real backend and a real Neo4j: token, host and request checks.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkbench, type Workbench } from '../../backend/workbench';
import { startWebServer, type RunningWebServer } from '../../web-server/server';
import { testNeo4jUri } from '../setup/neo4j';
import { tempDataDir } from '../setup/temp-data-dir';

let workbench: Workbench;
let server: RunningWebServer;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'schakel-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Schakel</title>');
  workbench = createWorkbench({ neo4j: { uri: testNeo4jUri() }, localDataDir: tempDataDir(), log: () => undefined });
  await workbench.start();
  server = await startWebServer({ workbench, staticDir });
});

afterAll(async () => {
  await server?.close();
  await workbench?.shutdown();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are checked by the assertions
type Json = any;

function post(operation: string, body: unknown, headers: Record<string, string> = { 'X-Schakel-Token': server.token }) {
  return fetch(`${server.origin}/api/${operation}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('browser transport', () => {
  it('listens on 127.0.0.1 and prints an address that carries the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
  });

  it('answers a valid request with the token', async () => {
    const response = await post('getConnectionStatus', {});
    expect(response.status).toBe(200);
    const body: Json = await response.json();
    expect(body).toMatchObject({ ok: true, result: { state: 'connected', uri: testNeo4jUri() } });
    expect(body.result.serverVersion).toMatch(/^Neo4j\/5\./);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    const missing = await post('getConnectionStatus', {}, {});
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as Json).error.code).toBe('UNAUTHORIZED');
    const wrong = await post('getConnectionStatus', {}, { 'X-Schakel-Token': 'guess' });
    expect(wrong.status).toBe(401);
  });

  it('answers malformed requests with a 4xx and a message, and keeps serving', async () => {
    const notJson = await post('search', '{"query": ');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as Json).error.message).toMatch(/not valid JSON/);

    const invalid = await post('search', { query: 123 });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as Json).error.message).toMatch(/query/);

    const unknown = await post('deleteEverything', {});
    expect(unknown.status).toBe(400);

    const wrongMethod = await fetch(`${server.origin}/api/search`, { headers: { 'X-Schakel-Token': server.token } });
    expect(wrongMethod.status).toBe(405);

    expect((await post('getConnectionStatus', {})).status).toBe(200);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path: '/api/getConnectionStatus', method: 'POST', headers: { Host: 'attacker.example', 'X-Schakel-Token': server.token } },
        (res) => resolve(res.statusCode ?? 0),
      );
      req.on('error', reject);
      req.end('{}');
    });
    expect(status).toBe(421);
  });

  it('serves the page with a strict CSP and no files outside the app', async () => {
    const page = await fetch(`${server.origin}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const traversal = await fetch(`${server.origin}/..%2F..%2Fpackage.json`);
    expect(traversal.status).toBe(404);
  });
});
