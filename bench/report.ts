// The shape of a benchmark run (what `--out FILE.json` holds) and the table printed at the end.
import fs from 'node:fs';
import path from 'node:path';
import type { LatencyFigure } from './stats';
import type { MachineInfo } from './machine';

export const RESULT_SCHEMA_VERSION = 1;
/** A benchmark that threw is recorded with `skipped: 'failed: …'`. */
export const FAILED_PREFIX = 'failed: ';

/** One side's figure: latencies (p50/p95) or a throughput, or why it has no figure. */
export interface Figure {
  /** What ran, in words (e.g. "Schakel backend handlers.search" or "bare Cypher via neo4j-driver"). */
  description: string;
  latency?: LatencyFigure;
  /** For throughput benchmarks (import): units per second, `unit` on the benchmark says which. */
  throughput?: number;
  /** A single measured value (startup seconds, heap bytes) when repetitions make no sense. */
  value?: number;
  /** Set when the run was cut off: "did not finish within 120 s". */
  didNotFinish?: string;
  details?: Record<string, unknown>;
}

export interface BenchmarkResult {
  name: string;
  group: 'search' | 'expand' | 'paths' | 'import' | 'entity-resolution' | 'chart' | 'big-chart' | 'layout' | 'startup' | 'concurrency';
  parameters: Record<string, unknown>;
  /** ms, s, rows/s, bytes: the unit of latency/value/throughput on both sides. */
  unit: string;
  warmup: number;
  repetitions: number;
  schakel?: Figure;
  baseline?: Figure;
  /**
   * Schakel divided by baseline (p50 for latencies, value for single figures); for throughput, Schakel's
   * rate divided by the baseline's, so > 1 means Schakel is faster. `ratioMeaning` says which.
   */
  ratio?: number;
  /** When the baseline was cut off at a cap: the ratio is at most this (Schakel's figure / the cap). */
  ratioAtMost?: number;
  ratioMeaning?: string;
  /** The target from the issue, e.g. "≤ 1.2". */
  aim?: string;
  /** Set instead of figures when the benchmark could not run here, with the reason. */
  skipped?: string;
  notes?: string[];
}

export interface BenchRun {
  schemaVersion: number;
  mode: 'quick' | 'full';
  scale: number;
  startedAt: string;
  finishedAt: string;
  machine: MachineInfo;
  notes: string[];
  benchmarks: BenchmarkResult[];
}

/** Schakel / baseline on p50 (or value); undefined when either side has no figure. */
export function latencyRatio(schakel: Figure | undefined, baseline: Figure | undefined): number | undefined {
  const a = schakel?.latency?.p50 ?? schakel?.value;
  const b = baseline?.latency?.p50 ?? baseline?.value;
  if (a === undefined || b === undefined || !(b > 0) || schakel?.didNotFinish || baseline?.didNotFinish) return undefined;
  return Math.round((a / b) * 1000) / 1000;
}

export function writeRun(file: string, run: BenchRun): void {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(run, null, 2)}\n`);
  fs.renameSync(temporary, file);
}

function figureText(figure: Figure | undefined, unit: string): string {
  if (!figure) return '—';
  if (figure.didNotFinish) return figure.didNotFinish;
  if (figure.latency) return `${fmt(figure.latency.p50)} / ${fmt(figure.latency.p95)} ${unit}`;
  if (figure.throughput !== undefined) return `${fmt(figure.throughput)} ${unit}`;
  if (figure.value !== undefined) return `${fmt(figure.value)} ${unit}`;
  return '—';
}

function ratioText(b: BenchmarkResult): string {
  if (b.ratio !== undefined) return b.ratio.toFixed(2);
  return b.ratioAtMost === undefined ? '—' : `≤ ${b.ratioAtMost.toFixed(2)}`;
}

function fmt(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** A plain-text table: one line per benchmark, latencies as p50 / p95. */
export function formatTable(benchmarks: readonly BenchmarkResult[]): string {
  const header = ['benchmark', 'schakel (p50 / p95)', 'baseline (p50 / p95)', 'ratio', 'aim'];
  const rows = benchmarks.map((b) =>
    b.skipped
      ? [b.name, `skipped: ${b.skipped}`, '', '', b.aim ?? '']
      : [b.name, figureText(b.schakel, b.unit), figureText(b.baseline, b.unit), ratioText(b), b.aim ?? ''],
  );
  const widths = header.map((_, column) => Math.min(60, Math.max(...[header, ...rows].map((row) => row[column].length))));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The README's "Performance" table (Markdown). */
export function formatMarkdownTable(benchmarks: readonly BenchmarkResult[]): string {
  const lines = ['| benchmark | Schakel (p50 / p95) | baseline (p50 / p95) | ratio | aim |', '|---|---|---|---|---|'];
  for (const b of benchmarks) {
    if (b.skipped) lines.push(`| ${b.name} | skipped: ${b.skipped} | | | ${b.aim ?? ''} |`);
    else lines.push(`| ${b.name} | ${figureText(b.schakel, b.unit)} | ${figureText(b.baseline, b.unit)} | ${ratioText(b)} | ${b.aim ?? ''} |`);
  }
  return lines.join('\n');
}
