// The "Collapse confirmed duplicates" toggle: swaps the chart's content for its collapsed form (see
// collapse.ts) and back, keeping positions. The confirmed SAME_AS links come from the database, so a pair
// confirmed in the review queue collapses even when its SAME_AS link was never put on the chart. Entities
// added while collapsed are dropped on the way back, because the original content is restored as it was.
import { useCallback, useState } from 'react';
import type { WorkbenchApi } from '../../../contract/api';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { MAX_SAME_AS_IDS } from '../../../shared-values/request-limits';
import type { ChartController } from '../chart/chart-controller';
import { collapseConfirmedDuplicates, type MergedEntity } from './collapse';

type Position = { x: number; y: number };

interface Snapshot {
  entities: EntitySummary[];
  links: LinkSummary[];
  positions: Map<string, Position>;
}

/** Confirmed SAME_AS links among the chart's entities that the chart itself does not hold. */
async function sameAsFromDatabase(api: WorkbenchApi, entities: readonly EntitySummary[], links: readonly LinkSummary[]): Promise<LinkSummary[]> {
  const ids = entities.map((entity) => entity.id);
  const onChart = new Set(links.map((link) => link.id));
  const found: LinkSummary[] = [];
  for (let start = 0; start < ids.length; start += MAX_SAME_AS_IDS) {
    const { links: part } = await api.confirmedSameAs({ ids: ids.slice(start, start + MAX_SAME_AS_IDS) });
    found.push(...part.filter((link) => !onChart.has(link.id)));
  }
  return found;
}

export function useCollapsedDuplicates(chart: ChartController | undefined, api: WorkbenchApi, onError: (error: unknown) => void) {
  const [original, setOriginal] = useState<Snapshot>();
  const [merged, setMerged] = useState<Map<string, MergedEntity>>(new Map());
  /** What the analyst asked for while the database is being asked for the pairs (the toggle follows at once). */
  const [asked, setAsked] = useState<boolean>();

  const setCollapsed = useCallback(
    async (on: boolean) => {
      if (!chart) return;
      if (on && !original) {
        setAsked(true);
        const snapshot: Snapshot = { entities: chart.entities(), links: chart.links(), positions: chart.entityPositions() };
        let stored: LinkSummary[] = [];
        try {
          stored = snapshot.entities.length ? await sameAsFromDatabase(api, snapshot.entities, snapshot.links) : [];
        } catch (error) {
          // Still collapse what the chart shows; the alert says the database could not add its pairs.
          onError(error);
        }
        const collapsed = collapseConfirmedDuplicates(snapshot.entities, [...snapshot.links, ...stored]);
        const positions = new Map(snapshot.positions);
        for (const entity of collapsed.merged.values()) positions.set(entity.id, snapshot.positions.get(entity.records[0].id) ?? { x: 0, y: 0 });
        chart.replaceContent(collapsed.entities, collapsed.links, positions);
        setOriginal(snapshot);
        setMerged(collapsed.merged);
        setAsked(undefined);
      } else if (!on && original) {
        chart.replaceContent(original.entities, original.links, original.positions);
        setOriginal(undefined);
        setMerged(new Map());
      }
    },
    [chart, original, api, onError],
  );

  return { collapsed: asked ?? original !== undefined, setCollapsed, merged };
}
