// Pairwise precision and recall of proposed matches against a ground truth: every pair of records of one
// real-world entity is a true pair. Pure, so the eval CLI, the integration test and the benchmark share it.
import type { ResolvableType, ScoredPair } from './records';

export interface TruthEntity {
  type: ResolvableType;
  recordIds: string[];
}

export interface QualityFigures {
  truePairs: number;
  proposedPairs: number;
  correctPairs: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  overall: QualityFigures;
  byType: Partial<Record<ResolvableType, QualityFigures>>;
  /** Examples of what went wrong, for tuning: wrong proposals and missed true pairs. */
  falsePositives: ScoredPair[];
  missed: { type: ResolvableType; leftId: string; rightId: string }[];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function figures(truePairs: number, proposedPairs: number, correctPairs: number): QualityFigures {
  return {
    truePairs,
    proposedPairs,
    correctPairs,
    // With nothing proposed, nothing proposed was wrong; with nothing to find, nothing was missed.
    precision: proposedPairs === 0 ? 1 : correctPairs / proposedPairs,
    recall: truePairs === 0 ? 1 : correctPairs / truePairs,
  };
}

export function evaluatePairs(proposed: readonly ScoredPair[], truth: readonly TruthEntity[], types?: readonly ResolvableType[]): Evaluation {
  const wanted = (type: ResolvableType) => !types?.length || types.includes(type);
  const truePairs = new Map<string, { type: ResolvableType; leftId: string; rightId: string }>();
  for (const entity of truth) {
    if (!wanted(entity.type)) continue;
    const ids = entity.recordIds;
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const [leftId, rightId] = ids[i] < ids[j] ? [ids[i], ids[j]] : [ids[j], ids[i]];
        truePairs.set(pairKey(leftId, rightId), { type: entity.type, leftId, rightId });
      }
    }
  }
  const counts = new Map<ResolvableType, { truth: number; proposed: number; correct: number }>();
  const count = (type: ResolvableType) => {
    let entry = counts.get(type);
    if (!entry) counts.set(type, (entry = { truth: 0, proposed: 0, correct: 0 }));
    return entry;
  };
  for (const pair of truePairs.values()) count(pair.type).truth++;

  const found = new Set<string>();
  const falsePositives: ScoredPair[] = [];
  for (const pair of proposed) {
    if (!wanted(pair.type)) continue;
    const key = pairKey(pair.leftId, pair.rightId);
    if (found.has(key)) continue;
    found.add(key);
    count(pair.type).proposed++;
    if (truePairs.has(key)) count(pair.type).correct++;
    else falsePositives.push(pair);
  }
  const missed = [...truePairs.entries()].filter(([key]) => !found.has(key)).map(([, pair]) => pair);

  const byType: Evaluation['byType'] = {};
  let [t, p, c] = [0, 0, 0];
  for (const [type, entry] of counts) {
    byType[type] = figures(entry.truth, entry.proposed, entry.correct);
    t += entry.truth;
    p += entry.proposed;
    c += entry.correct;
  }
  return { overall: figures(t, p, c), byType, falsePositives, missed };
}
