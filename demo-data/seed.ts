// seedDemo: generates the demo data set and writes it to Neo4j, idempotently (MERGE on ids), then marks
// the database as seeded and saves the ground truth next to the local database for entity resolution.
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { applyMigrations } from '../graph-queries/migrations';
import { markDataset, upsertNodes, upsertRelationships } from '../graph-queries/seed-writes';
import { resolveDataDir } from '../local-neo4j/manager';
import type { GroundTruth } from './demo-records';
import { DEFAULT_DEMO_SEED, generateDemo } from './generate';

export interface SeedOptions {
  scale: number;
  seed?: number;
  database?: string;
  onProgress?: (msg: string) => void;
  /** Where `demo/ground-truth-scale-<N>.json` goes; defaults to the app's data dir (SCHAKEL_DATA_DIR). */
  dataDir?: string;
  /** Rows per transaction. */
  batchSize?: number;
}

export interface SeedResult {
  nodes: number;
  relationships: number;
  groundTruthFile?: string;
  elapsedMs: number;
}

export async function seedDemo(driver: Driver, opts: SeedOptions): Promise<SeedResult> {
  const started = performance.now();
  const seed = opts.seed ?? DEFAULT_DEMO_SEED;
  const say = opts.onProgress ?? (() => undefined);

  say(`Generating demo data (scale ${opts.scale}, seed ${seed})…`);
  const data = generateDemo({ scale: opts.scale, seed });
  const nodes = [...data.cases, ...data.sources, ...data.entities];

  await applyMigrations(driver, opts.database);
  const every = (total: number) => Math.max(opts.batchSize ?? 5_000, Math.ceil(total / 10));
  const reporter = (what: string) => {
    let lastReported = 0;
    return (written: number, total: number) => {
      if (written - lastReported >= every(total) || written === total) {
        lastReported = written;
        say(`  ${what}: ${written.toLocaleString('en')} / ${total.toLocaleString('en')} (${Math.round((100 * written) / Math.max(1, total))} %)`);
      }
    };
  };
  say(`Writing ${nodes.length.toLocaleString('en')} nodes…`);
  const nodeCount = await upsertNodes(driver, nodes, { database: opts.database, batchSize: opts.batchSize, onBatch: reporter('nodes') });
  say(`Writing ${data.relationships.length.toLocaleString('en')} relationships…`);
  const relationshipCount = await upsertRelationships(driver, data.relationships, { database: opts.database, batchSize: opts.batchSize, onBatch: reporter('relationships') });
  await markDataset(driver, 'demo', { scale: opts.scale, seed, nodes: nodeCount, relationships: relationshipCount }, opts.database);

  // The data is in the database by now; a ground-truth file we cannot write must not fail the seeding.
  let groundTruthFile: string | undefined;
  try {
    groundTruthFile = writeGroundTruth(data.groundTruth, opts.dataDir ?? resolveDataDir());
    say(`Ground truth written to ${groundTruthFile}`);
  } catch (error) {
    say(`Could not write the ground truth (${(error as Error).message}); the data itself is seeded. Use --data-dir to choose a writable folder.`);
  }
  return { nodes: nodeCount, relationships: relationshipCount, groundTruthFile, elapsedMs: Math.round(performance.now() - started) };
}

export function groundTruthPath(dataDir: string, scale: number): string {
  return path.join(dataDir, 'demo', `ground-truth-scale-${scale}.json`);
}

/** Writes via a temporary file and a rename, so a reader never sees half a file. */
export function writeGroundTruth(truth: GroundTruth, dataDir: string): string {
  const file = groundTruthPath(dataDir, truth.scale);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(truth, null, 1)}\n`);
  fs.renameSync(temporary, file);
  return file;
}

export function readGroundTruth(dataDir: string, scale: number): GroundTruth {
  return JSON.parse(fs.readFileSync(groundTruthPath(dataDir, scale), 'utf8')) as GroundTruth;
}
