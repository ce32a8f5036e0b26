import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readState, removeState, writeState } from './state-file';

const dirs: string[] = [];
const tempFile = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-state-test-'));
  dirs.push(dir);
  return path.join(dir, 'neo4j', 'schakel-local.json');
};
afterEach(() => dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

describe('state file', () => {
  it('round-trips the running instance', () => {
    const file = tempFile();
    const state = { pid: 42, port: 7687, boltUri: 'bolt://127.0.0.1:7687', startedAt: '2026-01-01T00:00:00.000Z' };
    writeState(file, state);
    expect(readState(file)).toEqual(state);
    removeState(file);
    expect(readState(file)).toBeUndefined();
  });

  it('treats missing, corrupt or incomplete files as no state', () => {
    const file = tempFile();
    expect(readState(file)).toBeUndefined();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{"pid": 1');
    expect(readState(file)).toBeUndefined();
    fs.writeFileSync(file, '{"pid": 1, "port": 2}');
    expect(readState(file)).toBeUndefined();
  });
});
