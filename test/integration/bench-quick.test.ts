// `npm run bench -- --quick` end to end, as CI runs it: real managed Neo4j instances in a temp dir, real
// Chromium. Checks that every benchmark ran and that the JSON has the promised shape. Benchmarks are not
// tests: no figure is compared with a threshold here.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_GROUPS } from '../../bench/cli-args';
import { FAILED_PREFIX, type BenchRun, type Figure } from '../../bench/report';
import { scaleDataDir } from '../../bench/bench-database';
import { stopLocalNeo4j } from '../../local-neo4j/manager';
import { tempDataDir } from '../setup/temp-data-dir';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const dataRoot = tempDataDir('schakel-bench-quick-');
const out = path.join(dataRoot, 'q.json');

function runBench(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const tsxLoader = path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs');
  // NEO4J_URI would point the benchmark at a shared server; the quick run manages its own instances.
  const env = { ...process.env, NEO4J_URI: '' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, path.join(REPO_ROOT, 'bench', 'cli.ts'), ...args], { cwd: REPO_ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

function hasFigure(figure: Figure | undefined): boolean {
  if (!figure) return false;
  return figure.latency !== undefined || figure.throughput !== undefined || figure.value !== undefined || figure.didNotFinish !== undefined;
}

afterAll(async () => {
  await stopLocalNeo4j({ dataDir: scaleDataDir(dataRoot, 1) }).catch(() => undefined);
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

describe('npm run bench -- --quick', () => {
  it('runs every benchmark against its baseline and writes the results as JSON', { timeout: 45 * 60_000 }, async () => {
    const { code, stdout, stderr } = await runBench(['--quick', '--out', out, '--data-dir', dataRoot]);
    expect(code, `bench failed:\n${stderr.slice(-3000)}`).toBe(0);
    expect(stdout).toMatch(/benchmark\s+schakel \(p50 \/ p95\)/);

    const run = JSON.parse(fs.readFileSync(out, 'utf8')) as BenchRun;
    expect(run).toMatchObject({ schemaVersion: 1, mode: 'quick', scale: 1 });
    expect(run.machine.cpus).toBeGreaterThan(0);
    expect(run.machine.memoryBytes).toBeGreaterThan(0);
    expect(run.machine.node).toMatch(/^v\d+/);
    expect(run.machine.neo4j).toMatch(/5\.\d+/);
    expect(Array.isArray(run.notes)).toBe(true);

    // Every group of the issue is there, and nothing failed.
    expect(new Set(run.benchmarks.map((b) => b.group))).toEqual(new Set(BENCH_GROUPS));
    expect(run.benchmarks.filter((b) => b.skipped?.startsWith(FAILED_PREFIX))).toEqual([]);

    for (const benchmark of run.benchmarks.filter((b) => !b.skipped)) {
      expect(benchmark.name, JSON.stringify(benchmark)).toBeTruthy();
      expect(typeof benchmark.parameters).toBe('object');
      expect(benchmark.repetitions).toBeGreaterThanOrEqual(1);
      expect(benchmark.warmup).toBeGreaterThanOrEqual(0);
      expect(hasFigure(benchmark.schakel), `${benchmark.name}: Schakel figure`).toBe(true);
      if (benchmark.baseline) {
        expect(hasFigure(benchmark.baseline), `${benchmark.name}: baseline figure`).toBe(true);
        const bothMeasured = !benchmark.schakel?.didNotFinish && !benchmark.baseline.didNotFinish;
        if (bothMeasured) {
          expect(benchmark.ratio, `${benchmark.name}: ratio`).toBeGreaterThan(0);
          expect(benchmark.ratioMeaning).toBeTruthy();
        }
      }
      const latency = benchmark.schakel?.latency;
      if (latency) {
        expect(latency.samples).toBe(benchmark.repetitions);
        expect(latency.p95).toBeGreaterThanOrEqual(latency.p50);
      }
    }
    // The latency benchmarks the issue lists carry their baseline.
    for (const group of ['search', 'expand', 'paths', 'chart', 'import', 'concurrency'] as const) {
      const measured = run.benchmarks.filter((b) => b.group === group && !b.skipped);
      expect(measured.length, group).toBeGreaterThan(0);
      for (const benchmark of measured) expect(benchmark.baseline, benchmark.name).toBeDefined();
    }
  });
});
