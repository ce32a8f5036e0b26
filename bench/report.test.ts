import { describe, expect, it } from 'vitest';
import { formatMarkdownTable, formatTable, latencyRatio, type BenchmarkResult } from './report';
import { summarise } from './stats';

const search: BenchmarkResult = {
  name: 'search',
  group: 'search',
  parameters: {},
  unit: 'ms',
  warmup: 1,
  repetitions: 3,
  schakel: { description: 'a', latency: summarise([20, 30, 40]) },
  baseline: { description: 'b', latency: summarise([10, 10, 10]) },
  ratio: 3,
};

describe('bench report', () => {
  it('divides Schakel by the baseline on p50, and gives no ratio when a side did not finish', () => {
    expect(latencyRatio(search.schakel, search.baseline)).toBe(3);
    expect(latencyRatio({ description: 'x', value: 5 }, { description: 'y', didNotFinish: 'did not finish within 300 s' })).toBeUndefined();
  });

  it('prints a row per benchmark, skipped ones with their reason', () => {
    const skipped: BenchmarkResult = { ...search, name: 'entity resolution', skipped: 'not built yet', schakel: undefined, baseline: undefined };
    const table = formatTable([search, skipped]);
    expect(table).toMatch(/search\s+30\.0 \/ 40\.0 ms\s+10\.0 \/ 10\.0 ms\s+3\.00/);
    expect(table).toContain('skipped: not built yet');
    expect(formatMarkdownTable([search])).toContain('| search | 30.0 / 40.0 ms | 10.0 / 10.0 ms | 3.00 |');
  });

  it('shows an upper bound when the baseline was cut off at its cap', () => {
    const layout: BenchmarkResult = {
      ...search,
      name: 'layout',
      unit: 's',
      schakel: { description: 'a', value: 44 },
      baseline: { description: 'b', didNotFinish: 'did not finish within 300 s' },
      ratio: undefined,
      ratioAtMost: 44 / 300,
    };
    expect(formatMarkdownTable([layout])).toContain('| layout | 44.0 s | did not finish within 300 s | ≤ 0.15 |');
    expect(formatTable([{ ...layout, ratioAtMost: undefined }])).toMatch(/did not finish within 300 s\s+—/);
  });
});
