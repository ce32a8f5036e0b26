// The "Collapse confirmed duplicates" toggle: swaps the chart's content for its collapsed form (see
// collapse.ts) and back, keeping positions. Entities added while collapsed are dropped on the way back,
// because the original content is restored as it was.
import { useCallback, useState } from 'react';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import type { ChartController } from '../chart/chart-controller';
import { collapseConfirmedDuplicates, type MergedEntity } from './collapse';

type Position = { x: number; y: number };

interface Snapshot {
  entities: EntitySummary[];
  links: LinkSummary[];
  positions: Map<string, Position>;
}

export function useCollapsedDuplicates(chart: ChartController | undefined) {
  const [original, setOriginal] = useState<Snapshot>();
  const [merged, setMerged] = useState<Map<string, MergedEntity>>(new Map());

  const setCollapsed = useCallback(
    (on: boolean) => {
      if (!chart) return;
      if (on && !original) {
        const snapshot: Snapshot = { entities: chart.entities(), links: chart.links(), positions: chart.entityPositions() };
        const collapsed = collapseConfirmedDuplicates(snapshot.entities, snapshot.links);
        const positions = new Map(snapshot.positions);
        for (const entity of collapsed.merged.values()) positions.set(entity.id, snapshot.positions.get(entity.records[0].id) ?? { x: 0, y: 0 });
        chart.replaceContent(collapsed.entities, collapsed.links, positions);
        setOriginal(snapshot);
        setMerged(collapsed.merged);
      } else if (!on && original) {
        chart.replaceContent(original.entities, original.links, original.positions);
        setOriginal(undefined);
        setMerged(new Map());
      }
    },
    [chart, original],
  );

  return { collapsed: original !== undefined, setCollapsed, merged };
}
