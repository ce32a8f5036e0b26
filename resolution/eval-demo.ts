// Measures entity resolution on the demo data in Neo4j against the generator's ground truth: seeds the demo
// set at the requested scale when the database holds less, reads the records with their graph context exactly
// as a run does, resolves them and computes pairwise precision and recall (overall and per type).
import type { Driver } from 'neo4j-driver';
import { demoGroundTruth, DEFAULT_DEMO_SEED } from '../demo-data/generate';
import { seedDemo } from '../demo-data/seed';
import { readResolutionRecordsByIds } from '../graph-queries/resolution';
import type { QueryContext } from '../graph-queries/run';
import { readDatasetMark } from '../graph-queries/seed-writes';
import { evaluatePairs, type Evaluation } from './evaluate';
import { RESOLVABLE_TYPES, type ResolutionRecord } from './records';
import { resolveRecords } from './resolve';
import { DEFAULT_MATCH_THRESHOLD } from './weights';

export interface DemoEvaluation extends Evaluation {
  scale: number;
  threshold: number;
  records: number;
  comparedPairs: number;
  seeded: boolean;
  resolveMs: number;
  /** The same records with every person's phones taken away: how much recall leans on a shared phone. */
  withoutPhones: Evaluation;
}

export async function evaluateDemo(
  driver: Driver,
  options: { scale: number; threshold?: number; database?: string; dataDir?: string; onProgress?: (line: string) => void },
): Promise<DemoEvaluation> {
  const ctx: QueryContext = { driver, database: options.database };
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const present = await readDatasetMark(driver, 'demo', options.database);
  // A larger scale contains the smaller ones (unit 0 is generated first, with the same ids), so only seed up.
  const seeded = !present || present.seed !== DEFAULT_DEMO_SEED || present.scale < options.scale;
  if (seeded) {
    options.onProgress?.(`Seeding the demo data at scale ${options.scale} (the database has ${present ? `scale ${present.scale}` : 'none'})…`);
    await seedDemo(driver, { scale: options.scale, database: options.database, dataDir: options.dataDir, onProgress: options.onProgress });
  }
  const truth = demoGroundTruth({ scale: options.scale });
  const ids = truth.entities.flatMap((entity) => entity.recordIds);
  const records: ResolutionRecord[] = [];
  for (const type of RESOLVABLE_TYPES) records.push(...(await readResolutionRecordsByIds(ctx, type, ids)));
  const started = performance.now();
  const result = resolveRecords(records, { threshold });
  const resolveMs = Math.round(performance.now() - started);
  const evaluation = evaluatePairs(result.pairs, truth.entities);
  const comparedPairs = Object.values(result.stats).reduce((sum, s) => sum + s.candidatePairs, 0);
  const phoneless = records.map((record) => (record.type === 'Person' ? { ...record, phones: [] } : record));
  const withoutPhones = evaluatePairs(resolveRecords(phoneless, { threshold }).pairs, truth.entities);
  return { ...evaluation, scale: options.scale, threshold, records: records.length, comparedPairs, seeded, resolveMs, withoutPhones };
}
