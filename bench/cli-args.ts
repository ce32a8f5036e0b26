// Command line of `npm run bench`. Parsing is separate from running so it can be tested without a database.
import path from 'node:path';
import { parseArgs } from 'node:util';

export const BENCH_GROUPS = ['startup', 'search', 'expand', 'paths', 'import', 'entity-resolution', 'chart', 'big-chart', 'layout', 'concurrency'] as const;
export type BenchGroup = (typeof BENCH_GROUPS)[number];

export const BENCH_USAGE = `Usage: npm run bench -- --out FILE.json [--scale N] [--quick] [--only GROUPS] [--data-dir DIR] [--port N]
  --out FILE       where the JSON results go (required)
  --scale N        demo data scale: about N x 2,000 entities (default 100; 1 with --quick)
  --quick          small scale, few repetitions: finishes in a few minutes (CI)
  --only GROUPS    comma-separated subset of: ${BENCH_GROUPS.join(', ')}
  --data-dir DIR   benchmark databases and generated files (default: SCHAKEL_BENCH_DATA_DIR or .schakel-data/bench)
  --port N         first Bolt port for the managed benchmark databases (the import database uses N+1)
Without NEO4J_URI a managed local Neo4j per scale is started (and seeded once); with it, that server is used.`;

export class BenchUsageError extends Error {}

export interface BenchArgs {
  out: string;
  scale: number;
  quick: boolean;
  groups: BenchGroup[];
  dataRoot: string;
  port?: number;
}

export function parseBenchArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): BenchArgs | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string' },
        scale: { type: 'string' },
        quick: { type: 'boolean', default: false },
        only: { type: 'string' },
        'data-dir': { type: 'string' },
        port: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchUsageError((error as Error).message);
  }
  if (values.help) return 'help';
  if (!values.out) throw new BenchUsageError('--out FILE.json is required: say where the results go.');
  const quick = values.quick === true;
  const scale = values.scale === undefined ? (quick ? 1 : 100) : wholeNumber('--scale', values.scale, 1, 1000);
  const port = values.port === undefined ? undefined : wholeNumber('--port', values.port, 1024, 65534);
  const groups = values.only === undefined ? [...BENCH_GROUPS] : parseGroups(values.only);
  const dataRoot = path.resolve(values['data-dir'] ?? env.SCHAKEL_BENCH_DATA_DIR ?? path.join('.schakel-data', 'bench'));
  return { out: path.resolve(values.out), scale, quick, groups, dataRoot, port };
}

function wholeNumber(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) throw new BenchUsageError(`${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  return value;
}

function parseGroups(raw: string): BenchGroup[] {
  const names = raw.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(BENCH_GROUPS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new BenchUsageError(`Unknown benchmark group(s): ${unknown.join(', ')}. Choose from ${BENCH_GROUPS.join(', ')}.`);
  return names as BenchGroup[];
}
