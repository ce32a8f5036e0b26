// What "Expand" brings in: which relationship types, which direction, and at most how many neighbours per
// action. Kept in localStorage so the analyst's cap survives a restart.
import type { RelationshipType } from '../../../../contract/model';
import { DEFAULT_EXPAND_LIMIT, MAX_EXPAND_LIMIT } from '../../../../shared-values/request-limits';

export type ExpandDirection = 'both' | 'outgoing' | 'incoming';

export interface ExpandSettings {
  /** Empty means every type. */
  relationshipTypes: RelationshipType[];
  direction: ExpandDirection;
  cap: number;
}

/** The neighbours one expansion brings at most: by default, and the highest cap the backend accepts. */
export const DEFAULT_EXPAND_CAP = DEFAULT_EXPAND_LIMIT;
export const MAX_EXPAND_CAP = MAX_EXPAND_LIMIT;

/** Every relationship type, typed over RelationshipType so none is missed (their words: common:linkTypeLong). */
const RELATIONSHIP_TYPE_SET: Record<RelationshipType, true> = {
  MEMBER_OF: true,
  USES: true,
  OWNS: true,
  DRIVES: true,
  CALLED: true,
  SIGHTED_AT: true,
  LIVES_AT: true,
  INVOLVED_IN: true,
  OCCURRED_AT: true,
  PART_OF: true,
  RECORDED_IN: true,
  ASSOCIATE_OF: true,
  SAME_AS: true,
  ANALYST_LINK: true,
};
export const ALL_RELATIONSHIP_TYPES = Object.keys(RELATIONSHIP_TYPE_SET) as RelationshipType[];

const STORAGE_KEY = 'schakel.expandSettings';

export function clampCap(value: number): number {
  if (!Number.isFinite(value)) return DEFAULT_EXPAND_CAP;
  return Math.min(MAX_EXPAND_CAP, Math.max(1, Math.round(value)));
}

export function loadExpandSettings(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): ExpandSettings {
  const defaults: ExpandSettings = { relationshipTypes: [], direction: 'both', cap: DEFAULT_EXPAND_CAP };
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return defaults;
    const parsed = JSON.parse(raw) as Partial<ExpandSettings>;
    return {
      relationshipTypes: Array.isArray(parsed.relationshipTypes) ? parsed.relationshipTypes.filter((t) => ALL_RELATIONSHIP_TYPES.includes(t)) : [],
      direction: parsed.direction === 'outgoing' || parsed.direction === 'incoming' ? parsed.direction : 'both',
      cap: clampCap(Number(parsed.cap ?? DEFAULT_EXPAND_CAP)),
    };
  } catch {
    return defaults;
  }
}

export function saveExpandSettings(settings: ExpandSettings, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(settings));
  } catch {
    // Storage full or disabled: the settings simply do not persist.
  }
}
