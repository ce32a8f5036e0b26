// Serves the built renderer over app://schakel/… . A custom standard+secure scheme (rather than file://)
// gives the page a real origin, so the CSP's 'self' and same-origin checks mean "our own bundle" and
// nothing else on disk.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import { contentTypeFor, resolveRendererFile } from './renderer-files';
import { pageWithMapTileOrigin } from '../contract/content-security-policy';
import { APP_SCHEME, securityHeaders } from './security-policy';

/** Must run before the app is ready (Electron only accepts scheme privileges then). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
    },
  ]);
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/**
 * Answers app:// requests in `session` with files from `rendererDir`; every response carries the CSP, which
 * admits the map server `mapTileOrigin()` names (none by default).
 */
export function serveRenderer(session: Session, rendererDir: string, mapTileOrigin: () => string | undefined = () => undefined): void {
  session.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const filePath = resolveRendererFile(rendererDir, request.url);
    if (filePath === null) return textResponse(404, 'Not found');
    try {
      const file = await readFile(filePath);
      const body = filePath.endsWith('.html') ? Buffer.from(pageWithMapTileOrigin(file.toString('utf8'), mapTileOrigin())) : file;
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: { ...securityHeaders(mapTileOrigin()), 'Content-Type': contentTypeFor(filePath), 'Cache-Control': 'no-cache' },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'EISDIR') return textResponse(404, 'Not found');
      console.error('[schakel] could not read renderer file', filePath, error);
      return textResponse(500, 'Schakel could not read one of its own files; reinstall the application.');
    }
  });
}
