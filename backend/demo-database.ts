// The demo investigation lives in a database of its own: a local Neo4j in `<data folder>/demo-investigation`
// (or, for tests, any database named by the caller). Demo data is written only into a database that holds
// nothing else, so synthetic persons can never end up beside real records, be searched with them or take
// part in their entity resolution.
import fs from 'node:fs';
import path from 'node:path';
import { ApiError } from '../contract/api';
import { databaseContents } from '../graph-queries/demo-data';
import type { QueryContext } from '../graph-queries/run';
import { seedDemo } from '../demo-data/seed';
import { readLastResolutionRun } from '../graph-queries/resolution';
import { runResolution } from '../resolution/run-in-database';
import { instancePaths } from '../local-neo4j/paths';

/**
 * When the demo is shown:
 *  - 'offer': never by itself; the workbench offers it when the database is empty (installed app);
 *  - 'open': at start (`npm start -- --demo`);
 *  - 'open-when-new': at start when this data folder has no local database of its own yet and no server is
 *    configured (a fresh clone's `npm start`); once the analyst uses their own database it is left alone.
 */
export type DemoMode = 'offer' | 'open' | 'open-when-new';

export const DEMO_FOLDER = 'demo-investigation';

export function demoDataDir(dataDir: string): string {
  return path.join(dataDir, DEMO_FOLDER);
}

/** Whether a managed local database was ever created in this data folder. */
export function hasLocalDatabase(dataDir: string): boolean {
  return fs.existsSync(instancePaths(dataDir).home);
}

export function demoRefused(otherEntities: number, otherDatasets: string[]): ApiError {
  const what = otherDatasets.length ? `datasets ${otherDatasets.join(', ')}` : `${otherEntities.toLocaleString('en')} records`;
  return new ApiError({
    code: 'CONFLICT',
    message: `The demo investigation was not loaded: this database already holds other data (${what}), and demo data is never mixed with it.`,
    hint: 'Open the demo from an empty start screen, or run "npm start -- --demo": it uses a separate demo database.',
  });
}

/**
 * Loads the scale-1 demo into the database unless it is there already. Refuses (CONFLICT) when the database
 * holds anything besides demo data.
 */
export async function loadDemoInto(ctx: QueryContext, options: { dataDir: string; log: (message: string) => void }): Promise<void> {
  const contents = await databaseContents(ctx);
  if (contents.otherEntities > 0 || contents.otherDatasets.length > 0) throw demoRefused(contents.otherEntities, contents.otherDatasets);
  if (!(contents.demoComplete && contents.demoEntities > 0)) {
    options.log('Loading the Belgian–Dutch demo investigation (scale 1) into the demo database…');
    // Batches of 500 so the progress lines move in steps of about a quarter at scale 1.
    const result = await seedDemo(ctx.driver, { scale: 1, database: ctx.database, dataDir: options.dataDir, onProgress: options.log, batchSize: 500 });
    options.log(`Demo data loaded: ${result.nodes} entities, ${result.relationships} links.`);
  }
  // As after an import: the review queue opens with the demo's candidates, not empty until "Find matches".
  if (!(await readLastResolutionRun(ctx))) {
    const run = await runResolution(ctx);
    options.log(`Entity resolution over the demo: ${run.proposed} match candidates waiting in "Review matches".`);
  }
}
