// Runs path searches for the selection on the chart: asks Neo4j (over the whole database), adds what it found
// to the chart with existing positions kept, highlights it, and says what was found in a notice.
import { useCallback, useState } from 'react';
import type { WorkbenchApi } from '../../../../contract/api';
import type { RelationshipType } from '../../../../contract/model';
import type { ChartController } from '../../chart/chart-controller';
import type { ChartNotices } from '../../chart/chart-notices';
import { describeNetwork, describePaths, hopCount } from './path-messages';
import { t } from '../../i18n';
import { clearPathHighlight, highlightPath } from './path-highlight';
import { DEFAULT_PATH_TYPES, MAX_NETWORK_HOPS, MAX_NETWORK_IDS, MAX_PATH_IDS, clampHops, MAX_PATH_HOPS, type PathMode } from './path-options';

export interface PathSearchRequest {
  mode: PathMode;
  ids: string[];
  maxHops: number;
  relationshipTypes: RelationshipType[];
}

export interface PathSearch {
  running: PathMode | undefined;
  highlighted: { entities: number; links: number } | undefined;
  run: (request: PathSearchRequest) => Promise<void>;
  clearHighlight: () => void;
}

interface Options {
  api: WorkbenchApi;
  chart: ChartController | undefined;
  report: (error: unknown, context?: string) => void;
  notices: Pick<ChartNotices, 'show' | 'dismiss'>;
}

const NOTICE_KEY = 'paths';

export function usePathSearch({ api, chart, report, notices }: Options): PathSearch {
  const [running, setRunning] = useState<PathMode>();
  const [highlighted, setHighlighted] = useState<{ entities: number; links: number }>();
  const { show, dismiss } = notices;

  const run = useCallback(
    async ({ mode, ids, maxHops, relationshipTypes }: PathSearchRequest) => {
      if (!chart || ids.length < 2) return;
      setRunning(mode);
      dismiss(NOTICE_KEY);
      // The backend's own default (everything but provenance links) when the analyst did not narrow it.
      const types = sameSet(relationshipTypes, DEFAULT_PATH_TYPES) ? undefined : relationshipTypes;
      const cap = mode === 'network' ? MAX_NETWORK_IDS : MAX_PATH_IDS;
      const batch = ids.slice(0, cap);
      const capNote = ids.length > cap ? t('analysis:paths.capNote', { cap, total: ids.length }) : '';
      try {
        if (mode === 'network') {
          const hops = clampHops(maxHops, MAX_NETWORK_HOPS);
          const result = await api.connectingNetwork({ ids: batch, maxHops: hops, ...(types ? { relationshipTypes: types } : {}) });
          const added = await chart.addExpansion(result);
          setHighlighted(result.links.length ? highlightPath(chart.cy, result.nodes.map((n) => n.id), result.links.map((l) => l.id)) : undefined);
          if (!result.links.length) clearPathHighlight(chart.cy);
          const hopNote = maxHops > MAX_NETWORK_HOPS ? t('analysis:paths.networkHopLimit', { hops: hopCount(MAX_NETWORK_HOPS) }) : '';
          show({
            key: NOTICE_KEY,
            tone: result.links.length ? 'info' : 'warning',
            text: describeNetwork(
              { entities: added.entities.length, links: added.links.length },
              { nodes: result.nodes.length, links: result.links.length, omitted: result.omitted },
              batch.length,
              hops,
            ) + hopNote + capNote,
          });
          return;
        }
        const hops = clampHops(maxHops, MAX_PATH_HOPS);
        const result = await api.findPaths({ ids: batch, mode, maxHops: hops, ...(types ? { relationshipTypes: types } : {}) });
        await chart.addExpansion({ nodes: result.nodes, links: result.links });
        if (result.paths.length) {
          setHighlighted(highlightPath(chart.cy, result.paths.flatMap((p) => p.entityIds), result.paths.flatMap((p) => p.linkIds)));
        } else {
          clearPathHighlight(chart.cy);
          setHighlighted(undefined);
        }
        const found = new Map(result.nodes.map((node) => [node.id, node.label]));
        const labelOf = (id: string) => chart.entity(id)?.label ?? found.get(id) ?? id;
        const pairs = (batch.length * (batch.length - 1)) / 2;
        show({
          key: NOTICE_KEY,
          tone: result.unconnected.length ? 'warning' : 'info',
          text: describePaths(result, mode, hops, labelOf, pairs) + capNote,
        });
      } catch (error) {
        report(error, mode === 'network' ? 'Connecting network' : 'Find paths');
      } finally {
        setRunning(undefined);
      }
    },
    [api, chart, report, show, dismiss],
  );

  const clearHighlight = useCallback(() => {
    if (chart) clearPathHighlight(chart.cy);
    setHighlighted(undefined);
    dismiss(NOTICE_KEY);
  }, [chart, dismiss]);

  return { running, highlighted, run, clearHighlight };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
