// The page's Content-Security-Policy, sent by both transports (Electron's app:// protocol and the
// browser-mode server): nothing loads unless listed, scripts and styles only from our own bundle, no
// inline code, no connections except back to the app. Cytoscape's one injected <style> is pre-empted by a
// placeholder in renderer/index.html, and React/Cytoscape set styles through the CSSOM, which CSP allows.
// A force's own map server, when configured, is the one addition: its origin may serve images (tiles).
export function contentSecurityPolicy(mapTileOrigin?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob:${mapTileOrigin ? ` ${mapTileOrigin}` : ''}`,
    "font-src 'self'",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The page (renderer/index.html) repeats the policy in a <meta> element, and the stricter of the two wins:
 * with a map server configured, the transports serve the page with that origin added to the meta's img-src.
 */
export function pageWithMapTileOrigin(html: string, mapTileOrigin?: string): string {
  return mapTileOrigin ? html.replace("img-src 'self' data: blob:;", `img-src 'self' data: blob: ${mapTileOrigin};`) : html;
}
