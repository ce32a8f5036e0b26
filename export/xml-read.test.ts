import { describe, expect, it } from 'vitest';
import { ExportError } from './errors';
import { parseUntrustedXml } from './xml-read';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof ExportError ? error.code : 'OTHER';
  }
  return undefined;
}

describe('reading untrusted XML', () => {
  it('refuses files over the size cap before parsing', () => {
    expect(codeOf(() => parseUntrustedXml('<a>' + 'x'.repeat(2000) + '</a>', { formatName: 'GraphML', maxBytes: 1000 }))).toBe('FILE_TOO_LARGE');
  });

  it('refuses files with too many elements', () => {
    expect(codeOf(() => parseUntrustedXml('<a>' + '<b/>'.repeat(200) + '</a>', { formatName: 'GraphML', maxElements: 100 }))).toBe('TOO_MANY_ELEMENTS');
  });

  it('refuses entity-expansion bombs and external entities', () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
    expect(codeOf(() => parseUntrustedXml(bomb, { formatName: 'GraphML' }))).toBe('UNSAFE_XML');
    expect(codeOf(() => parseUntrustedXml('<!doctype x SYSTEM "http://example.invalid/x.dtd"><x/>', { formatName: 'GraphML' }))).toBe('UNSAFE_XML');
  });

  it('reports empty and malformed files clearly', () => {
    expect(codeOf(() => parseUntrustedXml('   ', { formatName: 'GraphML' }))).toBe('MALFORMED_FILE');
    expect(() => parseUntrustedXml('<a><b></a>', { formatName: 'i2 ANX' })).toThrow(/i2 ANX file is not well-formed XML \(line 1/);
  });

  it('decodes character references, keeping newlines in attributes', () => {
    const root = parseUntrustedXml('<a x="one&#10;two &amp; &#x627;"/>', { formatName: 'GraphML' });
    expect((root.a as { '@': Record<string, string> }[])[0]['@'].x).toBe('one\ntwo & ا');
  });
});
