// Who changed an annotation, when, and each field's old → new value; a retraction is the last line.
import { useEffect, useState } from 'react';
import type { AnnotationRevision } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';
import { formatDateTime } from '../ui/format';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function RevisionLine({ revision }: { revision: AnnotationRevision }) {
  return (
    <li className={`revision revision-${revision.action}`}>
      <div className="revision-head">
        v{revision.version} · {revision.action === 'create' ? 'created' : revision.action === 'update' ? 'changed' : 'retracted'} by {revision.by} · {formatDateTime(revision.at)}
      </div>
      <ul className="revision-changes">
        {revision.changes.map((change) => (
          <li key={change.field}>
            {change.field}: {show(change.before)} → {show(change.after)}
          </li>
        ))}
        {revision.reason ? <li>reason: {revision.reason}</li> : null}
      </ul>
    </li>
  );
}

export function HistoryList({ api, id, refresh }: { api: WorkbenchApi; id: string; refresh: unknown }) {
  const [revisions, setRevisions] = useState<AnnotationRevision[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    let current = true;
    api.getAnnotationHistory({ id }).then(
      (result) => current && setRevisions(result.revisions),
      (caught: unknown) => current && setError(caught instanceof Error ? caught.message : 'The history could not be loaded.'),
    );
    return () => {
      current = false;
    };
  }, [api, id, refresh]);
  if (error) return <p className="muted">{error}</p>;
  if (!revisions) return <p className="muted">Loading history…</p>;
  return (
    <ol className="revision-list" aria-label="History">
      {revisions.map((revision) => (
        <RevisionLine key={`${revision.version}-${revision.action}`} revision={revision} />
      ))}
    </ol>
  );
}
