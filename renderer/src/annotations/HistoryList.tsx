// Who changed an annotation, when, and each field's old → new value; a retraction is the last line.
import { useTranslation } from 'react-i18next';
import { useEffect, useState } from 'react';
import type { AnnotationRevision } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';
import { formatDateTime } from '../ui/format';
import { analystLinkKindName } from '../i18n/vocabulary';
import { isAnalystLinkKind } from '../../../shared-values/analyst-links';
import { mentionsAsNames } from '../../../shared-values/notes';

/** Values as the analyst knows them: mentions by name, never the stored markup; a link kind in words. */
function show(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'linkKind' && isAnalystLinkKind(value)) return analystLinkKindName(value);
  return typeof value === 'string' ? mentionsAsNames(value) : JSON.stringify(value);
}

export function RevisionLine({ revision }: { revision: AnnotationRevision }) {
  const { t } = useTranslation('annotations');
  return (
    <li className={`revision revision-${revision.action}`}>
      <div className="revision-head">
        {t('history.line', {
          version: revision.version,
          action: t(revision.action === 'create' ? 'history.created' : revision.action === 'update' ? 'history.changed' : 'history.retracted'),
          by: revision.by,
          at: formatDateTime(revision.at),
        })}
      </div>
      <ul className="revision-changes">
        {revision.changes.map((change) => (
          <li key={change.field}>
            {change.field}: {show(change.field, change.before)} → {show(change.field, change.after)}
          </li>
        ))}
        {revision.reason ? <li>{t('history.reason', { reason: revision.reason })}</li> : null}
      </ul>
    </li>
  );
}

export function HistoryList({ api, id, refresh }: { api: WorkbenchApi; id: string; refresh: unknown }) {
  const { t } = useTranslation('annotations');
  const [revisions, setRevisions] = useState<AnnotationRevision[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    api.getAnnotationHistory({ id }).then(
      (result) => current && setRevisions(result.revisions),
      (caught: unknown) => current && setError(caught instanceof Error ? caught.message : t('history.failed')),
    );
    return () => {
      current = false;
    };
  }, [api, id, refresh]);
  if (error) return <p className="muted">{error}</p>;
  if (!revisions) return <p className="muted">{t('history.loading')}</p>;
  return (
    <ol className="revision-list" aria-label={t('history.name')}>
      {revisions.map((revision) => (
        <RevisionLine key={`${revision.version}-${revision.action}`} revision={revision} />
      ))}
    </ol>
  );
}
