// The demo investigation's footprint in a database: whether a database holds anything besides demo data
// (then demo data must never be written into it), and removing demo data that an older version loaded
// next to real records. Demo records carry `dataset: 'demo'` (indexed per label, see migrations.ts).
import { ENTITY_LABEL } from './migrations';
import { plainNumber, readRows, writeRows, type QueryContext } from './run';

export const DEMO_DATASET = 'demo';

export interface DatabaseContents {
  /** Entities whose dataset is not the demo's (imported records, CAVIAR, analyst-made entities). */
  otherEntities: number;
  demoEntities: number;
  /** The demo dataset marker is written last: without it a demo load was interrupted. */
  demoComplete: boolean;
  /** Dataset markers other than the demo's (e.g. caviar). */
  otherDatasets: string[];
}

export async function databaseContents(ctx: QueryContext): Promise<DatabaseContents> {
  const [row] = await readRows(
    ctx,
    `CALL () { MATCH (n:${ENTITY_LABEL}) WHERE n.dataset = $demo RETURN count(n) AS demoEntities }
     CALL () { MATCH (n:${ENTITY_LABEL}) WHERE n.dataset IS NULL OR n.dataset <> $demo RETURN count(n) AS otherEntities }
     CALL () { OPTIONAL MATCH (d:SchakelDataset) WHERE d.name <> $demo RETURN collect(d.name) AS otherDatasets }
     CALL () { OPTIONAL MATCH (d:SchakelDataset {name: $demo}) RETURN count(d) > 0 AS demoComplete }
     RETURN demoEntities, otherEntities, otherDatasets, demoComplete`,
    { demo: DEMO_DATASET },
  );
  return {
    demoEntities: plainNumber(row?.demoEntities),
    otherEntities: plainNumber(row?.otherEntities),
    demoComplete: row?.demoComplete === true,
    otherDatasets: ((row?.otherDatasets as unknown[]) ?? []).map(String).sort(),
  };
}

export interface DemoRemoval {
  entities: number;
}

/** Deletes every demo entity with its links, and the demo dataset marker; other records are untouched. */
export async function removeDemoData(ctx: QueryContext, onProgress?: (removed: number) => void): Promise<DemoRemoval> {
  let entities = 0;
  // Batches keep each transaction small (a scale-10 demo has a hundred thousand entities).
  for (;;) {
    const [row] = await writeRows(
      ctx,
      `MATCH (n:${ENTITY_LABEL}) WHERE n.dataset = $demo
       WITH n LIMIT 5000
       DETACH DELETE n
       RETURN count(*) AS removed`,
      { demo: DEMO_DATASET },
    );
    const removed = plainNumber(row?.removed);
    if (removed === 0) break;
    entities += removed;
    onProgress?.(entities);
  }
  await writeRows(ctx, `MATCH (d:SchakelDataset {name: $demo}) DELETE d`, { demo: DEMO_DATASET });
  return { entities };
}
