// Runs entity resolution over the database and refreshes the review queue, streaming: records are read in
// keyset pages, blocked in bounded partitions and scored in chunks (resolution/stream.ts), and each chunk's
// pairs are written as they come. Called by the runResolution operation and after each import.
// `resolveNewRecords` is the incremental entry point for importers: only pairs involving the new records are
// scored and queued, and nothing already in the queue is withdrawn.
import { randomUUID } from 'node:crypto';
import type { ResolutionRunResult } from '../contract/resolution';
import {
  countResolutionRecords,
  markResolutionRun,
  readResolutionRecordsByIds,
  readResolutionRecordsPage,
  withdrawStaleCandidates,
  writeMatchCandidates,
} from '../graph-queries/resolution';
import type { QueryContext } from '../graph-queries/run';
import { RESOLVABLE_TYPES, type ResolvableType } from './records';
import { resolveStream, type RecordSource } from './stream';
import { DEFAULT_MATCH_THRESHOLD } from './weights';

export interface RunResolutionOptions {
  types?: readonly ResolvableType[];
  threshold?: number;
}

const PAGE_SIZE = 5_000;

/** The database as a record source for the streaming resolver. */
export function databaseSource(ctx: QueryContext): RecordSource {
  return {
    count: (type) => countResolutionRecords(ctx, type),
    async *pages(type) {
      let afterId = '';
      for (;;) {
        const page = await readResolutionRecordsPage(ctx, type, afterId, PAGE_SIZE);
        if (page.length === 0) return;
        yield page;
        if (page.length < PAGE_SIZE) return;
        afterId = page[page.length - 1].id;
      }
    },
    byIds: (type, ids) => readResolutionRecordsByIds(ctx, type, ids),
  };
}

async function resolveIntoQueue(ctx: QueryContext, options: RunResolutionOptions, onlyWith?: ReadonlySet<string>): Promise<ResolutionRunResult> {
  const started = performance.now();
  const types = options.types?.length ? options.types : RESOLVABLE_TYPES;
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const runId = randomUUID();
  const source = databaseSource(ctx);
  const byType: ResolutionRunResult['byType'] = {};
  let proposed = 0;
  let added = 0;
  for (const type of types) {
    let addedHere = 0;
    const stats = await resolveStream(source, type, {
      threshold,
      onlyWith,
      onPairs: async (pairs) => {
        const written = await writeMatchCandidates(ctx, pairs, { runId, types: [type], keepOthers: true });
        addedHere += written.added;
      },
    });
    byType[type] = { records: stats.records, compared: stats.candidatePairs, proposed: stats.matches, added: addedHere };
    proposed += stats.matches;
    added += addedHere;
  }
  // A full run replaces the queue's pending items; an incremental one only adds to it.
  const withdrawn = onlyWith ? 0 : await withdrawStaleCandidates(ctx, types, runId);
  await markResolutionRun(ctx, { mode: onlyWith ? 'new-records' : 'full', proposed, added });
  return { threshold, byType, proposed, added, withdrawn, elapsedMs: Math.round(performance.now() - started) };
}

export function runResolution(ctx: QueryContext, options: RunResolutionOptions = {}): Promise<ResolutionRunResult> {
  return resolveIntoQueue(ctx, options);
}

/** Incremental resolution after an import: compares only the new records (by id) with everything else. */
export function resolveNewRecords(ctx: QueryContext, ids: readonly string[], options: RunResolutionOptions = {}): Promise<ResolutionRunResult> {
  return resolveIntoQueue(ctx, options, new Set(ids));
}
