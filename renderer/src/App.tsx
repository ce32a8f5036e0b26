// The workbench: top bar (connection), search on the left, chart in the middle, details on the right,
// chart status at the bottom, problems above the chart. State that crosses panels lives here; the chart's
// own state lives in ChartController.
import { useCallback, useState } from 'react';
import type { SearchHit, WorkbenchApi } from '../../contract/api';
import type { ChartController, ChartCounts, ChartSelection } from './chart/chart-controller';
import { AlertArea } from './components/AlertArea';
import { ChartPane } from './components/ChartPane';
import { ConnectionDialog } from './components/ConnectionDialog';
import { ConnectionIndicator } from './components/ConnectionIndicator';
import { DetailsPanel } from './components/DetailsPanel';
import { SearchPanel } from './components/SearchPanel';
import { StatusBar } from './components/StatusBar';
import { useAlerts } from './hooks/use-alerts';
import { useConnectionStatus } from './hooks/use-connection-status';
import { useEntityDetails } from './hooks/use-entity-details';

/** contract/api.ts caps `expand.ids` at 500 (a runtime value the renderer may not import, hence repeated). */
const MAX_EXPAND_IDS = 500;

export function App({ api }: { api: WorkbenchApi }) {
  const { alerts, report, dismiss, dismissCode } = useAlerts();
  const [chart, setChart] = useState<ChartController>();
  const [counts, setCounts] = useState<ChartCounts>({ entities: 0, links: 0 });
  const [selection, setSelection] = useState<ChartSelection>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [expanding, setExpanding] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [dialogOpen, setDialogOpen] = useState(false);

  const connection = useConnectionStatus(
    api,
    useCallback((error) => report(error, 'Database connection'), [report]),
    useCallback(() => dismissCode('NETWORK'), [dismissCode]),
  );
  const selectedEntityId = selection?.kind === 'entity' ? selection.id : undefined;
  const entityDetails = useEntityDetails(api, selectedEntityId, useCallback((e) => report(e, 'Details'), [report]));
  const reportSearchError = useCallback((error: unknown) => report(error, 'Search'), [report]);

  const onChartReady = useCallback((controller: ChartController | undefined) => {
    setChart(controller);
    controller?.setListeners({
      onContentChange: setCounts,
      onSelectionChange: (single, ids) => {
        setSelection(single);
        setSelectedIds(ids);
      },
    });
  }, []);

  const expand = useCallback(
    async (ids: string[]) => {
      if (!chart || ids.length === 0) return;
      setExpanding(true);
      setNotice(undefined);
      try {
        const batch = ids.slice(0, MAX_EXPAND_IDS);
        const result = await api.expand({ ids: batch, exclude: chart.entityIds() });
        const added = await chart.addExpansion(result);
        const parts: string[] = [];
        if (ids.length > batch.length) parts.push(`Expanded the first ${batch.length} of ${ids.length} selected entities.`);
        if (added.entities.length === 0 && added.links.length === 0) parts.push('No new neighbours.');
        if (result.omitted > 0) parts.push(`${result.omitted} more neighbours not added (limit)`);
        setNotice(parts.length ? parts.join(' ') : undefined);
      } catch (error) {
        report(error, 'Expand');
      } finally {
        setExpanding(false);
      }
    },
    [api, chart, report],
  );

  // Registered on every render so the double-click handler always sees the current `expand`.
  chart?.setListeners({ onEntityActivate: (id) => void expand([id]) });

  const addToChart = useCallback((hit: SearchHit) => chart?.addEntity(hit), [chart]);

  const detailsProps = (() => {
    if (selection?.kind === 'entity') {
      return { kind: 'entity' as const, summary: chart?.entity(selection.id), ...entityDetails };
    }
    const link = selection?.kind === 'link' ? chart?.link(selection.id) : undefined;
    if (link) {
      return {
        kind: 'link' as const,
        link,
        sourceLabel: chart?.entity(link.source)?.label ?? link.source,
        targetLabel: chart?.entity(link.target)?.label ?? link.target,
      };
    }
    return { kind: 'none' as const, selectedCount: selectedIds.length };
  })();

  return (
    <div className="app">
      <header className="top-bar">
        <div className="brand" aria-label="Schakel">
          <span className="brand-mark" aria-hidden="true" />
          Schakel
        </div>
        <ConnectionIndicator status={connection.status} error={connection.error} />
        <button type="button" onClick={() => setDialogOpen(true)}>
          Connection…
        </button>
      </header>
      <main className="workspace">
        <SearchPanel api={api} onAdd={addToChart} onError={reportSearchError} />
        <div className="centre-column">
          <AlertArea alerts={alerts} onDismiss={dismiss} />
          <ChartPane
            onReady={onChartReady}
            selectedCount={selectedIds.length}
            isEmpty={counts.entities === 0}
            expanding={expanding}
            onExpand={() => void expand(selectedIds)}
            onFit={() => chart?.fit()}
            onRemove={() => chart?.removeSelected()}
            onClear={() => {
              chart?.clear();
              setNotice(undefined);
            }}
          />
        </div>
        <DetailsPanel {...detailsProps} />
      </main>
      <StatusBar counts={counts} notice={notice} />
      <ConnectionDialog
        api={api}
        open={dialogOpen}
        current={connection.status}
        onClose={() => setDialogOpen(false)}
        onConnected={connection.setStatus}
      />
    </div>
  );
}
