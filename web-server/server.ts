// The browser-mode transport: the same contract and backend as the Electron IPC transport, over HTTP on
// 127.0.0.1 only, guarded by a per-launch token. Static files are the built renderer.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { ApiEnvelope, ErrorCode } from '../contract/api';
import { pageWithMapTileOrigin } from '../contract/content-security-policy';
import { dispatch } from '../backend/dispatch';
import type { Workbench } from '../backend/workbench';
import { securityHeaders, TOKEN_HEADER, hostAllowed, newLaunchToken, tokenMatches } from './security';

export interface WebServerOptions {
  port?: number;
  host?: '127.0.0.1';
  staticDir?: string;
  workbench: Workbench;
  /** Fixed token for tests; normally a fresh random one per launch. */
  token?: string;
}

export interface RunningWebServer {
  /** Includes the token fragment: open this in the browser. */
  url: string;
  origin: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

// Saved charts and opened chart files travel in one request: a 5,000-entity chart is several megabytes.
const MAX_BODY_BYTES = 64_000_000;
/** Operations that carry a whole chart or a file (court export, its PNG, chart import); their schemas bound them. */
const LARGE_BODY_OPERATIONS = new Set(['exportChart', 'savePngExport', 'importChartFile', 'previewImport', 'startImport']);
const MAX_LARGE_BODY_BYTES = 120 * 1024 * 1024;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

const STATUS_FOR_ERROR: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  READ_ONLY: 403,
  FORBIDDEN: 403,
  CONFLICT: 409,
  DB_BAD_URI: 400,
  DB_NOT_FOUND: 404,
  // The user name or password given was refused: the caller's to correct, not a server fault.
  DB_AUTH: 403,
  DB_UNAVAILABLE: 503,
  DB_STARTING: 503,
  AUDIT_UNAVAILABLE: 503,
  DB_SCHEMA_OUTDATED: 503,
  INTERNAL: 500,
};

export const DEFAULT_STATIC_DIR = resolve(import.meta.dirname, '..', 'dist', 'renderer');

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const token = options.token ?? newLaunchToken();
  const staticDir = resolve(options.staticDir ?? DEFAULT_STATIC_DIR);
  let port = 0;

  const server = createServer((request, response) => {
    handle(request, response).catch((error) => {
      console.error('[schakel] web transport error:', error);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'INTERNAL', message: 'The request could not be handled.' } });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(securityHeaders(options.workbench.mapTileOrigin()))) response.setHeader(name, value);
    if (!hostAllowed(request.headers.host, port)) {
      sendJson(response, 421, { ok: false, error: { code: 'UNAUTHORIZED', message: 'Schakel only answers on 127.0.0.1.' } });
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) {
      await handleApi(request, response, url.pathname.slice('/api/'.length));
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    await serveStatic(url.pathname, response);
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, operation: string): Promise<void> {
    if (request.method !== 'POST') {
      sendJson(response, 405, { ok: false, error: { code: 'BAD_REQUEST', message: 'Use POST for API calls.' } });
      return;
    }
    if (!tokenMatches(token, headerValue(request.headers[TOKEN_HEADER]))) {
      sendJson(response, 401, {
        ok: false,
        error: { code: 'UNAUTHORIZED', message: 'This request has no valid Schakel token.', hint: 'Open the address that "npm run web" printed, including its #token part.' },
      });
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse((await readBody(request, LARGE_BODY_OPERATIONS.has(operation) ? MAX_LARGE_BODY_BYTES : MAX_BODY_BYTES)) || '{}');
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      sendJson(response, tooLarge ? 413 : 400, {
        ok: false,
        error: { code: 'BAD_REQUEST', message: tooLarge ? 'The request is too large.' : 'The request body is not valid JSON.' },
      });
      return;
    }
    const envelope = await dispatch(options.workbench.handlers, operation, body);
    sendJson(response, envelope.ok ? 200 : STATUS_FOR_ERROR[envelope.error.code], envelope);
  }

  async function serveStatic(pathname: string, response: ServerResponse): Promise<void> {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      // A malformed escape such as "/%" or "/%E0%A4%A": the address is the caller's mistake.
      response.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Bad request: the address has a malformed %-escape.');
      return;
    }
    const relative = pathname === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
    const file = normalize(join(staticDir, relative));
    if (!file.startsWith(staticDir + sep)) {
      response.writeHead(404).end();
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const content = extname(file) === '.html' ? pageWithMapTileOrigin(await readFile(file, 'utf8'), options.workbench.mapTileOrigin()) : await readFile(file);
      response.writeHead(200, {
        'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600',
      });
      response.end(content);
    } catch {
      if (relative === 'index.html') {
        response.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
        response.end('The workbench has not been built yet: run "npm run build:renderer", then reload.');
        return;
      }
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  }

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

class BodyTooLargeError extends Error {}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function sendJson(response: ServerResponse, status: number, body: ApiEnvelope<unknown>): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  response.end(JSON.stringify(body));
}
