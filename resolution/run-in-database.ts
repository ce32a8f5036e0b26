// Runs entity resolution over the database and refreshes the review queue. Called by the runResolution
// operation and, after each import, by the importer (`runResolution(ctx)` with the defaults).
import { randomUUID } from 'node:crypto';
import type { ResolutionRunResult } from '../contract/resolution';
import { readResolutionRecords, writeMatchCandidates } from '../graph-queries/resolution';
import type { QueryContext } from '../graph-queries/run';
import { RESOLVABLE_TYPES, type ResolvableType } from './records';
import { resolveRecords } from './resolve';
import { DEFAULT_MATCH_THRESHOLD } from './weights';

export interface RunResolutionOptions {
  types?: readonly ResolvableType[];
  threshold?: number;
}

export async function runResolution(ctx: QueryContext, options: RunResolutionOptions = {}): Promise<ResolutionRunResult> {
  const started = performance.now();
  const types = options.types?.length ? options.types : RESOLVABLE_TYPES;
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const records = await readResolutionRecords(ctx, types);
  const { pairs, stats } = resolveRecords(records, { types, threshold });
  const written = await writeMatchCandidates(ctx, pairs, { runId: randomUUID(), types });
  const byType: ResolutionRunResult['byType'] = {};
  for (const type of types) {
    const s = stats[type];
    byType[type] = { records: s.records, compared: s.candidatePairs, proposed: s.matches, added: written.addedByType[type] ?? 0 };
  }
  return { threshold, byType, proposed: pairs.length, added: written.added, withdrawn: written.withdrawn, elapsedMs: Math.round(performance.now() - started) };
}
