// Blocking: instead of comparing every record with every other (n² / 2 pairs: 5 billion for 100,000 persons),
// records are grouped by blocking keys (name variants, date of birth, identifiers, shared phones and plates)
// and only records sharing a key are compared. A key shared by very many records ("n:initial:jansen|j" in a
// big register) says little and would bring back the n² cost, so blocks above a cap are skipped: the pairs in
// them still meet through their other, more specific keys.
import { blockingKeys, type Profile } from './profiles';

export const DEFAULT_MAX_BLOCK_SIZE = 50;

/**
 * Keys made of names alone (no date, no identifier, no phone) are capped lower: in a national register the
 * common names make crowds of namesakes, and a true pair in such a crowd still meets through its date of birth
 * (combined with a name initial), an identifier or a shared phone.
 */
export const NAME_ONLY_BLOCK_SIZE = 20;
const NAME_ONLY_KEY = /^(n|skeleton|sound|swap):/;

/** The most records a block of this key may hold before it is skipped. */
export function blockCap(key: string, maxBlockSize: number): number {
  return NAME_ONLY_KEY.test(key) ? Math.min(maxBlockSize, NAME_ONLY_BLOCK_SIZE) : maxBlockSize;
}

export interface BlockingStats {
  blocks: number;
  /** Blocks skipped for being larger than the cap, with their keys (the first few) for the report. */
  oversizedBlocks: number;
  oversizedExamples: string[];
  candidatePairs: number;
}

export interface BlockingResult {
  /** Index pairs into the profile list, i < j, each once. */
  pairs: [number, number][];
  stats: BlockingStats;
}

export function candidatePairs(profiles: readonly Profile[], maxBlockSize = DEFAULT_MAX_BLOCK_SIZE): BlockingResult {
  const blocks = new Map<string, number[]>();
  profiles.forEach((profile, index) => {
    for (const key of blockingKeys(profile)) {
      const members = blocks.get(key);
      if (members) {
        // A record can produce the same key twice (two phones, a date equal to its own swap): count it once.
        if (members[members.length - 1] !== index) members.push(index);
      } else blocks.set(key, [index]);
    }
  });

  const seen = new Set<number>();
  const pairs: [number, number][] = [];
  const stats: BlockingStats = { blocks: 0, oversizedBlocks: 0, oversizedExamples: [], candidatePairs: 0 };
  const n = profiles.length;
  for (const [key, members] of blocks) {
    if (members.length < 2) continue;
    stats.blocks++;
    if (members.length > blockCap(key, maxBlockSize)) {
      stats.oversizedBlocks++;
      if (stats.oversizedExamples.length < 5) stats.oversizedExamples.push(`${key} (${members.length})`);
      continue;
    }
    for (let a = 0; a < members.length; a++) {
      for (let b = a + 1; b < members.length; b++) {
        const i = members[a];
        const j = members[b];
        const code = i * n + j;
        if (seen.has(code)) continue;
        seen.add(code);
        if (sameSourceRow(profiles[i], profiles[j])) continue;
        pairs.push([i, j]);
      }
    }
  }
  stats.candidatePairs = pairs.length;
  return { pairs, stats };
}

/** Two records taken from one source row describe two things that row keeps apart (a person's two phones). */
export function sameSourceRow(a: Profile, b: Profile): boolean {
  return a.record.sourceId !== undefined && a.record.sourceId === b.record.sourceId;
}
