import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, hostAllowed, newLaunchToken, tokenMatches } from './security';

describe('browser transport security', () => {
  it('makes a new unguessable token per launch', () => {
    const a = newLaunchToken();
    const b = newLaunchToken();
    expect(a).not.toBe(b);
    expect(a.length).toBeGreaterThanOrEqual(40);
  });

  it('accepts only the exact token', () => {
    const token = newLaunchToken();
    expect(tokenMatches(token, token)).toBe(true);
    expect(tokenMatches(token, undefined)).toBe(false);
    expect(tokenMatches(token, '')).toBe(false);
    expect(tokenMatches(token, token.slice(1))).toBe(false);
    expect(tokenMatches(token, `${token.slice(0, -1)}x`)).toBe(token.endsWith('x'));
  });

  it('answers only loopback host names on its own port', () => {
    expect(hostAllowed('127.0.0.1:4780', 4780)).toBe(true);
    expect(hostAllowed('localhost:4780', 4780)).toBe(true);
    expect(hostAllowed('evil.example:4780', 4780)).toBe(false);
    expect(hostAllowed('127.0.0.1:4781', 4780)).toBe(false);
    expect(hostAllowed(undefined, 4780)).toBe(false);
  });

  it('starts the CSP from default-src none', () => {
    expect(CONTENT_SECURITY_POLICY.startsWith("default-src 'none'")).toBe(true);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });
});
