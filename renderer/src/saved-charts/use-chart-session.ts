// Binds a ChartSession to the chart on screen and the API: watches the canvas for changes, offers an unsaved
// draft on start, opens saved charts and chart files, and turns their outcomes into notices.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ChartListing, WorkbenchApi } from '../../../contract/api';
import type { ChartDocument, ChartEntity } from '../../../contract/chart';
import type { ChartController } from '../chart/chart-controller';
import type { ChartNotices } from '../chart/chart-notices';
import { carriedSettings, chartToDocument, documentToChart, type ChartMeta } from './chart-document';
import { ChartSession, clockTime, shownTitle, UNTITLED, type ChartSessionState } from './chart-session';
import { downloadChartFile } from './chart-file-download';
import { browserDraftStore, type ChartDraft, type DraftStore } from './draft-store';
import { watchChartChanges } from './watch-chart-changes';
import { t } from '../i18n';
import { entityTypeName } from '../i18n/vocabulary';
import { formatDate } from '../ui/format';

export interface ChartSessionControls {
  state: ChartSessionState | undefined;
  hasUnsavedChanges: () => boolean;
  /** Save to the database; 'needs-title' when the chart was never saved (ask, then call saveAs). */
  save: () => Promise<boolean | 'needs-title'>;
  saveAs: (title: string) => Promise<boolean>;
  newChart: () => void;
  openChart: (id: string) => Promise<void>;
  openChartFile: (file: File) => Promise<void>;
  exportChartFile: () => void;
  rename: (id: string, title: string) => Promise<ChartListing | undefined>;
  duplicate: (id: string, title: string) => Promise<ChartListing | undefined>;
  remove: (id: string) => Promise<boolean>;
}

interface Options {
  api: WorkbenchApi;
  chart: ChartController | undefined;
  report: (error: unknown, context?: string) => void;
  notices: Pick<ChartNotices, 'show' | 'dismiss'>;
  drafts?: DraftStore;
  /**
   * Offered every opened document first: true when it took it (a chart too big for the detailed chart opens
   * in the WebGL overview). The session then keeps the chart it had, so saving never overwrites the big
   * chart with the detailed chart's content.
   */
  openBig?: (document: ChartDocument, missing: string[]) => boolean;
  /**
   * The chart as shown, as a document: the detailed chart's, or the WebGL overview's while it is shown (a
   * chart file export holds what the analyst sees).
   */
  shownDocument?: (meta: ChartMeta) => ChartDocument | undefined;
  /**
   * Set while the overview shows an opened big document: saving then saves what the overview holds as a new
   * chart (asking its title), and the session keeps the detailed chart it had.
   */
  bigDocument?: (meta: ChartMeta) => ChartDocument;
}

const MISSING_LISTED = 8;

export function newChartId(): string {
  const random = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  return `chart-${random}`;
}

export function useChartSession({ api, chart, report, notices, drafts: draftStore, openBig, shownDocument, bigDocument }: Options): ChartSessionControls {
  const [state, setState] = useState<ChartSessionState>();
  const sessionRef = useRef<ChartSession | undefined>(undefined);
  const suppressChanges = useRef(false);
  const drafts = useMemo(() => draftStore ?? browserDraftStore(), [draftStore]);
  const { show, dismiss } = notices;
  const reportRef = useRef(report);
  reportRef.current = report;
  const openBigRef = useRef(openBig);
  openBigRef.current = openBig;

  useEffect(() => {
    if (!chart) return;
    let draftErrorShown = false;
    const session = new ChartSession({
      saveChart: (document, expectedVersion) => api.saveChart({ chart: document, ...(expectedVersion !== undefined ? { expectedVersion } : {}) }),
      snapshot: (meta) => chartToDocument(chart, meta),
      isEmpty: () => chart.counts().entities === 0,
      drafts,
      newChartId,
      onStateChange: setState,
      onDraftError: () => {
        if (draftErrorShown) return;
        draftErrorShown = true;
        show({
          key: 'draft-error',
          tone: 'warning',
          text: t('savedCharts:notice.draftError'),
        });
      },
    });
    sessionRef.current = session;
    setState(session.current);

    const stopWatching = watchChartChanges(chart.cy, {
      onContent: () => suppressChanges.current || session.contentChanged(),
      onView: () => suppressChanges.current || session.viewChanged(),
    });
    const flush = () => void session.flushDraft();
    const onVisibility = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);

    void offerDraft(drafts, (draft) => {
      show({
        key: 'draft',
        tone: 'warning',
        text: t('savedCharts:notice.draft', {
          title: shownTitle(draft.document.title),
          when: describeWhen(draft.writtenAt),
          entities: t('common:entityCount', { count: draft.document.entities.length }),
          links: t('common:linkCount', { count: draft.document.links.length }),
        }),
        actions: [
          {
            label: t('savedCharts:notice.restore'),
            run: () => {
              suppressed(() => documentToChart(draft.document, chart));
              session.opened(metaOf(draft.document), draft.savedVersion, { dirty: true });
            },
          },
          { label: t('savedCharts:notice.discard'), run: () => drafts.clear() },
        ],
      });
    });

    return () => {
      stopWatching();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
      session.dispose();
      sessionRef.current = undefined;
    };
  }, [api, chart, drafts, show]);

  /** Loads a document without the load itself counting as the analyst's change. */
  const suppressed = <T,>(load: () => T): T => {
    suppressChanges.current = true;
    try {
      return load();
    } finally {
      suppressChanges.current = false;
    }
  };

  // A conflict or a failed save needs the analyst: say so with the way out.
  const status = state?.status;
  useEffect(() => {
    if (!status) return;
    if (status.kind === 'conflict') {
      show({
        key: 'conflict',
        tone: 'warning',
        text: t('savedCharts:notice.conflict', { message: status.message }),
        actions: [
          { label: t('savedCharts:notice.saveAsCopy'), run: () => sessionRef.current?.saveAsCopy() },
          {
            label: t('savedCharts:notice.openTheirs'),
            run: () => {
              const id = sessionRef.current?.current.meta.id;
              return id ? openChartRef.current(id) : undefined;
            },
          },
        ],
      });
    } else {
      dismiss('conflict');
    }
    if (status.kind === 'failed') reportRef.current(status.error, 'Save chart');
  }, [status, show, dismiss]);

  const loadIntoChart = useCallback(
    (document: ChartDocument, missing: string[], source: string): { inOverview: boolean } => {
      if (!chart) return { inOverview: false };
      const inOverview = openBigRef.current?.(document, missing) ?? false;
      const skipIds = new Set(missing);
      const skipped = inOverview ? document.entities.filter((entity) => skipIds.has(entity.id)) : suppressed(() => documentToChart(document, chart, { skipIds })).skipped;
      dismiss('missing');
      if (skipped.length > 0) {
        show({ key: 'missing', tone: 'warning', text: describeMissing(skipped, source) });
      }
      return { inOverview };
    },
    [chart, show, dismiss],
  );

  const openChart = useCallback(
    async (id: string) => {
      const session = sessionRef.current;
      if (!chart || !session) return;
      try {
        const loaded = await api.loadChart({ id });
        if (loadIntoChart(loaded.chart, loaded.missing, t('savedCharts:notice.savedChart', { title: loaded.chart.title })).inOverview) return;
        const savedAt = loaded.chart.updatedAt ? new Date(loaded.chart.updatedAt) : undefined;
        session.opened(metaOf(loaded.chart), loaded.version, { savedAt });
        dismiss('draft');
      } catch (error) {
        report(error, 'Open chart');
      }
    },
    [api, chart, loadIntoChart, dismiss, report],
  );
  const openChartRef = useRef(openChart);
  openChartRef.current = openChart;

  const openChartFile = useCallback(
    async (file: File) => {
      const session = sessionRef.current;
      if (!chart || !session) return;
      try {
        const { chart: document } = await api.parseChartFile({ text: await file.text() });
        let missing: string[] = [];
        try {
          missing = (await api.checkEntities({ ids: document.entities.map((entity) => entity.id) })).missing;
        } catch {
          // Offline: open the file as it is; what the database lacks shows when the analyst expands.
        }
        if (loadIntoChart(document, missing, t('savedCharts:notice.file', { name: file.name })).inOverview) return;
        // A file becomes a new chart: saving it must never overwrite a database chart that shares its id.
        session.opened({ ...metaOf(document), id: newChartId() }, undefined, { dirty: true });
        dismiss('draft');
      } catch (error) {
        report(error, t('savedCharts:openFileContext', { name: file.name }));
      }
    },
    [api, chart, loadIntoChart, dismiss, report],
  );

  const rename = useCallback(
    async (id: string, title: string) => {
      try {
        const listing = await api.renameChart({ id, title });
        sessionRef.current?.renamed(listing);
        return listing;
      } catch (error) {
        report(error, 'Rename chart');
        return undefined;
      }
    },
    [api, report],
  );

  const duplicate = useCallback(
    async (id: string, title: string) => {
      try {
        return await api.duplicateChart({ id, title });
      } catch (error) {
        report(error, 'Duplicate chart');
        return undefined;
      }
    },
    [api, report],
  );

  const remove = useCallback(
    async (id: string) => {
      try {
        const { deleted } = await api.deleteChart({ id });
        sessionRef.current?.deleted(id);
        return deleted;
      } catch (error) {
        report(error, 'Delete chart');
        return false;
      }
    },
    [api, report],
  );

  const saveBigDocumentAs = async (title: string, documentOf: (meta: ChartMeta) => ChartDocument): Promise<boolean> => {
    try {
      const listing = await api.saveChart({ chart: documentOf({ id: newChartId(), title }) });
      show({ key: 'saved-overview', tone: 'info', text: t('savedCharts:notice.overviewSaved', { title: listing.title }) });
      return true;
    } catch (error) {
      report(error, 'Save chart');
      return false;
    }
  };

  return {
    state,
    hasUnsavedChanges: () => sessionRef.current?.hasUnsavedChanges ?? false,
    save: async () => (bigDocument ? 'needs-title' : sessionRef.current ? sessionRef.current.save() : false),
    saveAs: async (title) => (bigDocument ? saveBigDocumentAs(title, bigDocument) : sessionRef.current ? sessionRef.current.saveAs(title) : false),
    newChart: () => {
      if (!chart || !sessionRef.current) return;
      suppressed(() => chart.clear());
      sessionRef.current.startNew();
      dismiss('missing');
    },
    openChart,
    openChartFile,
    exportChartFile: () => {
      if (!chart || !sessionRef.current) return;
      const meta = sessionRef.current.current.meta;
      downloadChartFile(shownDocument?.(meta) ?? chartToDocument(chart, meta));
    },
    rename,
    duplicate,
    remove,
  };
}

function metaOf(document: ChartDocument): ChartMeta {
  return {
    id: document.id,
    title: document.title || UNTITLED,
    ...(document.createdBy ? { createdBy: document.createdBy } : {}),
    carried: carriedSettings(document),
  };
}

async function offerDraft(drafts: DraftStore, offer: (draft: ChartDraft) => void): Promise<void> {
  try {
    const draft = await drafts.load();
    if (draft?.dirty && draft.document.entities.length > 0) offer(draft);
  } catch {
    // No readable draft: nothing to offer.
  }
}

function describeWhen(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return t('savedCharts:notice.earlierSession');
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? clockTime(date) : `${formatDate(date.toISOString().slice(0, 10))} ${clockTime(date)}`;
}

export function describeMissing(skipped: ChartEntity[], source: string): string {
  const listed = skipped.slice(0, MISSING_LISTED).map((entity) => `${entity.label || entity.id} (${entityTypeName(entity.type)})`);
  const more = skipped.length > MISSING_LISTED ? t('savedCharts:notice.missingMore', { count: skipped.length - MISSING_LISTED }) : '';
  return t('savedCharts:notice.missing', { count: skipped.length, source, list: listed.join(', '), more });
}
