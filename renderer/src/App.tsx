// The workbench: top bar (connection), search on the left, chart in the middle, details on the right,
// chart status at the bottom, problems above the chart. State that crosses panels lives here; the chart's
// own state lives in ChartController.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit, WorkbenchApi } from '../../contract/api';
import type { ChartController, ChartCounts, ChartSelection } from './chart/chart-controller';
import { AlertArea } from './app/AlertArea';
import { ChartPane } from './chart/ChartPane';
import { ChartActionsBar, ChartLegend, ExpandMenu, MoreNeighboursChoice, useChartTools } from './chart/tools';
import { CentralityPanel } from './analysis/CentralityPanel';
import { TimeBar } from './timebar/TimeBar';
import { TimelineView } from './timeline/TimelineView';
import { QueryTemplatesDialog } from './query-templates/QueryTemplatesDialog';
import { ConnectionDialog } from './app/ConnectionDialog';
import { ConnectionIndicator } from './app/ConnectionIndicator';
import { DemoBadge, DemoOffer } from './app/DemoControls';
import { DetailsPanel } from './details/DetailsPanel';
import { ExportActions } from './court-export/ExportActions';
import { SearchPanel } from './search/SearchPanel';
import { StatusBar } from './app/StatusBar';
import { useAlerts } from './app/use-alerts';
import { useConnectionStatus } from './app/use-connection-status';
import { useEntityDetails } from './details/use-entity-details';
import { AnnotationChartTools, IdentityAndAudit } from './annotations/AccountabilityControls';
import { AnnotationsSection } from './annotations/AnnotationsSection';
import { IdentityBanner } from './annotations/IdentityBanner';
import { useIdentity } from './annotations/use-identity';
import { isMergedId } from './review/collapse';
import { MergedDetails } from './review/MergedDetails';
import { ReviewPanel } from './review/ReviewPanel';
import { ImportDialog } from './imports/ImportDialog';
import { MapView } from './map/MapView';
import { useCollapsedDuplicates } from './review/use-collapsed-duplicates';
import { useChartSession } from './saved-charts/use-chart-session';
import { carriedSettings, chartToDocument, overviewToDocument, type ChartMeta } from './saved-charts/chart-document';
import { ChartMenu } from './saved-charts/ChartMenu';
import { ChartNotices } from './chart/ChartNotices';
import { useChartNotices } from './chart/chart-notices';
import { PathsBar } from './analysis/paths/PathsBar';
import { usePathSearch } from './analysis/paths/use-path-search';
import { MoreMenu } from './app/MoreMenu';
import { BigChartPane } from './chart/big-chart/BigChartPane';
import { RendererStatus, RendererSwitch } from './chart/big-chart/RendererSwitch';
import { useBigChart } from './chart/big-chart/use-big-chart';
import { runOverviewShortcut } from './chart/big-chart/overview-shortcuts';
import type { ChartCommand } from './chart/tools/keyboard-shortcuts';
import { useInterfaceLanguage } from './app/use-interface-language';

export function App({ api }: { api: WorkbenchApi }) {
  const { t } = useTranslation('app');
  const language = useInterfaceLanguage();
  const { alerts, report, dismiss, dismissCode } = useAlerts();
  const [chart, setChart] = useState<ChartController>();
  const [counts, setCounts] = useState<ChartCounts>({ entities: 0, links: 0 });
  const [selection, setSelection] = useState<ChartSelection>(null);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);
  const [dialogOpen, setDialogOpen] = useState(false);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [timelineOpen, setTimelineOpen] = useState(false);
  const [queriesOpen, setQueriesOpen] = useState(false);
  const [mapOpen, setMapOpen] = useState(false);
  const duplicates = useCollapsedDuplicates(chart, api, useCallback((error: unknown) => report(error, 'Review matches'), [report]));

  const connection = useConnectionStatus(
    api,
    useCallback((error) => report(error, 'Database connection'), [report]),
    useCallback(() => dismissCode('NETWORK'), [dismissCode]),
  );
  // A collapsed duplicate (renderer/src/review) exists only on the chart: its details come from its records.
  const mergedSelected = selection?.kind === 'entity' ? duplicates.merged.get(selection.id) : undefined;
  const selectedEntityId = selection?.kind === 'entity' && !isMergedId(selection.id) ? selection.id : undefined;
  const entityDetails = useEntityDetails(api, selectedEntityId, useCallback((e) => report(e, 'Details'), [report]));
  const reportDemoError = useCallback((error: unknown) => report(error, 'Demo investigation'), [report]);
  const reportSearchError = useCallback((error: unknown) => report(error, 'Search'), [report]);
  // Analyst links, notes, identity and the audit log: renderer/src/annotations, renderer/src/audit.
  const { identity } = useIdentity(api, `${connection.status?.state} ${connection.status?.uri} ${connection.status?.user}`);
  const [annotationWrites, setAnnotationWrites] = useState(0);
  const reportAnnotationError = useCallback((error: unknown) => report(error, 'Annotations'), [report]);

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

  // Expansion (types, direction, cap, the "more neighbours" choice), undo/redo, layouts, analysis, shortcuts.
  const overviewShortcuts = useRef<((command: ChartCommand) => void) | undefined>(undefined);
  const tools = useChartTools({ api, chart, report, shortcutsElsewhere: overviewShortcuts });
  const { expand, expanding, notice } = tools;
  // Saved charts (save/open/autosave/draft/files) and path finding; both report through the chart notices.
  const chartNotices = useChartNotices();
  // Charts past what the canvas renderer holds are drawn by the WebGL overview (chart/big-chart).
  const bigChart = useBigChart({ api, chart, counts, settings: tools.settings, notices: chartNotices, report });
  const overview = bigChart.renderer === 'sigma-webgl' && bigChart.content ? bigChart.view : undefined;
  const inOverview = bigChart.renderer === 'sigma-webgl' && bigChart.content !== undefined;
  // While the overview is shown the keys act on it (or wait), never on the hidden detailed chart.
  overviewShortcuts.current = inOverview
    ? (command) => {
        if (overview) runOverviewShortcut(overview, command, (ids) => void bigChart.expand(ids));
      }
    : undefined;
  // Exports and chart files hold what is shown; an opened big document is saved from the overview as a new chart.
  const openedBig = overview && bigChart.content?.opened ? bigChart.content : undefined;
  const openedMeta = useMemo<ChartMeta | undefined>(
    () => (openedBig?.opened ? { id: openedBig.opened.id, title: openedBig.opened.title, carried: carriedSettings(openedBig.opened) } : undefined),
    [openedBig],
  );
  const shownDocument = useCallback(
    (meta: ChartMeta) => (overview ? overviewToDocument(overview, openedMeta ?? meta, bigChart.content?.opened) : chart ? chartToDocument(chart, meta) : undefined),
    [overview, openedMeta, chart, bigChart.content],
  );
  const bigDocument = useMemo(() => (overview && openedBig ? (meta: ChartMeta) => overviewToDocument(overview, meta, openedBig.opened) : undefined), [overview, openedBig]);
  const chartSession = useChartSession({ api, chart, report, notices: chartNotices, openBig: bigChart.openIfBig, shownDocument, bigDocument });
  const pathSearch = usePathSearch({ api, chart, report, notices: chartNotices });

  // Registered on every render so the double-click handler always sees the current `expand`.
  chart?.setListeners({ onEntityActivate: (id) => void expand([id]) });

  // In the overview a search hit already there is selected and brought into view; anything else goes to the chart.
  const addToChart = useCallback(
    (hit: SearchHit) => {
      if (overview?.entity(hit.id)) return overview.focus(hit.id);
      if (inOverview) bigChart.switchTo('cytoscape-canvas');
      chart?.addEntity(hit);
    },
    [chart, overview, inOverview, bigChart],
  );

  const onSelectionChange = useCallback((single: ChartSelection, ids: string[]) => {
    setSelection(single);
    setSelectedIds(ids);
  }, []);
  // Back on the detailed chart: the page shows its selection again, not the overview's.
  useEffect(() => {
    if (inOverview || !chart) return;
    const ids = chart.selectedEntityIds();
    onSelectionChange(ids.length === 1 ? { kind: 'entity', id: ids[0] } : null, ids);
  }, [inOverview, chart, onSelectionChange]);

  const records = overview ?? chart;
  const detailsProps = (() => {
    if (selection?.kind === 'entity') {
      return { kind: 'entity' as const, summary: records?.entity(selection.id), ...entityDetails };
    }
    const link = selection?.kind === 'link' ? records?.link(selection.id) : undefined;
    if (link) {
      return {
        kind: 'link' as const,
        link,
        sourceLabel: records?.entity(link.source)?.label ?? link.source,
        targetLabel: records?.entity(link.target)?.label ?? link.target,
      };
    }
    return { kind: 'none' as const, selectedCount: selectedIds.length };
  })();

  return (
    <div className="app">
      <header className="top-bar" aria-label={t('topBar')}>
        <div className="brand" aria-label="Schakel">
          <span className="brand-mark" aria-hidden="true" />
          Schakel
        </div>
        <ChartMenu api={api} session={chartSession} />
        <ConnectionIndicator status={connection.status} error={connection.error} />
        <DemoBadge api={api} status={connection.status} onStatus={connection.setStatus} onError={reportDemoError} />
        <IdentityAndAudit api={api} identity={identity} />
        <ExportActions
          api={api}
          chart={chart}
          snapshotOf={shownDocument}
          chartMeta={openedMeta ?? chartSession.state?.meta}
          merged={duplicates.merged}
          selectedIds={selectedIds}
          isEmpty={inOverview ? (bigChart.viewState?.entities ?? 0) === 0 : counts.entities === 0} onError={(error) => report(error, 'Import chart')} />
        <button type="button" aria-pressed={reviewOpen} onClick={() => setReviewOpen((open) => !open)}>
          {t('reviewMatches')}
        </button>
        <MoreMenu
          collapsed={duplicates.collapsed}
          onCollapsedChange={(on) => void duplicates.setCollapsed(on)}
          onImport={() => setImportOpen(true)}
          onConnection={() => setDialogOpen(true)}
          onQueryTemplates={() => setQueriesOpen(true)}
        />
      </header>
      <main className="workspace">
        <SearchPanel api={api} onAdd={addToChart} onError={reportSearchError} />
        <div className="centre-column">
          <IdentityBanner api={api} refreshKey={annotationWrites} />
          <DemoOffer api={api} status={connection.status} onStatus={connection.setStatus} onError={reportDemoError} />
          {language.unsupported ? (
            <div className="chart-notices">
              <div role="status" className="chart-notice tone-info">
                <span className="chart-notice-text">{t('common:language.unsupported', { language: language.unsupported })}</span>
                <button type="button" className="icon-button" aria-label={t('common:dismiss', { text: t('common:language.label') })} onClick={language.dismissUnsupported}>
                  ×
                </button>
              </div>
            </div>
          ) : null}
          <AlertArea alerts={alerts} onDismiss={dismiss} />
          <ChartNotices notices={chartNotices.notices} dismiss={chartNotices.dismiss} />
          <PathsBar selectedIds={selectedIds} search={pathSearch} />
          {inOverview ? <BigChartPane controls={bigChart} selectedIds={selectedIds} onSelectionChange={onSelectionChange} /> : null}
          <ChartPane
            hidden={inOverview}
            rendererControls={<RendererSwitch controls={bigChart} />}
            toolbarEnd={
              <button type="button" aria-pressed={mapOpen} onClick={() => setMapOpen((open) => !open)} title={t('map:toggleTitle')}>
                {t('map:toggle')}
              </button>
            }
            onReady={onChartReady}
            selectedCount={selectedIds.length}
            isEmpty={counts.entities === 0}
            expanding={expanding}
            onExpand={() => void expand(selectedIds)}
            onFit={() => chart?.fit()}
            onRemove={() => chart?.removeSelected()}
            onClear={() => chart?.clear()}
            afterExpand={<ExpandMenu tools={tools} selectedIds={selectedIds} />}
            toolbarExtra={<ChartActionsBar chart={chart} tools={tools} selectedCount={selectedIds.length} isEmpty={counts.entities === 0} />}
            beside={mapOpen && chart ? <MapView api={api} chart={chart} view={tools.view} selectedIds={selectedIds} onError={(error) => report(error, 'Map')} /> : null}
          >
            <MoreNeighboursChoice tools={tools} />
            <CentralityPanel chart={chart} tools={tools} />
            <ChartLegend view={tools.view} />
            <AnnotationChartTools api={api} chart={chart} identity={identity} selectedIds={selectedIds} contentKey={counts} onCreated={() => setAnnotationWrites((n) => n + 1)} />
          </ChartPane>
          {timelineOpen ? <TimelineView chart={chart} view={tools.view} selectedIds={selectedIds} selection={selection} onClose={() => setTimelineOpen(false)} /> : null}
          {/* One time bar whichever renderer draws: its window carries over when the renderer changes. */}
          <TimeBar
            chart={overview && bigChart.viewState ? overview : chart}
            view={overview && bigChart.viewState ? { ...bigChart.viewState, legend: { types: bigChart.viewState.types } } : tools.view}
            extraControls={
              <button type="button" aria-pressed={timelineOpen} title={t('timeline:showTitle')} onClick={() => setTimelineOpen((open) => !open)}>
                {t('timeline:show')}
              </button>
            }
          />
        </div>
        {mergedSelected ? <MergedDetails entity={mergedSelected} /> : (
          <DetailsPanel
            {...detailsProps}
            annotations={
              detailsProps.kind === 'entity' && selectedEntityId ? (
                <AnnotationsSection key={selectedEntityId} api={api} chart={chart} identity={identity} onError={reportAnnotationError} selection={{ kind: 'entity', id: selectedEntityId, label: detailsProps.summary?.label ?? selectedEntityId }} />
              ) : detailsProps.kind === 'link' ? (
                <AnnotationsSection key={detailsProps.link.id} api={api} chart={chart} identity={identity} onError={reportAnnotationError} selection={{ kind: 'link', link: detailsProps.link }} />
              ) : null
            }
          />
        )}
      </main>
      {reviewOpen ? (
        <ReviewPanel
          api={api}
          onError={(error) => report(error, 'Review matches')}
          onClose={() => setReviewOpen(false)}
          onShowOnChart={(records) => {
            for (const record of records) chart?.addEntity(record);
            void api
              .expand({ ids: records.map((r) => r.id), relationshipTypes: ['SAME_AS'], exclude: chart?.entityIds() ?? [] })
              .then((result) => chart?.addExpansion(result, t('chart:history.showMatch')))
              .catch((error: unknown) => report(error, 'Review matches'));
          }}
        />
      ) : null}
      <StatusBar counts={inOverview && bigChart.viewState ? bigChart.viewState : counts} notice={notice} extra={<RendererStatus controls={bigChart} />} />
      <ConnectionDialog
        api={api}
        open={dialogOpen}
        current={connection.status}
        onClose={() => setDialogOpen(false)}
        onConnected={connection.setStatus}
      />
      <QueryTemplatesDialog api={api} chart={chart} open={queriesOpen} onClose={() => setQueriesOpen(false)} />
      <ImportDialog
        api={api}
        open={importOpen}
        onClose={() => setImportOpen(false)}
        onReview={() => {
          setImportOpen(false);
          setReviewOpen(true);
        }}
      />
    </div>
  );
}
