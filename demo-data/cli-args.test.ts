import { describe, expect, it } from 'vitest';
import { parseSeedArgs, UsageError } from './cli-args';

describe('parseSeedArgs', () => {
  it('defaults to the demo at scale 1', () => {
    expect(parseSeedArgs([])).toMatchObject({ dataset: 'demo', scale: 1, seed: undefined, help: false });
  });

  it('reads scale, seed, dataset, database and data dir', () => {
    expect(parseSeedArgs(['--scale', '10', '--seed', '42', '--database', 'neo4j', '--data-dir', '/tmp/x'])).toMatchObject({
      dataset: 'demo',
      scale: 10,
      seed: 42,
      database: 'neo4j',
      dataDir: '/tmp/x',
    });
    expect(parseSeedArgs(['--dataset', 'caviar']).dataset).toBe('caviar');
  });

  it('rejects bad input with a usage error that says what is wrong', () => {
    expect(() => parseSeedArgs(['--scale', 'ten'])).toThrow(/--scale needs a whole number/);
    expect(() => parseSeedArgs(['--scale', '0'])).toThrow(/--scale must be from 1/);
    expect(() => parseSeedArgs(['--dataset', 'foo'])).toThrow(/Unknown dataset/);
    expect(() => parseSeedArgs(['--dataset', 'caviar', '--scale', '2'])).toThrow(/demo data only/);
    expect(() => parseSeedArgs(['--nope'])).toThrow(UsageError);
  });
});
