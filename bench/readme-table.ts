// `npx tsx bench/readme-table.ts [bench/results/latest.json]`: prints a run's results as the Markdown table
// the README's "Performance" section shows, with the machine line under it.
import fs from 'node:fs';
import { formatMarkdownTable, type BenchRun } from './report';

const file = process.argv[2] ?? 'bench/results/latest.json';
const run = JSON.parse(fs.readFileSync(file, 'utf8')) as BenchRun;
const m = run.machine;
console.log(formatMarkdownTable(run.benchmarks));
console.log(
  `\n${run.mode} run, scale ${run.scale}, ${run.finishedAt.slice(0, 10)}: ${m.cpus} × ${m.cpuModel}, ` +
    `${Math.round(m.memoryBytes / 2 ** 30)} GB, load ${m.loadAverageAtStart[0]} at start; Node ${m.node}, ${m.java ?? 'Java ?'}, ` +
    `${m.neo4j ?? 'Neo4j ?'}, ${m.chromium ?? 'Chromium ?'}.`,
);
