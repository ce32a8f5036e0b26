// What a path search may walk over, and its bounds (shared-values/request-limits.ts, as the contract checks
// them). The Record below stops compiling when the contract gains a relationship type this list does not mention.
import type { RelationshipType } from '../../../../contract/model';
import { DEFAULT_PATH_HOPS } from '../../../../shared-values/request-limits';

/** true: offered and ticked by default. false: offered but unticked (provenance, not a connection). */
const PATH_TYPE_DEFAULTS: Record<RelationshipType, boolean> = {
  MEMBER_OF: true,
  USES: true,
  OWNS: true,
  DRIVES: true,
  CALLED: true,
  SIGHTED_AT: true,
  LIVES_AT: true,
  INVOLVED_IN: true,
  OCCURRED_AT: true,
  ASSOCIATE_OF: true,
  SAME_AS: true,
  ANALYST_LINK: true,
  // "Both appear in the same register file / case" is not what an analyst means by connected (the backend
  // leaves these out by default too).
  PART_OF: false,
  RECORDED_IN: false,
};

export const PATH_RELATIONSHIP_TYPES = Object.keys(PATH_TYPE_DEFAULTS) as RelationshipType[];
export const DEFAULT_PATH_TYPES = PATH_RELATIONSHIP_TYPES.filter((type) => PATH_TYPE_DEFAULTS[type]);

export { MAX_NETWORK_HOPS, MAX_NETWORK_IDS, MAX_PATH_HOPS, MAX_PATH_IDS } from '../../../../shared-values/request-limits';
export const DEFAULT_MAX_HOPS = DEFAULT_PATH_HOPS;

export type PathMode = 'shortest' | 'all-shortest' | 'network';

export function clampHops(value: number, max: number): number {
  if (!Number.isFinite(value)) return DEFAULT_MAX_HOPS;
  return Math.min(max, Math.max(1, Math.round(value)));
}
