// Which renderer draws the chart, and the WebGL overview's working state: opening a big document straight
// into the overview, switching automatically when the detailed chart grows past BIG_CHART_ELEMENTS (or when
// the analyst asks), expanding in the overview through the same API call the chart uses, and handing a
// selection back to the detailed chart as one undoable step. The switch itself is not an undo step, and the
// detailed chart (with its history) stays as it was while the overview is shown.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { WorkbenchApi } from '../../../../contract/api';
import type { ChartDocument } from '../../../../contract/chart';
import type { EntitySummary, LinkSummary } from '../../../../contract/model';
import { MAX_EXPAND_IDS } from '../../../../shared-values/request-limits';
import { t } from '../../i18n';
import { toEntitySummary, toLinkSummary } from '../../saved-charts/chart-document';
import { formatNumber } from '../../ui/format';
import type { ChartController, ChartCounts } from '../chart-controller';
import type { ChartNotices } from '../chart-notices';
import { clampCap, type ExpandSettings } from '../tools/expand-settings';
import type { BigChartView, BigChartViewState } from './big-chart-view';
import type { Position } from './overview-graph';
import { BIG_CHART_ELEMENTS, chooseRenderer, type ChartRenderer } from './renderer-choice';
import { detectWebgl, type WebglSupport } from './webgl-support';

/** What the overview opens with. `fromChart`: a copy of the detailed chart (rebuilt when shown again). */
export interface OverviewContent {
  entities: EntitySummary[];
  links: LinkSummary[];
  positions: Map<string, Position>;
  fromChart: boolean;
  crossBorder: boolean;
  /** The document the overview was opened from (absent for a copy of the detailed chart). */
  opened?: ChartDocument;
}

/** The expand request's `exclude` holds at most this many ids (contract/api.ts). */
const MAX_EXCLUDE = 50_000;

export interface BigChartControls {
  webgl: WebglSupport;
  renderer: ChartRenderer;
  content?: OverviewContent;
  view?: BigChartView;
  viewState?: BigChartViewState;
  expanding: boolean;
  /** The pane mounted (or unmounted) its overview. */
  setView(view: BigChartView | undefined): void;
  /** A document past the threshold opens in the overview (true); otherwise the detailed chart takes it. */
  openIfBig(document: ChartDocument, missing: readonly string[]): boolean;
  /** The analyst's switch. */
  switchTo(renderer: ChartRenderer): void;
  handBack(): void;
  expand(ids: string[]): Promise<void>;
}

export function useBigChart(options: {
  api: WorkbenchApi;
  chart: ChartController | undefined;
  counts: ChartCounts;
  settings: ExpandSettings;
  notices: Pick<ChartNotices, 'show' | 'dismiss'>;
  report: (error: unknown, context: string) => void;
  /** For tests and odd platforms: what detectWebgl would say. */
  webgl?: WebglSupport;
}): BigChartControls {
  const { api, chart, counts, settings, notices, report } = options;
  const webgl = useMemo(() => options.webgl ?? detectWebgl(), [options.webgl]);
  const [renderer, setRenderer] = useState<ChartRenderer>('cytoscape-canvas');
  const [preferred, setPreferred] = useState<ChartRenderer>();
  const [content, setContent] = useState<OverviewContent>();
  const [view, setViewState] = useState<BigChartView>();
  const [viewState, setOverviewState] = useState<BigChartViewState>();
  const [expanding, setExpanding] = useState(false);
  const { show, dismiss } = notices;
  const noWebglShown = useRef(false);

  const sayNoWebgl = useCallback(
    (elements: number) => {
      if (noWebglShown.current) return;
      noWebglShown.current = true;
      show({ key: 'renderer', tone: 'warning', text: t('chart:bigChart.notice.noWebgl', { elements: formatNumber(elements) }) });
    },
    [show],
  );

  const showOverview = useCallback(
    (next: OverviewContent, elements: number) => {
      setContent(next);
      setRenderer('sigma-webgl');
      show({ key: 'renderer', tone: 'info', text: t('chart:bigChart.notice.switched', { elements: formatNumber(elements) }) });
    },
    [show],
  );

  const contentOfChart = useCallback((): OverviewContent | undefined => {
    if (!chart) return undefined;
    return { entities: chart.entities(), links: chart.links(), positions: chart.entityPositions(), fromChart: true, crossBorder: chart.currentStyle().crossBorder };
  }, [chart]);

  const openIfBig = useCallback(
    (document: ChartDocument, missing: readonly string[]): boolean => {
      const skip = new Set(missing);
      const entities = document.entities.filter((e) => !skip.has(e.id));
      const kept = new Set(entities.map((e) => e.id));
      const links = document.links.filter((l) => kept.has(l.source) && kept.has(l.target));
      const elements = entities.length + links.length;
      // A newly opened chart decides afresh; the analyst's earlier switch was about the previous one.
      setPreferred(undefined);
      const choice = chooseRenderer(elements, webgl);
      if (choice.reason === 'no-webgl') sayNoWebgl(elements);
      if (choice.renderer !== 'sigma-webgl') return false;
      const positions = new Map<string, Position>();
      for (const entity of entities) if (entity.position) positions.set(entity.id, entity.position);
      showOverview(
        { entities: entities.map(toEntitySummary), links: links.map(toLinkSummary), positions, fromChart: false, crossBorder: chart?.currentStyle().crossBorder ?? false, opened: document },
        elements,
      );
      return true;
    },
    [webgl, chart, sayNoWebgl, showOverview],
  );

  // The detailed chart grew past the threshold (expansions, an imported file): switch, unless the analyst chose.
  const elements = counts.entities + counts.links;
  useEffect(() => {
    if (renderer !== 'cytoscape-canvas' || preferred === 'cytoscape-canvas' || elements <= BIG_CHART_ELEMENTS) return;
    const choice = chooseRenderer(elements, webgl, preferred);
    if (choice.reason === 'no-webgl') return sayNoWebgl(elements);
    const next = contentOfChart();
    if (choice.renderer === 'sigma-webgl' && next) showOverview(next, elements);
  }, [elements, renderer, preferred, webgl, sayNoWebgl, contentOfChart, showOverview]);

  const switchTo = useCallback(
    (next: ChartRenderer) => {
      setPreferred(next);
      if (next === renderer) return;
      if (next === 'sigma-webgl') {
        const choice = chooseRenderer(elements, webgl, next);
        if (choice.renderer !== 'sigma-webgl') {
          noWebglShown.current = false;
          return sayNoWebgl(elements);
        }
        // A copy of the detailed chart is taken afresh; an opened big document stays what it was.
        if (!content || content.fromChart) {
          const fresh = contentOfChart();
          if (fresh) setContent(fresh);
        }
        setRenderer('sigma-webgl');
      } else {
        setRenderer('cytoscape-canvas');
        dismiss('renderer');
      }
    },
    [renderer, elements, webgl, content, contentOfChart, sayNoWebgl, dismiss],
  );

  const handBack = useCallback(() => {
    if (!chart || !view) return;
    const ids = view.selectedEntityIds();
    if (ids.length === 0) return;
    const chosen = new Set(ids);
    const entities = ids.map((id) => view.entity(id)).filter((e): e is EntitySummary => e !== undefined);
    const links = view.links().filter((l) => chosen.has(l.source) && chosen.has(l.target));
    const positions = new Map(ids.map((id) => [id, view.position(id)!]));
    setPreferred('cytoscape-canvas');
    setRenderer('cytoscape-canvas');
    dismiss('renderer');
    // The detailed chart was hidden while the overview was shown: it measures its container again first.
    requestAnimationFrame(() => {
      chart.cy.resize();
      chart.addPlaced(entities, links, positions, t('chart:bigChart.fromOverview'));
      chart.fit();
    });
  }, [chart, view, dismiss]);

  const expand = useCallback(
    async (ids: string[]) => {
      if (!view || ids.length === 0) return;
      setExpanding(true);
      try {
        const batch = ids.slice(0, MAX_EXPAND_IDS);
        const result = await api.expand({
          ids: batch,
          exclude: view.neighbourIds(batch).slice(0, MAX_EXCLUDE),
          direction: settings.direction,
          limit: clampCap(settings.cap),
          ...(settings.relationshipTypes.length ? { relationshipTypes: settings.relationshipTypes } : {}),
        });
        view.addExpansion(result, batch);
      } catch (error) {
        report(error, 'Expand');
      } finally {
        setExpanding(false);
      }
    },
    [api, view, settings, report],
  );

  const setView = useCallback((next: BigChartView | undefined) => {
    setViewState(next);
    setOverviewState(next?.state());
    next?.setListeners({ onViewChange: setOverviewState });
  }, []);

  // Coming back to the detailed chart: Cytoscape measures its container again (it was not displayed).
  useEffect(() => {
    if (renderer === 'cytoscape-canvas') chart?.cy.resize();
  }, [renderer, chart]);

  return { webgl, renderer, content, view, viewState, expanding, setView, openIfBig, switchTo, handBack, expand };
}
