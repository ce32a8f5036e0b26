// The chart's working state for the React side: history and view (from the ChartController's events),
// expansion with its settings and the "more neighbours" choice, layouts with progress, centrality scores
// (computed off the page for big charts) and the keyboard shortcuts.
import { t } from '../../i18n';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkbenchApi } from '../../../../contract/api';
import { DEFAULT_NETWORK_OPTIONS, type NetworkOptions } from '../../analysis/network-view';
import type { Scores } from '../../analysis/analysis-graph';
import type { CentralityMeasure } from '../../analysis/centrality';
import { AnalysisRunner } from '../../analysis/worker/analysis-runner';
import type { ChartController, ChartView } from '../chart-controller';
import { MAX_EXPAND_IDS } from '../../../../shared-values/request-limits';
import { forceAtlas2Iterations } from '../forceatlas2-layout';
import type { LayoutAlgorithm } from '../layout-algorithms';
import type { HistoryState } from '../history/command-stack';
import { MAX_EXPAND_CAP, clampCap, loadExpandSettings, saveExpandSettings, type ExpandSettings } from './expand-settings';
import { commandForKey, isTypingTarget, type ChartCommand } from './keyboard-shortcuts';


export interface PendingNeighbours {
  ids: string[];
  omitted: number;
  settings: ExpandSettings;
}

export interface ChartTools {
  view?: ChartView;
  history: HistoryState;
  expanding: boolean;
  notice?: string;
  settings: ExpandSettings;
  updateSettings(change: Partial<ExpandSettings>): void;
  expand(ids: string[], override?: Partial<ExpandSettings>): Promise<void>;
  /** Neighbours left out by the cap of the last expansion: the analyst chooses add / filter / skip. */
  pendingMore?: PendingNeighbours;
  addMore(): Promise<void>;
  filterMore(): void;
  skipMore(): void;
  expandMenuOpen: boolean;
  setExpandMenuOpen(open: boolean): void;
  /** "Laying out… 40%" while a layout runs. */
  layoutProgress?: string;
  runLayout(algorithm: LayoutAlgorithm): Promise<void>;
  measure: CentralityMeasure;
  setMeasure(measure: CentralityMeasure): void;
  /** Scores of `measure` for what is drawn now, once computed. */
  scores?: Scores;
  /** Which network the measures run on (provenance in or out, entity or person level, weighted). */
  network: NetworkOptions;
  setNetwork(change: Partial<NetworkOptions>): void;
  /** What the last scores measured: nodes and links, lines and vehicles folded into their user. */
  measured?: { nodes: number; links: number; folded: number };
  centralityOpen: boolean;
  setCentralityOpen(open: boolean): void;
  /** Sizes nodes by a measure (applied once its scores are computed) or back to one size. */
  sizeBy(measure: CentralityMeasure | 'none'): void;
  run(command: ChartCommand): void;
}

export function useChartTools(options: {
  api: WorkbenchApi;
  chart: ChartController | undefined;
  report: (error: unknown, context: string) => void;
  /** While set, shortcuts go here instead of the detailed chart (another view is shown in its place). */
  shortcutsElsewhere?: { current: ((command: ChartCommand) => void) | undefined };
}): ChartTools {
  const { api, chart, report, shortcutsElsewhere } = options;
  const runner = useMemo(() => new AnalysisRunner(), []);
  useEffect(() => () => runner.dispose(), [runner]);

  const [view, setView] = useState<ChartView>();
  const [history, setHistory] = useState<HistoryState>({ canUndo: false, canRedo: false, depth: 0 });
  const [expanding, setExpanding] = useState(false);
  const [notice, setNotice] = useState<string>();
  const [settings, setSettings] = useState<ExpandSettings>(() => loadExpandSettings());
  const [pendingMore, setPendingMore] = useState<PendingNeighbours>();
  const [expandMenuOpen, setExpandMenuOpen] = useState(false);
  const [layoutProgress, setLayoutProgress] = useState<string>();
  const [measure, setMeasure] = useState<CentralityMeasure>('degree');
  const [scored, setScored] = useState<{ key: string; scores: Scores }>();
  const [centralityOpen, setCentralityOpen] = useState(false);
  const [network, setNetworkOptions] = useState<NetworkOptions>(DEFAULT_NETWORK_OPTIONS);
  const setNetwork = useCallback((change: Partial<NetworkOptions>) => setNetworkOptions((current) => ({ ...current, ...change })), []);
  const [measured, setMeasured] = useState<ChartTools['measured']>();

  useEffect(() => {
    if (!chart) return;
    chart.setListeners({ onViewChange: setView, onHistoryChange: setHistory });
    chart.setForceAtlas2Runner((graph, onProgress) =>
      runner.run({ kind: 'forceatlas2', graph, iterations: forceAtlas2Iterations(graph.nodes.length) }, { onProgress, preferWorker: true }),
    );
    setView(chart.view());
  }, [chart, runner]);

  const updateSettings = useCallback((change: Partial<ExpandSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...change, ...(change.cap !== undefined ? { cap: clampCap(change.cap) } : {}) };
      saveExpandSettings(next);
      return next;
    });
  }, []);

  const expand = useCallback(
    async (ids: string[], override: Partial<ExpandSettings> = {}) => {
      if (!chart || ids.length === 0) return;
      const used = { ...settings, ...override };
      setExpanding(true);
      setNotice(undefined);
      setPendingMore(undefined);
      try {
        const batch = ids.slice(0, MAX_EXPAND_IDS);
        const result = await api.expand({
          ids: batch,
          exclude: chart.entityIds(),
          direction: used.direction,
          limit: clampCap(used.cap),
          ...(used.relationshipTypes.length ? { relationshipTypes: used.relationshipTypes } : {}),
        });
        const added = await chart.addExpansion(result);
        const parts: string[] = [];
        if (ids.length > batch.length) parts.push(t('chart:expandNotice.firstOf', { batch: batch.length, total: ids.length }));
        if (added.entities.length === 0 && added.links.length === 0) parts.push(t('chart:expandNotice.nothingNew'));
        setNotice(parts.length ? parts.join(' ') : undefined);
        if (result.omitted > 0) setPendingMore({ ids: batch, omitted: result.omitted, settings: used });
      } catch (error) {
        report(error, 'Expand');
      } finally {
        setExpanding(false);
      }
    },
    [api, chart, settings, report],
  );

  const addMore = useCallback(async () => {
    if (!pendingMore) return;
    // The ones already added are excluded by the request, so this fetches the rest, up to the API's maximum.
    await expand(pendingMore.ids, { ...pendingMore.settings, cap: Math.min(MAX_EXPAND_CAP, pendingMore.omitted) });
  }, [expand, pendingMore]);

  const filterMore = useCallback(() => setExpandMenuOpen(true), []);
  const skipMore = useCallback(() => setPendingMore(undefined), []);

  // Centrality: computed when the panel is open or nodes are sized by it, for what is drawn now.
  const revision = view?.revision ?? 0;
  const sizedBy = view?.style.sizeBy ?? 'none';
  const [sizeRequest, setSizeRequest] = useState<CentralityMeasure>();
  const wantScores = centralityOpen || sizedBy !== 'none' || sizeRequest !== undefined;
  const scoreKey = `${measure}@${revision}@${network.includeProvenance}/${network.level}/${network.weighted}`;
  useEffect(() => {
    if (!chart || !wantScores) return;
    let cancelled = false;
    const { input, nodes, links, folded } = chart.measuredNetwork(network);
    runner
      .run({ kind: 'centrality', input, measure })
      .then((scores) => {
        if (cancelled) return;
        setScored({ key: scoreKey, scores });
        setMeasured({ nodes, links, folded });
      })
      .catch((error) => report(error, 'Centrality'));
    return () => {
      cancelled = true;
    };
  }, [chart, runner, wantScores, measure, scoreKey, network, report]);
  const scores = scored?.key === scoreKey ? scored.scores : undefined;

  // Keep node sizes on the chosen measure as the chart changes (same measure: no new undo step).
  const sizedScoresRef = useRef<Scores | undefined>(undefined);
  useEffect(() => {
    if (!chart || sizedBy === 'none' || !scores || sizedScoresRef.current === scores) return;
    sizedScoresRef.current = scores;
    if (sizedBy === measure) chart.refreshSizeScores(scores);
  }, [chart, sizedBy, measure, scores]);

  const sizeBy = useCallback(
    (value: CentralityMeasure | 'none') => {
      if (!chart) return;
      if (value === 'none') {
        setSizeRequest(undefined);
        chart.setStyle({ sizeBy: 'none' });
      } else {
        setMeasure(value);
        setSizeRequest(value);
      }
    },
    [chart],
  );
  useEffect(() => {
    if (!chart || !sizeRequest || !scores || measure !== sizeRequest) return;
    sizedScoresRef.current = scores;
    chart.setStyle({ sizeBy: sizeRequest }, scores);
    setSizeRequest(undefined);
  }, [chart, sizeRequest, scores, measure]);

  const runLayout = useCallback(
    async (algorithm: LayoutAlgorithm) => {
      if (!chart) return;
      setLayoutProgress(t('chart:tools.layingOut'));
      try {
        const layoutScores = algorithm === 'concentric' ? (scores ?? (await runner.run({ kind: 'centrality', input: chart.measuredNetwork(network).input, measure }))) : undefined;
        await chart.runLayout(algorithm, {
          scores: layoutScores,
          onProgress: (done, total) => setLayoutProgress(t('chart:tools.layingOutPercent', { percent: Math.round((100 * done) / total) })),
        });
      } catch (error) {
        report(error, 'Layout');
      } finally {
        setLayoutProgress(undefined);
      }
    },
    [chart, runner, scores, measure, network, report],
  );

  const run = useCallback(
    (command: ChartCommand) => {
      if (!chart) return;
      switch (command) {
        case 'undo':
          return chart.undo();
        case 'redo':
          return chart.redo();
        case 'remove':
          return chart.removeSelected();
        case 'hide':
          return chart.hideSelected();
        case 'showAll':
          return chart.showAllHidden();
        case 'pin':
          return chart.togglePinSelected();
        case 'expand':
          return void expand(chart.selectedEntityIds());
        case 'group':
          return void chart.groupSelected();
        case 'ungroup':
          return chart.ungroupSelected();
        case 'selectAll':
          return chart.selectAll();
        case 'selectNone':
          return chart.selectNone();
        case 'invertSelection':
          return chart.invertSelection();
        case 'selectNeighbours':
          return chart.selectNeighbours();
        case 'fit':
          return chart.fit();
      }
    },
    [chart, expand],
  );

  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      const elsewhere = shortcutsElsewhere?.current;
      if (elsewhere) elsewhere(command);
      else runRef.current(command);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [shortcutsElsewhere]);

  return {
    view,
    history,
    expanding,
    notice,
    settings,
    updateSettings,
    expand,
    pendingMore,
    addMore,
    filterMore,
    skipMore,
    expandMenuOpen,
    setExpandMenuOpen,
    layoutProgress,
    runLayout,
    measure,
    setMeasure,
    scores,
    network,
    setNetwork,
    measured,
    centralityOpen,
    setCentralityOpen,
    sizeBy,
    run,
  };
}
