// The force's own map server: off without a setting, used only when its address is one fixed http(s)
// server with the placeholders its kind needs, and admitted by the page's CSP for images and nothing else.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, pageWithMapTileOrigin } from '../contract/content-security-policy';
import { configuredMapTiles, mapTileOrigin } from './map-settings';

function dataDirWith(settings: unknown): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-map-settings-'));
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify(settings));
  return dir;
}

describe('the map server setting', () => {
  it('is off by default', () => {
    expect(configuredMapTiles(dataDirWith({ analystName: 'A. de Vries' }))).toBeUndefined();
    expect(mapTileOrigin(undefined)).toBeUndefined();
  });

  it('takes an XYZ template or a WMS endpoint with layers', () => {
    const xyz = configuredMapTiles(dataDirWith({ mapTiles: { url: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png', attribution: 'Kadaster / PDOK' } }));
    expect(xyz).toEqual({ kind: 'xyz', url: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png', attribution: 'Kadaster / PDOK' });
    expect(mapTileOrigin(xyz)).toBe('https://service.pdok.nl');
    const wms = configuredMapTiles(dataDirWith({ mapTiles: { kind: 'wms', url: 'https://geo.api.vlaanderen.be/GRB-basiskaart/wms', layers: 'GRB_BSK' } }));
    expect(mapTileOrigin(wms)).toBe('https://geo.api.vlaanderen.be');
  });

  it('refuses what the CSP could not name or what would leak a password, and says why', () => {
    const refused = [
      { url: 'https://{s}.tile.example.org/{z}/{x}/{y}.png' },
      { url: 'https://user:secret@tiles.example.org/{z}/{x}/{y}.png' },
      { url: 'javascript:alert(1)//{z}/{x}/{y}' },
      { url: 'https://tiles.example.org/map.png' },
      { kind: 'wms', url: 'https://wms.example.org/wms' },
      { url: 'https://tiles.example.org/{z}/{x}/{y}.png', script: 'x' },
    ];
    for (const mapTiles of refused) {
      const messages: string[] = [];
      expect(configuredMapTiles(dataDirWith({ mapTiles }), (message) => messages.push(message))).toBeUndefined();
      expect(messages.join(' ')).toMatch(/map server in the settings file is not used/);
    }
  });

  it('adds only that origin, only to img-src', () => {
    const policy = contentSecurityPolicy('https://service.pdok.nl');
    const directives = Object.fromEntries(policy.split('; ').map((directive) => [directive.split(' ')[0], directive]));
    expect(directives['img-src']).toBe("img-src 'self' data: blob: https://service.pdok.nl");
    expect(policy.replace(' https://service.pdok.nl', '')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).not.toContain('http');
  });

  it("adds the origin to the page's own <meta> policy too, and leaves the page alone by default", () => {
    const page = fs.readFileSync(path.join(__dirname, '..', 'renderer', 'index.html'), 'utf8');
    expect(pageWithMapTileOrigin(page, undefined)).toBe(page);
    const served = pageWithMapTileOrigin(page, 'https://service.pdok.nl');
    expect(served).toContain("img-src 'self' data: blob: https://service.pdok.nl;");
    expect(served.replace(' https://service.pdok.nl', '')).toBe(page);
  });
});
