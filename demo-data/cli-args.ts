// Parses the arguments of `npm run seed`. Kept apart from the CLI so the rules are unit-tested.
import { parseArgs } from 'node:util';
import { MAX_DEMO_SCALE } from './generate';

export const SEED_USAGE = `Usage: npm run seed -- [--scale N] [--seed S] [--database NAME] [--data-dir DIR]
       npm run seed -- --dataset caviar [--database NAME]

  --scale N        demo size: about N x 2,000 entities (1-${MAX_DEMO_SCALE}, default 1)
  --seed S         random seed; the same seed and scale give the same data (default: fixed)
  --dataset NAME   demo (default) or caviar (the real CAVIAR wiretap network)
  --database NAME  Neo4j database (default: the server's default)
  --data-dir DIR   where the managed local Neo4j and the ground truth live (default: SCHAKEL_DATA_DIR)

Connects to NEO4J_URI / NEO4J_USER / NEO4J_PASSWORD when set, otherwise to the managed local Neo4j
(started if it is not running).`;

export interface SeedArgs {
  dataset: 'demo' | 'caviar';
  scale: number;
  seed?: number;
  database?: string;
  dataDir?: string;
  help: boolean;
}

export class UsageError extends Error {
  readonly hint = 'Run "npm run seed -- --help" for the options.';
}

export function parseSeedArgs(argv: string[]): SeedArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        scale: { type: 'string' },
        seed: { type: 'string' },
        dataset: { type: 'string' },
        database: { type: 'string' },
        'data-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message.split('\n')[0]);
  }
  const dataset = values.dataset ?? 'demo';
  if (dataset !== 'demo' && dataset !== 'caviar') throw new UsageError(`Unknown dataset "${dataset}": use demo or caviar.`);
  if (dataset === 'caviar' && (values.scale !== undefined || values.seed !== undefined)) {
    throw new UsageError('--scale and --seed apply to the demo data only; CAVIAR is a fixed real data set.');
  }
  const scale = values.scale === undefined ? 1 : wholeNumber('--scale', values.scale);
  if (scale < 1 || scale > MAX_DEMO_SCALE) throw new UsageError(`--scale must be from 1 to ${MAX_DEMO_SCALE}, not ${scale}.`);
  const seed = values.seed === undefined ? undefined : wholeNumber('--seed', values.seed);
  return { dataset, scale, seed, database: values.database, dataDir: values['data-dir'], help: values.help ?? false };
}

function wholeNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text.trim()) || !Number.isSafeInteger(value)) throw new UsageError(`${flag} needs a whole number, not "${text}".`);
  return value;
}
