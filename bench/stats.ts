// Timing helpers shared by every suite: warm-up, repetitions, percentiles. Percentiles use the
// nearest-rank method so a figure is always one that was actually measured.

export interface LatencyFigure {
  /** Milliseconds unless the benchmark's `unit` says otherwise. */
  p50: number;
  p95: number;
  mean: number;
  min: number;
  max: number;
  samples: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarise(samples: readonly number[]): LatencyFigure {
  const sorted = [...samples].sort((a, b) => a - b);
  const mean = sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length);
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    mean: round(mean),
    min: round(sorted[0] ?? Number.NaN),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    samples: sorted.length,
  };
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

export interface RepetitionPlan {
  warmup: number;
  repetitions: number;
}

/**
 * Runs `task(i)` for warm-up (discarded) and then for the measured repetitions, returning milliseconds
 * per measured call. `i` lets a task rotate through inputs (e.g. different search terms).
 */
export async function timeRepeated(plan: RepetitionPlan, task: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < plan.warmup; i++) await task(i);
  const samples: number[] = [];
  for (let i = 0; i < plan.repetitions; i++) {
    const started = performance.now();
    await task(plan.warmup + i);
    samples.push(performance.now() - started);
  }
  return samples;
}

/**
 * Measures Schakel and its baseline interleaved (A, B, A, B, …) so that load from other processes on a
 * busy machine hits both sides alike instead of skewing whichever ran second.
 */
export async function timePaired(
  plan: RepetitionPlan,
  schakel: (i: number) => Promise<unknown>,
  baseline: (i: number) => Promise<unknown>,
): Promise<{ schakel: number[]; baseline: number[] }> {
  for (let i = 0; i < plan.warmup; i++) {
    await schakel(i);
    await baseline(i);
  }
  const result = { schakel: [] as number[], baseline: [] as number[] };
  for (let i = 0; i < plan.repetitions; i++) {
    const index = plan.warmup + i;
    // Alternate who goes first as well, so neither side always runs on a cache the other just warmed.
    const order = i % 2 === 0 ? (['schakel', 'baseline'] as const) : (['baseline', 'schakel'] as const);
    for (const side of order) {
      const started = performance.now();
      await (side === 'schakel' ? schakel(index) : baseline(index));
      result[side].push(performance.now() - started);
    }
  }
  return result;
}
