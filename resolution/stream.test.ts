// The streaming resolver finds exactly what the in-memory one finds, however the keys are partitioned and the
// pairs chunked, and its incremental mode finds exactly the pairs that involve the new records.
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../demo-data/generate';
import { recordsFromDemo } from './from-demo';
import { RESOLVABLE_TYPES, type ScoredPair } from './records';
import { resolveRecords } from './resolve';
import { arraySource, resolveStream } from './stream';
import { DEFAULT_MATCH_THRESHOLD } from './weights';

const data = generateDemo({ scale: 1 });
const records = recordsFromDemo(data);
const keyOf = (pair: ScoredPair) => `${pair.leftId}|${pair.rightId}|${pair.score}`;

async function streamed(options: { partitionRecords?: number; chunkPairs?: number; onlyWith?: Set<string> }): Promise<string[]> {
  const found: ScoredPair[] = [];
  for (const type of RESOLVABLE_TYPES) {
    await resolveStream(arraySource(records, 97), type, { threshold: DEFAULT_MATCH_THRESHOLD, ...options, onPairs: async (pairs) => void found.push(...pairs) });
  }
  return found.map(keyOf).sort();
}

describe('streaming entity resolution', () => {
  const expected = resolveRecords(records).pairs.map(keyOf).sort();

  it('matches the in-memory resolver in one pass and in many partitions with small chunks', { timeout: 60_000 }, async () => {
    expect(expected.length).toBeGreaterThan(20);
    expect(await streamed({})).toEqual(expected);
    expect(await streamed({ partitionRecords: 150, chunkPairs: 7 })).toEqual(expected);
  });

  it('resolves only the pairs involving newly imported records', { timeout: 60_000 }, async () => {
    const fresh = new Set(records.filter((record) => record.sourceId && record.id.includes('-BE-')).map((record) => record.id));
    const involving = expected.filter((key) => {
      const [left, right] = key.split('|');
      return fresh.has(left) || fresh.has(right);
    });
    expect(involving.length).toBeGreaterThan(5);
    expect(await streamed({ onlyWith: fresh })).toEqual(involving);
  });
});
