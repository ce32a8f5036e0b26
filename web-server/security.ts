// Security rules of the browser-mode transport, kept apart so they can be read and tested on their own.
import { timingSafeEqual, randomBytes } from 'node:crypto';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../contract/content-security-policy';

export { CONTENT_SECURITY_POLICY };

export const SECURITY_HEADERS: Record<string, string> = securityHeaders();

/** The headers of every answer; the CSP admits a configured map server's origin for images. */
export function securityHeaders(mapTileOrigin?: string): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(mapTileOrigin),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

export const TOKEN_HEADER = 'x-schakel-token';

export function newLaunchToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokenMatches(expected: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(presented);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Only loopback host names: a page on another site that rebinds its DNS to 127.0.0.1 is refused. */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  return [`127.0.0.1:${port}`, `localhost:${port}`].includes(hostHeader.toLowerCase());
}
