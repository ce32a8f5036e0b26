// The top-bar actions for court export: "Export…" (also Ctrl+E) opens the court-export dialog; "Import chart…"
// adds the elements of a GraphML, i2 ANX or Schakel JSON file to the chart and shows what the import
// noticed (unknown types imported as generic entities, links left out, …).
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import type { WorkbenchApi } from '../../../contract/api';
import type { ChartController } from '../chart/chart-controller';
import type { EntitySummary } from '../../../contract/model';
import type { ChartDocument } from '../../../contract/chart';
import type { ChartMeta } from '../saved-charts/chart-document';
import { IMPORT_ACCEPT, importChartFileOntoChart, type ImportOutcome } from './import-chart-file';
import { ExportDialog } from './ExportDialog';
import { useTranslation } from 'react-i18next';

interface Props {
  api: WorkbenchApi;
  chart: ChartController | undefined;
  /** The chart as shown, as a document: what an export holds. */
  snapshotOf: (meta: ChartMeta) => ChartDocument | undefined;
  chartMeta?: { id: string; title: string };
  merged?: ReadonlyMap<string, { records: EntitySummary[] }>;
  selectedIds: readonly string[];
  isEmpty: boolean;
  onError: (error: unknown) => void;
}

export function ExportActions({ api, chart, snapshotOf, chartMeta, merged, selectedIds, isEmpty, onError }: Props) {
  const { t } = useTranslation('courtExport');
  const [exportOpen, setExportOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState<ImportOutcome>();
  const fileInput = useRef<HTMLInputElement>(null);

  const openExport = useCallback(() => {
    if (!isEmpty) setExportOpen(true);
  }, [isEmpty]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        openExport();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openExport]);

  const importFile = async (file: File | undefined) => {
    if (!file || !chart) return;
    setImporting(true);
    try {
      setImported(await importChartFileOntoChart(api, chart, file));
    } catch (error) {
      onError(error);
    } finally {
      setImporting(false);
      if (fileInput.current) fileInput.current.value = ''; // the same file may be chosen again
    }
  };

  return (
    <>
      <button type="button" onClick={openExport} disabled={isEmpty} aria-keyshortcuts="Control+E" title={t('exportTitle')}>
        {t('export')}
      </button>
      <button type="button" onClick={() => fileInput.current?.click()} disabled={!chart || importing}>
        {importing ? t('importing') : t('importChart')}
      </button>
      <input
        ref={fileInput}
        type="file"
        accept={IMPORT_ACCEPT}
        hidden
        aria-label={t('fileToImport')}
        onChange={(event) => void importFile(event.target.files?.[0])}
      />
      <ExportDialog api={api} open={exportOpen} snapshotOf={snapshotOf} chartMeta={chartMeta} merged={merged} selectedIds={selectedIds} onClose={() => setExportOpen(false)} />
      <ImportResultDialog outcome={imported} onClose={() => setImported(undefined)} />
    </>
  );
}

function ImportResultDialog({ outcome, onClose }: { outcome: ImportOutcome | undefined; onClose: () => void }) {
  const { t } = useTranslation('courtExport');
  const titleId = useId();
  const dialogRef = useModalDialog(outcome !== undefined);

  return (
    <dialog ref={dialogRef} className="connection-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      {outcome ? (
        <div className="dialog-form">
          <h2 id={titleId}>{t('imported')}</h2>
          <p className="dialog-intro" role="status" aria-label={t('importResult')}>
            {t('importSummary', { file: outcome.fileName, entities: outcome.entitiesAdded, links: outcome.linksAdded })}
            {outcome.alreadyOnChart > 0 ? t('alreadyOnChart', { count: outcome.alreadyOnChart }) : ''}.
          </p>
          {outcome.notices.length > 0 ? (
            <ul aria-label={t('importNotices')} className="import-notices">
              {outcome.notices.map((notice) => (
                <li key={notice}>{notice}</li>
              ))}
            </ul>
          ) : null}
          <div className="dialog-buttons">
            <span className="spacer" />
            <button type="button" className="primary" onClick={onClose}>
              {t('close')}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
