// The databases the benchmarks run on: a managed local Neo4j per scale (seeded once, reused by later runs),
// or the server NEO4J_URI names. The import benchmark gets its own managed instance because it must start
// from an empty database, and a benchmark must never wipe a database someone else cares about.
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { seedDemo } from '../demo-data/seed';
import { createDriver } from '../graph-queries/driver';
import { startLocalNeo4j, stopLocalNeo4j } from '../local-neo4j/manager';

export interface BenchDatabase {
  uri: string;
  driver: Driver;
  /** Set for a managed instance (so the startup benchmark can restart it); absent for NEO4J_URI. */
  managedDataDir?: string;
  port?: number;
  scale: number;
  /** Seconds spent seeding in this run; undefined when an earlier run's data was reused. */
  seededSeconds?: number;
  counts: { entities: number; relationships: number };
}

export interface BenchDatabaseOptions {
  /** Root of the benchmark data dirs; a managed instance per scale lives in `<root>/scale-<N>`. */
  dataRoot: string;
  scale: number;
  /** Explicit Bolt port for the managed instance (else the manager picks one). */
  port?: number;
  log: (line: string) => void;
}

/**
 * The benchmark workbench's own data folder (audit journal and key, anchors, exports): without it, a run
 * would write its thousands of audit entries into the folder of whoever runs it.
 */
export function benchWorkbenchDir(dataRoot: string): string {
  return path.join(dataRoot, 'workbench');
}

export function scaleDataDir(dataRoot: string, scale: number): string {
  return path.join(dataRoot, `scale-${scale}`);
}

export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<BenchDatabase> {
  const external = process.env.NEO4J_URI;
  if (external) {
    const driver = createDriver({ uri: external, user: process.env.NEO4J_USER || 'neo4j', password: process.env.NEO4J_PASSWORD ?? '' });
    return seeded({ uri: external, driver, scale: options.scale }, options);
  }
  const dataDir = scaleDataDir(options.dataRoot, options.scale);
  const info = await startLocalNeo4j({ dataDir, port: options.port, onProgress: options.log });
  const uri = info.boltUri!;
  const driver = createDriver({ uri });
  return seeded({ uri, driver, scale: options.scale, managedDataDir: dataDir, port: info.port }, options);
}

async function seeded(
  db: Omit<BenchDatabase, 'counts' | 'seededSeconds'>,
  options: BenchDatabaseOptions,
): Promise<BenchDatabase> {
  const existingScale = await seededScale(db.driver);
  let seededSeconds: number | undefined;
  if (existingScale !== options.scale) {
    if (existingScale !== undefined) {
      options.log(`The database holds demo data at scale ${existingScale}; adding scale ${options.scale} is not comparable.`);
      throw new Error(
        `The benchmark database at ${db.uri} holds demo data at scale ${existingScale}, not ${options.scale}. ` +
          'Use a fresh database (unset NEO4J_URI to use a managed one per scale) or the matching --scale.',
      );
    }
    options.log(`Seeding demo data at scale ${options.scale} (once; later runs reuse it)…`);
    const started = performance.now();
    await seedDemo(db.driver, { scale: options.scale, dataDir: db.managedDataDir ?? options.dataRoot, onProgress: (line) => options.log(`  ${line}`) });
    seededSeconds = Math.round((performance.now() - started) / 100) / 10;
  }
  return { ...db, seededSeconds, counts: await graphCounts(db.driver) };
}

async function seededScale(driver: Driver): Promise<number | undefined> {
  const { records } = await driver.executeQuery('MATCH (d:SchakelDataset {name: $name}) RETURN d.scale AS scale', { name: 'demo' });
  const scale = records[0]?.get('scale');
  return scale === undefined || scale === null ? undefined : neo4j.integer.toNumber(scale);
}

export async function graphCounts(driver: Driver): Promise<{ entities: number; relationships: number }> {
  // Count-store lookups: instant however large the database is.
  const entities = await driver.executeQuery('MATCH (n:Entity) RETURN count(n) AS c');
  const relationships = await driver.executeQuery('MATCH ()-[r]->() RETURN count(r) AS c');
  return {
    entities: neo4j.integer.toNumber(entities.records[0].get('c')),
    relationships: neo4j.integer.toNumber(relationships.records[0].get('c')),
  };
}

/** A managed instance of its own for the import benchmark, emptied before each side runs. */
export async function openScratchDatabase(dataRoot: string, port: number | undefined, log: (line: string) => void): Promise<{ uri: string; driver: Driver; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = path.join(dataRoot, 'import-scratch');
  const info = await startLocalNeo4j({ dataDir, port, onProgress: log });
  const driver = createDriver({ uri: info.boltUri! });
  return {
    uri: info.boltUri!,
    driver,
    dataDir,
    stop: async () => {
      await driver.close();
      await stopLocalNeo4j({ dataDir });
    },
  };
}
