// "Open chart…": the charts saved in the database (shared by everyone on it), newest first, with rename,
// duplicate and delete. Delete asks once more, in the row itself.
import { useCallback, useId, useState } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import type { ChartListing, WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import type { ChartSessionControls } from './use-chart-session';
import { useTranslation } from 'react-i18next';
import { localiseError } from '../i18n/errors';
import { formatDateTime } from '../ui/format';

interface Props {
  api: WorkbenchApi;
  session: ChartSessionControls;
  open: boolean;
  onClose: () => void;
}

type RowMode = { id: string; kind: 'rename'; title: string } | { id: string; kind: 'confirm-delete' } | undefined;

export function OpenChartDialog({ api, session, open, onClose }: Props) {
  const [charts, setCharts] = useState<ChartListing[]>();
  const [error, setError] = useState<WorkbenchClientError>();
  const [rowMode, setRowMode] = useState<RowMode>();
  const [busy, setBusy] = useState(false);
  const ids = useId();
  const { t } = useTranslation('savedCharts');

  const refresh = useCallback(async () => {
    try {
      setCharts((await api.listCharts({})).charts);
      setError(undefined);
    } catch (caught) {
      setError(toClientError(caught));
    }
  }, [api]);

  const dialogRef = useModalDialog(open, () => {
    setCharts(undefined);
    setRowMode(undefined);
    void refresh();
  });

  const act = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      setRowMode(undefined);
      await refresh();
    } finally {
      setBusy(false);
    }
  };

  const currentId = session.state?.meta.id;
  const onScreenUnsaved = session.state?.version === undefined && session.hasUnsavedChanges();

  return (
    <dialog ref={dialogRef} className="chart-dialog open-chart-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} onCancel={onClose}>
      <div className="dialog-form">
        <h2 id={`${ids}-title`}>{t('open.title')}</h2>
        {onScreenUnsaved ? (
          <p className="dialog-warning">{t('open.unsavedWarning')}</p>
        ) : null}
        {error ? (
          <div className="dialog-error" role="alert">
            <strong title={localiseError(error).detail}>{localiseError(error).message}</strong>
            {localiseError(error).hint ? <span> {localiseError(error).hint}</span> : null}
          </div>
        ) : null}
        {charts === undefined && !error ? <p className="muted">{t('open.loading')}</p> : null}
        {charts?.length === 0 ? <p className="muted">{t('open.none')}</p> : null}
        {charts?.length ? (
          <div className="chart-table-wrap">
            <table className="chart-table" aria-label={t('open.table')}>
              <thead>
                <tr>
                  <th scope="col">{t('open.colTitle')}</th>
                  <th scope="col">{t('open.colUpdated')}</th>
                  <th scope="col">{t('open.colBy')}</th>
                  <th scope="col" className="number">{t('open.colEntities')}</th>
                  <th scope="col" className="number">{t('open.colLinks')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('open.colActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {charts.map((chart) => (
                  <tr key={chart.id} className={chart.id === currentId ? 'current' : undefined}>
                    <td>
                      {rowMode?.kind === 'rename' && rowMode.id === chart.id ? (
                        <form
                          className="inline-form"
                          onSubmit={(event) => {
                            event.preventDefault();
                            if (rowMode.title.trim()) void act(() => session.rename(chart.id, rowMode.title.trim()));
                          }}
                        >
                          <input
                            aria-label={t('open.newTitleFor', { title: chart.title })}
                            value={rowMode.title}
                            maxLength={300}
                            autoFocus
                            onChange={(event) => setRowMode({ ...rowMode, title: event.target.value })}
                          />
                          <button type="submit" disabled={busy || !rowMode.title.trim()}>
                            {t('open.saveTitle')}
                          </button>
                          <button type="button" onClick={() => setRowMode(undefined)}>
                            {t('common:cancel')}
                          </button>
                        </form>
                      ) : (
                        <span className="chart-table-title">{chart.title}</span>
                      )}
                    </td>
                    <td>{formatDateTime(chart.updatedAt)}</td>
                    <td>{chart.updatedBy ?? '—'}</td>
                    <td className="number">{chart.entityCount}</td>
                    <td className="number">{chart.linkCount}</td>
                    <td className="row-actions">
                      {rowMode?.kind === 'confirm-delete' && rowMode.id === chart.id ? (
                        <span className="confirm-delete" role="group" aria-label={t('open.confirmDeleting', { title: chart.title })}>
                          {t('open.deleteQuestion')}
                          <button type="button" className="danger" disabled={busy} onClick={() => void act(() => session.remove(chart.id))}>
                            {t('open.delete')}
                          </button>
                          <button type="button" onClick={() => setRowMode(undefined)}>
                            {t('open.keep')}
                          </button>
                        </span>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="primary"
                            aria-label={t('open.openNamed', { title: chart.title })}
                            disabled={busy}
                            onClick={() => {
                              onClose();
                              void session.openChart(chart.id);
                            }}
                          >
                            {t('open.openButton')}
                          </button>
                          <button type="button" aria-label={t('open.renameNamed', { title: chart.title })} disabled={busy} onClick={() => setRowMode({ id: chart.id, kind: 'rename', title: chart.title })}>
                            {t('open.rename')}
                          </button>
                          <button
                            type="button"
                            aria-label={t('open.duplicateNamed', { title: chart.title })}
                            disabled={busy}
                            onClick={() => void act(() => session.duplicate(chart.id, t('open.copyOf', { title: chart.title })))}
                          >
                            {t('open.duplicate')}
                          </button>
                          <button type="button" aria-label={t('open.deleteNamed', { title: chart.title })} disabled={busy} onClick={() => setRowMode({ id: chart.id, kind: 'confirm-delete' })}>
                            {t('open.delete')}
                          </button>
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            {t('common:close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
