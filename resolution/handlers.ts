// The review-queue operations of the contract, bound to a database context and the current user. The
// workbench spreads these into its handler table; identity (read-only guard) and audit wrap them there.
import type { ResolutionResponseTypes } from '../contract/resolution';
import type { ParsedRequestOf } from '../contract/api';
import { confirmedSameAsAmong, decideMatch, decideMatches, listMatchCandidates, undoMatchDecision } from '../graph-queries/resolution';
import type { QueryContext } from '../graph-queries/run';
import { runResolution } from './run-in-database';

type ResolutionHandlers = {
  [K in keyof ResolutionResponseTypes]: (request: ParsedRequestOf<K>) => Promise<ResolutionResponseTypes[K]>;
};

export function createResolutionHandlers(deps: { context: () => QueryContext; userName: () => string }): ResolutionHandlers {
  return {
    runResolution: (request) => runResolution(deps.context(), request),
    listMatchCandidates: (request) => listMatchCandidates(deps.context(), request),
    confirmedSameAs: async (request) => ({ links: await confirmedSameAsAmong(deps.context(), request.ids) }),
    decideMatch: (request) => decideMatch(deps.context(), { ...request, user: deps.userName() }),
    undoMatchDecision: (request) => undoMatchDecision(deps.context(), { ...request, user: deps.userName() }),
    decideMatches: (request) => decideMatches(deps.context(), { ...request, user: deps.userName() }),
  };
}
