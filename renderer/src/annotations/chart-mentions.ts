// The chart's entities as mention candidates, for the note fields below a component (ChartMentionCandidates).
import { useCallback } from 'react';
import type { ChartController } from '../chart/chart-controller';
import type { MentionCandidate } from './MentionTextarea';

export function useChartMentionCandidates(chart: ChartController | undefined): () => MentionCandidate[] {
  return useCallback(
    () =>
      (chart?.model.entityIds() ?? []).flatMap((id) => {
        const entity = chart?.entity(id);
        return entity ? [{ id, label: entity.label || id, type: entity.type }] : [];
      }),
    [chart],
  );
}
