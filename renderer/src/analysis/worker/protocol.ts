// Messages between the page and the analysis worker.
import type { LayoutGraph, Position } from '../../chart/forceatlas2-layout';
import type { AnalysisInput, Scores } from '../analysis-graph';
import type { CentralityMeasure } from '../centrality';
import type { Communities } from '../communities';

export type AnalysisRequest =
  | { kind: 'centrality'; input: AnalysisInput; measure: CentralityMeasure }
  | { kind: 'communities'; input: AnalysisInput; seed?: number }
  | { kind: 'forceatlas2'; graph: LayoutGraph; iterations: number };

export interface AnalysisResults {
  centrality: Scores;
  communities: Communities;
  forceatlas2: Record<string, Position>;
}

export type AnalysisResponse =
  | { id: number; type: 'result'; result: AnalysisResults[AnalysisRequest['kind']] }
  | { id: number; type: 'error'; message: string }
  | { id: number; type: 'progress'; done: number; total: number };
