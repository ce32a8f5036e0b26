// The audit log in the app: who consulted, changed or disclosed what, when and why. Filters by user,
// entity, operation, category and date; newest first; each row shows its place in the hash chain.
import { t } from '../i18n';
import { localiseError } from '../i18n/errors';
import { useCallback, useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
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
  if (typeof details.status === 'string') parts.push(t('audit:status', { status: details.status }));
  if (Array.isArray(details.changed)) parts.push(t('audit:changed', { fields: details.changed.join(', ') }));
  if (typeof details.chartTitle === 'string') parts.push(details.chartTitle);
  if (details.pendingLocally === true) parts.push(t('audit:keptLocally'));
  return parts.join(' · ');
}

export function AuditViewer({ api, open, onClose }: { api: WorkbenchApi; open: boolean; onClose: () => void }) {
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

  const dialogRef = useModalDialog(open, () => void load(filter));

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
        <h2 id={`${ids}-title`}>{t('audit:title')}</h2>
        <p className="dialog-intro">{t('audit:intro')}</p>
        <form className="audit-filters" onSubmit={submit} aria-label={t('audit:filters')}>
          {field('user', t('audit:user'))}
          {field('entityId', t('audit:entityId'))}
          {field('operation', t('audit:operation'))}
          <div className="audit-filter-field">
            <label htmlFor={`${ids}-category`}>{t('audit:category')}</label>
            <select id={`${ids}-category`} value={filter.category} onChange={(event) => setFilter({ ...filter, category: event.target.value })}>
              <option value="">{t('audit:any')}</option>
              {CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {t(`audit:categoryName.${category}`)}
                </option>
              ))}
            </select>
          </div>
          {field('from', t('audit:from'), 'date')}
          {field('until', t('audit:until'), 'date')}
          <button type="submit" className="primary" disabled={loading}>
            {loading ? t('audit:loading') : t('audit:apply')}
          </button>
          <button
            type="button"
            onClick={() => {
              setFilter(NO_FILTER);
              void load(NO_FILTER);
            }}
          >
            {t('audit:clear')}
          </button>
        </form>
        {journalPending ? <p className="pending-banner">{t('audit:journalPending', { count: journalPending })}</p> : null}
        {error ? (
          <div className="dialog-error" role="alert">
            {localiseError(error).message} {localiseError(error).hint}
          </div>
        ) : null}
        <div className="audit-table-wrap">
          <table className="audit-table" aria-label={t('audit:entries')}>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('audit:time')}</th>
                <th scope="col">{t('audit:user')}</th>
                <th scope="col">{t('audit:category')}</th>
                <th scope="col">{t('audit:operation')}</th>
                <th scope="col">{t('audit:entities')}</th>
                <th scope="col">{t('audit:outcome')}</th>
                <th scope="col">{t('audit:justification')}</th>
                <th scope="col">{t('audit:details')}</th>
              </tr>
            </thead>
            <tbody>
              {(entries ?? []).map((entry) => (
                <tr key={entry.seq} title={t('audit:hash', { hash: entry.hash.slice(0, 16), previous: entry.prevHash.slice(0, 16) })}>
                  <td>{entry.seq}</td>
                  <td>{formatDateTime(entry.at)}</td>
                  <td>
                    {entry.user}
                    {entry.role && entry.role !== 'analyst' ? t('audit:roleSuffix', { role: t(`annotations:identity.role.${entry.role}`, { defaultValue: entry.role }) }) : ''}
                  </td>
                  <td>{t(`audit:categoryName.${entry.category}`, { defaultValue: entry.category })}</td>
                  <td>{entry.operation}</td>
                  <td className="audit-ids" title={entry.entityIds.join(', ')}>
                    {entityDisplay(entry.entityIds.slice(0, 6), names).join(', ')}
                    {entry.entityIds.length > 6 ? ` +${entry.entityIds.length - 6}` : ''}
                  </td>
                  <td>{entry.outcome}</td>
                  <td>{[entry.justification, entry.recipient ? t('audit:to', { recipient: entry.recipient }) : ''].filter(Boolean).join(' ')}</td>
                  <td>{summary(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {entries && entries.length === 0 ? <p className="muted">{t('audit:none')}</p> : null}
        </div>
        <div className="dialog-buttons">
          <button type="button" onClick={() => downloadAuditCsv(entries ?? [], names)} disabled={!entries || entries.length === 0}>
            {t('audit:exportCsv')}
          </button>
          <button type="button" onClick={onClose}>
            {t('audit:close')}
          </button>
        </div>
      </div>
    </dialog>
  );
}
