import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectEncodingOfBytes, detectFileEncoding } from './encoding';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-encoding-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const windows1252 = (text: string) => Buffer.from([...text].map((c) => c.charCodeAt(0))); // Latin-1 range only

describe('detectEncodingOfBytes', () => {
  it.each([
    ['plain ASCII', Buffer.from('naam;plaats\nJan;Gent\n'), 'utf-8', false],
    ['UTF-8 with accents', Buffer.from('naam\nRené Hélène Citroën\n', 'utf8'), 'utf-8', false],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('naam\nRené\n')]), 'utf-8', true],
    ['Windows-1252 é and ë', windows1252('naam\nRené Citroën\n'), 'windows-1252', false],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('naam\n', 'utf16le')]), 'utf-16le', true],
  ])('%s', (_name, bytes, encoding, bom) => {
    expect(detectEncodingOfBytes(bytes)).toEqual({ encoding, bom });
  });
});

describe('detectFileEncoding', () => {
  it('notices a Windows-1252 byte far into a large file', async () => {
    const file = path.join(dir, 'late.csv');
    const ascii = 'a;b\n' + '0612345678;0475123456\n'.repeat(200_000); // ~4.4 MB of plain ASCII
    fs.writeFileSync(file, Buffer.concat([Buffer.from(ascii), windows1252('Citroën;x\n')]));
    expect(await detectFileEncoding(file)).toEqual({ encoding: 'windows-1252', bom: false });
  });

  it('reads a UTF-8 file with a byte-order mark as UTF-8', async () => {
    const file = path.join(dir, 'bom.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('naam\nHélène\n')]));
    expect(await detectFileEncoding(file)).toEqual({ encoding: 'utf-8', bom: true });
  });

  it('treats a multi-byte character cut off at the end as not UTF-8', async () => {
    const file = path.join(dir, 'cut.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('naam\nRen'), Buffer.from([0xc3])]));
    expect((await detectFileEncoding(file)).encoding).toBe('windows-1252');
  });
});
