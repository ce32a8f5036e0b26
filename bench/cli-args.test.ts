import { describe, expect, it } from 'vitest';
import { BenchUsageError, parseBenchArgs } from './cli-args';

describe('bench command line', () => {
  it('defaults to scale 100, or scale 1 in quick mode', () => {
    expect(parseBenchArgs(['--out', 'r.json'], {})).toMatchObject({ scale: 100, quick: false });
    expect(parseBenchArgs(['--out', 'r.json', '--quick'], {})).toMatchObject({ scale: 1, quick: true });
    expect(parseBenchArgs(['--out', 'r.json', '--quick', '--scale', '3'], {})).toMatchObject({ scale: 3 });
  });

  it('selects groups and refuses unknown ones', () => {
    expect(parseBenchArgs(['--out', 'r.json', '--only', 'search,paths'], {})).toMatchObject({ groups: ['search', 'paths'] });
    expect(() => parseBenchArgs(['--out', 'r.json', '--only', 'serch'], {})).toThrow(/Unknown benchmark group/);
  });

  it('requires --out and a sane scale', () => {
    expect(() => parseBenchArgs([], {})).toThrow(BenchUsageError);
    expect(() => parseBenchArgs(['--out', 'r.json', '--scale', '0'], {})).toThrow(/--scale/);
    expect(() => parseBenchArgs(['--out', 'r.json', '--scale', '1001'], {})).toThrow(/--scale/);
  });

  it('takes the national scale: 1,000 (about two million entities)', () => {
    expect(parseBenchArgs(['--out', 'r.json', '--scale', '1000'], {})).toMatchObject({ scale: 1000 });
  });
});
