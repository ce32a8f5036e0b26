// The page's Content-Security-Policy, sent by both transports (Electron's app:// protocol and the
// browser-mode server): nothing loads unless listed, scripts and styles only from our own bundle, no
// inline code, no connections except back to the app. Cytoscape's one injected <style> is pre-empted by a
// placeholder in renderer/index.html, and React/Cytoscape set styles through the CSSOM, which CSP allows.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
