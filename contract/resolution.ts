// Entity resolution and its review queue: request schemas and response types. Kept apart from
// api.ts so the wiring there is a few lines. No Node or DOM imports: the renderer takes the types from here.
import { z } from 'zod';
import type { EntityDetails } from './api';
import type { EntitySummary, LinkSummary } from './model';
import { freeText, identifier } from './text';
import { MAX_SAME_AS_IDS } from '../shared-values/request-limits';
import type { MatchEvidence } from '../shared-values/match-evidence';

export const MATCH_TYPES = ['Person', 'Vehicle', 'Phone'] as const;
export type MatchType = (typeof MATCH_TYPES)[number];
export const MATCH_STATUSES = ['pending', 'confirmed', 'rejected', 'deferred'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const MATCH_DECISIONS = ['confirm', 'reject', 'defer'] as const;
export type MatchDecision = (typeof MATCH_DECISIONS)[number];

const candidateId = identifier(500);
const reason = freeText({ max: 2000, multiline: true });
const score = z.number().min(-50).max(100);
export const BULK_DECISIONS = ['confirm', 'reject'] as const;
export type BulkDecision = (typeof BULK_DECISIONS)[number];
/** Most candidates one bulk decision takes: a page an analyst can still account for. */
export const MAX_BULK_DECISIONS = 1000;

export const resolutionRequestSchemas = {
  /** Runs entity resolution over the whole database and refreshes the review queue. */
  runResolution: z
    .object({
      types: z.array(z.enum(MATCH_TYPES)).min(1).max(MATCH_TYPES.length).optional(),
      /** Minimum score for a pair to be queued; the default is the one `npm run er:eval` measured. */
      threshold: score.optional(),
    })
    .strict(),
  /**
   * The confirmed SAME_AS links among these entities, from the database: collapsing duplicates needs them
   * whether or not they were ever put on the chart.
   */
  confirmedSameAs: z.object({ ids: z.array(identifier(200)).min(1).max(MAX_SAME_AS_IDS) }).strict(),
  listMatchCandidates: z
    .object({
      status: z.enum(MATCH_STATUSES).default('pending'),
      type: z.enum(MATCH_TYPES).optional(),
      /** Only candidates scoring at least this (what a bulk decision above that score would take). */
      minScore: score.optional(),
      limit: z.number().int().min(1).max(200).default(25),
      offset: z.number().int().min(0).max(1_000_000).default(0),
    })
    .strict(),
  /** Confirm (creates a reversible SAME_AS link), reject or defer a candidate pair, with a reason. */
  decideMatch: z.object({ id: candidateId, decision: z.enum(MATCH_DECISIONS), reason: reason.default('') }).strict(),
  /** Takes a decision back: the pair is pending again and a SAME_AS link it created is removed. */
  undoMatchDecision: z.object({ id: candidateId, reason: reason.default('') }).strict(),
  /**
   * Confirms or rejects many candidates at once, with one justification (audited once, and stored on every
   * decision it made): all of a status (and type) scoring at least `minScore`, or the listed candidates.
   * Each decision stays undoable on its own.
   */
  decideMatches: z
    .object({
      decision: z.enum(BULK_DECISIONS),
      justification: z.string().trim().min(3).max(2000),
      status: z.enum(['pending', 'deferred']).default('pending'),
      type: z.enum(MATCH_TYPES).optional(),
      minScore: score.optional(),
      ids: z.array(candidateId).min(1).max(MAX_BULK_DECISIONS).optional(),
      limit: z.number().int().min(1).max(MAX_BULK_DECISIONS).default(MAX_BULK_DECISIONS),
    })
    .strict()
    .refine((request) => request.minScore !== undefined || request.ids !== undefined, {
      message: 'Say which candidates: a minimum score or a list of candidate ids.',
    }),
} as const;

/** One piece of evidence: which field, how it compared, its weight, the English detail, and its message code and values. */
export type { MatchEvidence } from '../shared-values/match-evidence';

export interface MatchHistoryEntry {
  action: 'confirmed' | 'rejected' | 'deferred' | 'undone';
  by: string;
  at: string;
  reason?: string;
  /** Set when the decision was one of a bulk decision's. */
  batchId?: string;
}

export interface MatchCandidateView {
  id: string;
  type: MatchType;
  score: number;
  status: MatchStatus;
  evidence: MatchEvidence[];
  /** Both records with their provenance (source row, case, country, agency, grading). */
  left: Pick<EntityDetails, 'entity' | 'provenance'>;
  right: Pick<EntityDetails, 'entity' | 'provenance'>;
  createdAt?: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  history: MatchHistoryEntry[];
}

export interface ResolutionTypeCounts {
  records: number;
  /** Pairs compared after blocking. */
  compared: number;
  /** Pairs at or above the threshold. */
  proposed: number;
  /** Of those, not in the queue before. */
  added: number;
}

export interface ResolutionRunResult {
  threshold: number;
  byType: Partial<Record<MatchType, ResolutionTypeCounts>>;
  proposed: number;
  added: number;
  /** Pending candidates of an earlier run that no longer reach the threshold, taken out of the queue. */
  withdrawn: number;
  elapsedMs: number;
}

/** When resolution last ran over the database, and what it found. */
export interface ResolutionRunMark {
  at: string;
  /** 'full': every record; 'new-records': only an import's new records against the rest. */
  mode: 'full' | 'new-records';
  proposed: number;
  added: number;
}

export interface BulkDecisionResult {
  batchId: string;
  decision: BulkDecision;
  /** How many candidates this decision took (at most the limit). */
  decided: number;
  candidateIds: string[];
}

export interface ResolutionResponseTypes {
  runResolution: ResolutionRunResult;
  confirmedSameAs: { links: LinkSummary[] };
  listMatchCandidates: { candidates: MatchCandidateView[]; total: number; lastRun?: ResolutionRunMark };
  decideMatch: MatchCandidateView;
  undoMatchDecision: MatchCandidateView;
  decideMatches: BulkDecisionResult;
}

export type { EntitySummary };
