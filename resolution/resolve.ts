// Entity resolution over plain records: profile each record once, block, compare the candidate pairs and keep
// those scoring at least the threshold, each with the evidence that made its score.
import { candidatePairs, DEFAULT_MAX_BLOCK_SIZE, type BlockingStats } from './blocking';
import { comparePersons } from './compare-person';
import { comparePhones } from './compare-phone';
import { compareVehicles } from './compare-vehicle';
import { markClonedPlates, profileOf, type Profile, type VehicleProfile } from './profiles';
import { RESOLVABLE_TYPES, type Evidence, type ResolutionRecord, type ResolvableType, type ScoredPair } from './records';
import { DEFAULT_MATCH_THRESHOLD } from './weights';

export interface ResolveOptions {
  types?: readonly ResolvableType[];
  threshold?: number;
  maxBlockSize?: number;
}

export interface ResolveResult {
  pairs: ScoredPair[];
  stats: Record<ResolvableType, BlockingStats & { records: number; matches: number }>;
}

function compareOrdered(a: Profile, b: Profile): Evidence[] {
  if (a.kind === 'Person' && b.kind === 'Person') return comparePersons(a, b);
  if (a.kind === 'Vehicle' && b.kind === 'Vehicle') return compareVehicles(a, b);
  if (a.kind === 'Phone' && b.kind === 'Phone') return comparePhones(a, b);
  return [];
}

/** The score is the sum of the evidence weights, rounded so that stored and recomputed scores agree. */
export function scoreOf(evidence: readonly Evidence[]): number {
  return Math.round(evidence.reduce((sum, e) => sum + e.weight, 0) * 100) / 100;
}

/**
 * The one scoring path, for the review queue and for explaining a pair on demand. Symmetric by construction:
 * the records are put in id order first (so the explanation reads the same whichever came first), and every
 * comparison below is symmetric in its values (so the score would not change if the ids were the other way).
 */
export function scoreProfiles(x: Profile, y: Profile): ScoredPair {
  const [left, right] = x.record.id <= y.record.id ? [x, y] : [y, x];
  const evidence = compareOrdered(left, right);
  return { type: left.record.type, leftId: left.record.id, rightId: right.record.id, score: scoreOf(evidence), evidence };
}

/** Scores one pair of records, whatever the threshold (for tests and for explaining a pair on demand). */
export function scorePair(a: ResolutionRecord, b: ResolutionRecord): ScoredPair {
  return scoreProfiles(profileOf(a), profileOf(b));
}

export function resolveRecords(records: readonly ResolutionRecord[], options: ResolveOptions = {}): ResolveResult {
  const threshold = options.threshold ?? DEFAULT_MATCH_THRESHOLD;
  const types = options.types?.length ? options.types : RESOLVABLE_TYPES;
  const pairs: ScoredPair[] = [];
  const stats = {} as ResolveResult['stats'];
  for (const type of types) {
    const profiles = records.filter((record) => record.type === type).map(profileOf);
    if (type === 'Vehicle') markClonedPlates(profiles as VehicleProfile[]);
    const blocking = candidatePairs(profiles, options.maxBlockSize ?? DEFAULT_MAX_BLOCK_SIZE);
    let matches = 0;
    for (const [i, j] of blocking.pairs) {
      const pair = scoreProfiles(profiles[i], profiles[j]);
      if (pair.score < threshold) continue;
      pairs.push(pair);
      matches++;
    }
    stats[type] = { ...blocking.stats, records: profiles.length, matches };
  }
  return { pairs, stats };
}
