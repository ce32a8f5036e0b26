// The audit log in the app: who consulted, changed or disclosed what, when and why. Filters by user,
// entity, operation, category and date; newest first; each row shows its place in the hash chain.
import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AuditCategoryName, AuditEntryView } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { formatDateTime } from '../ui/format';
import { downloadAuditCsv, entityDisplay } from './audit-csv';

const CATEGORIES: AuditCategoryName[] = ['consultation', 'collection', 'alteration', 'disclosure', 'erasure', 'combination'];

interface Filter {
  user: string;
  entityId: string;
  operation: string;
  category: string;
  from: string;
  until: string;
}

const NO_FILTER: Filter = { user: '', entityId: '', operation: '', category: '', from: '', until: '' };

function summary(entry: AuditEntryView): string {
  const details = entry.details ?? {};
  const parts: string[] = [];
  if (typeof details.query === 'string') parts.push(`"${details.query}"`);
  if (typeof details.status === 'string') parts.push(`status ${details.status}`);
  if (Array.isArray(details.changed)) parts.push(`changed ${details.changed.join(', ')}`);
  if (typeof details.chartTitle === 'string') parts.push(details.chartTitle);
  if (details.pendingLocally === true) parts.push('kept locally, written later');
  return parts.join(' · ');
}

export function AuditViewer({ api, open, onClose }: { api: WorkbenchApi; open: boolean; onClose: () => void }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [entries, setEntries] = useState<AuditEntryView[]>();
  const [journalPending, setJournalPending] = useState(0);
  const [names, setNames] = useState<Record<string, string>>({});
  const [error, setError] = useState<WorkbenchClientError>();
  const [loading, setLoading] = useState(false);

  const load = useCallback(
    async (applied: Filter) => {
      setLoading(true);
      setError(undefined);
      try {
        const request = Object.fromEntries(Object.entries(applied).filter(([, value]) => value.trim() !== '').map(([key, value]) => [key, value.trim()]));
        const result = await api.listAuditEntries({ ...request, limit: 500 } as Parameters<WorkbenchApi['listAuditEntries']>[0]);
        setEntries(result.entries);
        setNames(result.entityNames ?? {});
        setJournalPending(result.journalPending);
      } catch (caught) {
        setError(toClientError(caught));
      } finally {
        setLoading(false);
      }
    },
    [api],
  );

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      void load(filter);
    } else if (!open && dialog.open) dialog.close();
  }, [open, load, filter]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void load(filter);
  };

  const field = (key: keyof Filter, label: string, type = 'text') => (
    <div className="audit-filter-field">
      <label htmlFor={`${ids}-${key}`}>{label}</label>
      <input id={`${ids}-${key}`} type={type} value={filter[key]} onChange={(event) => setFilter({ ...filter, [key]: event.target.value })} />
    </div>
  );

  return (
    <dialog ref={dialogRef} className="connection-dialog audit-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} onCancel={onClose}>
      <div className="dialog-form">
        <h2 id={`${ids}-title`}>Audit log</h2>
        <p className="dialog-intro">Every consultation, change and disclosure, chained by hash (check it with "npm run audit:verify").</p>
        <form className="audit-filters" onSubmit={submit} aria-label="Audit filters">
          {field('user', 'User')}
          {field('entityId', 'Entity or link id')}
          {field('operation', 'Operation')}
          <div className="audit-filter-field">
            <label htmlFor={`${ids}-category`}>Category</label>
            <select id={`${ids}-category`} value={filter.category} onChange={(event) => setFilter({ ...filter, category: event.target.value })}>
              <option value="">any</option>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {category}
                </option>
              ))}
            </select>
          </div>
          {field('from', 'From', 'date')}
          {field('until', 'Until', 'date')}
          <button type="submit" className="primary" disabled={loading}>
            {loading ? 'Loading…' : 'Apply filters'}
          </button>
          <button
            type="button"
            onClick={() => {
              setFilter(NO_FILTER);
              void load(NO_FILTER);
            }}
          >
            Clear
          </button>
        </form>
        {journalPending ? <p className="pending-banner">{journalPending} entries wait in the local journal until the database is reachable.</p> : null}
        {error ? (
          <div className="dialog-error" role="alert">
            {error.message} {error.hint}
          </div>
        ) : null}
        <div className="audit-table-wrap">
          <table className="audit-table" aria-label="Audit entries">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Time</th>
                <th scope="col">User</th>
                <th scope="col">Category</th>
                <th scope="col">Operation</th>
                <th scope="col">Entities</th>
                <th scope="col">Outcome</th>
                <th scope="col">Justification / recipient</th>
                <th scope="col">Details</th>
              </tr>
            </thead>
            <tbody>
              {(entries ?? []).map((entry) => (
                <tr key={entry.seq} title={`hash ${entry.hash.slice(0, 16)}… ← ${entry.prevHash.slice(0, 16)}…`}>
                  <td>{entry.seq}</td>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>
                    {entry.user}
                    {entry.role && entry.role !== 'analyst' ? ` (${entry.role})` : ''}
                  </td>
                  <td>{entry.category}</td>
                  <td>{entry.operation}</td>
                  <td className="audit-ids" title={entry.entityIds.join(', ')}>
                    {entityDisplay(entry.entityIds.slice(0, 6), names).join(', ')}
                    {entry.entityIds.length > 6 ? ` +${entry.entityIds.length - 6}` : ''}
                  </td>
                  <td>{entry.outcome}</td>
                  <td>{[entry.justification, entry.recipient ? `to ${entry.recipient}` : ''].filter(Boolean).join(' ')}</td>
                  <td>{summary(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries && entries.length === 0 ? <p className="muted">No entries match.</p> : null}
        </div>
        <div className="dialog-buttons">
          <button type="button" onClick={() => downloadAuditCsv(entries ?? [], names)} disabled={!entries || entries.length === 0}>
            Export CSV
          </button>
          <button type="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
