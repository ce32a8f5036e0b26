import { describe, expect, it } from 'vitest';
import { percentile, summarise, timePaired } from './stats';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles from measured values', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 95)).toBe(10);
    expect(percentile([42], 95)).toBe(42);
  });

  it('summarises unsorted samples', () => {
    expect(summarise([30, 10, 20])).toMatchObject({ p50: 20, min: 10, max: 30, mean: 20, samples: 3 });
  });

  it('runs both sides the same number of times, warm-up excluded', async () => {
    const calls = { schakel: 0, baseline: 0 };
    const samples = await timePaired(
      { warmup: 2, repetitions: 5 },
      async () => void calls.schakel++,
      async () => void calls.baseline++,
    );
    expect(calls).toEqual({ schakel: 7, baseline: 7 });
    expect(samples.schakel).toHaveLength(5);
    expect(samples.baseline).toHaveLength(5);
  });
});
