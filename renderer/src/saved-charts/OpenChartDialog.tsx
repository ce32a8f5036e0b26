// "Open chart…": the charts saved in the database (shared by everyone on it), newest first, with rename,
// duplicate and delete. Delete asks once more, in the row itself.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ChartListing, WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import type { ChartSessionControls } from './use-chart-session';
import { localDateTime } from './chart-session';

interface Props {
  api: WorkbenchApi;
  session: ChartSessionControls;
  open: boolean;
  onClose: () => void;
}

type RowMode = { id: string; kind: 'rename'; title: string } | { id: string; kind: 'confirm-delete' } | undefined;

export function OpenChartDialog({ api, session, open, onClose }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [charts, setCharts] = useState<ChartListing[]>();
  const [error, setError] = useState<WorkbenchClientError>();
  const [rowMode, setRowMode] = useState<RowMode>();
  const [busy, setBusy] = useState(false);
  const ids = useId();

  const refresh = useCallback(async () => {
    try {
      setCharts((await api.listCharts({})).charts);
      setError(undefined);
    } catch (caught) {
      setError(toClientError(caught));
    }
  }, [api]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setCharts(undefined);
      setRowMode(undefined);
      void refresh();
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, refresh]);

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
        <h2 id={`${ids}-title`}>Open chart</h2>
        {onScreenUnsaved ? (
          <p className="dialog-warning">The chart on screen was never saved to the database; opening another chart replaces it (use Save chart as… first to keep it).</p>
        ) : null}
        {error ? (
          <div className="dialog-error" role="alert">
            <strong>{error.message}</strong>
            {error.hint ? <span> {error.hint}</span> : null}
          </div>
        ) : null}
        {charts === undefined && !error ? <p className="muted">Loading saved charts…</p> : null}
        {charts?.length === 0 ? <p className="muted">No charts have been saved in this database yet.</p> : null}
        {charts?.length ? (
          <div className="chart-table-wrap">
            <table className="chart-table" aria-label="Saved charts">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Updated</th>
                  <th scope="col">By</th>
                  <th scope="col" className="number">Entities</th>
                  <th scope="col" className="number">Links</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
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
                            aria-label={`New title for ${chart.title}`}
                            value={rowMode.title}
                            maxLength={300}
                            autoFocus
                            onChange={(event) => setRowMode({ ...rowMode, title: event.target.value })}
                          />
                          <button type="submit" disabled={busy || !rowMode.title.trim()}>
                            Save title
                          </button>
                          <button type="button" onClick={() => setRowMode(undefined)}>
                            Cancel
                          </button>
                        </form>
                      ) : (
                        <span className="chart-table-title">{chart.title}</span>
                      )}
                    </td>
                    <td>{localDateTime(chart.updatedAt)}</td>
                    <td>{chart.updatedBy ?? '—'}</td>
                    <td className="number">{chart.entityCount}</td>
                    <td className="number">{chart.linkCount}</td>
                    <td className="row-actions">
                      {rowMode?.kind === 'confirm-delete' && rowMode.id === chart.id ? (
                        <span className="confirm-delete" role="group" aria-label={`Confirm deleting ${chart.title}`}>
                          Delete for everyone? This cannot be undone.
                          <button type="button" className="danger" disabled={busy} onClick={() => void act(() => session.remove(chart.id))}>
                            Delete
                          </button>
                          <button type="button" onClick={() => setRowMode(undefined)}>
                            Keep
                          </button>
                        </span>
                      ) : (
                        <>
                          <button
                            type="button"
                            className="primary"
                            aria-label={`Open ${chart.title}`}
                            disabled={busy}
                            onClick={() => {
                              onClose();
                              void session.openChart(chart.id);
                            }}
                          >
                            Open
                          </button>
                          <button type="button" aria-label={`Rename ${chart.title}`} disabled={busy} onClick={() => setRowMode({ id: chart.id, kind: 'rename', title: chart.title })}>
                            Rename
                          </button>
                          <button
                            type="button"
                            aria-label={`Duplicate ${chart.title}`}
                            disabled={busy}
                            onClick={() => void act(() => session.duplicate(chart.id, `${chart.title} (copy)`))}
                          >
                            Duplicate
                          </button>
                          <button type="button" aria-label={`Delete ${chart.title}`} disabled={busy} onClick={() => setRowMode({ id: chart.id, kind: 'confirm-delete' })}>
                            Delete
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
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
