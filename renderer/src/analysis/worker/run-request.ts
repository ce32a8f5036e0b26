// Runs one analysis request: the same function in the worker and, where no worker exists (tests, tiny
// charts), on the page.
import { forceAtlas2Positions } from '../../chart/forceatlas2-layout';
import { centrality } from '../centrality';
import { detectCommunities } from '../communities';
import type { AnalysisRequest, AnalysisResults } from './protocol';

export function runAnalysisRequest(
  request: AnalysisRequest,
  onProgress: (done: number, total: number) => void = () => undefined,
): AnalysisResults[AnalysisRequest['kind']] {
  switch (request.kind) {
    case 'centrality':
      return centrality(request.input, request.measure);
    case 'communities':
      return detectCommunities(request.input, { seed: request.seed });
    case 'forceatlas2':
      return forceAtlas2Positions(request.graph, { iterations: request.iterations, onProgress });
  }
}
