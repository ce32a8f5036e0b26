// Asserting a link the records do not show: between the two selected entities (chart) or from the entity
// in the details panel to one the analyst searches for. Status, grading, handling and a note.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { AnalystLinkStatus, AnnotationWriteResult, GradingSchemeName } from '../../../contract/annotations';
import { ANALYST_LINK_STATUSES } from '../../../shared-values/grading';
import type { SearchHit, WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { defaultGrading, GradingFields } from './GradingFields';
import { MentionTextarea } from './MentionTextarea';

export interface LinkEnd {
  id: string;
  label: string;
}

interface Props {
  api: WorkbenchApi;
  scheme: GradingSchemeName;
  from: LinkEnd;
  /** Absent: the analyst picks the other end by searching. */
  to?: LinkEnd;
  onClose: () => void;
  onCreated: (result: AnnotationWriteResult) => void;
}

export const STATUS_LABELS: Record<AnalystLinkStatus, string> = {
  hypothesis: 'Hypothesis (drawn dashed)',
  associate: 'Associate',
  confirmed: 'Confirmed',
};

export function AnalystLinkDialog({ api, scheme, from, to, onClose, onCreated }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const ids = useId();
  const [target, setTarget] = useState<LinkEnd | undefined>(to);
  const [targetQuery, setTargetQuery] = useState('');
  const [targetHits, setTargetHits] = useState<SearchHit[]>([]);
  const [status, setStatus] = useState<AnalystLinkStatus>('hypothesis');
  const [grading, setGrading] = useState(() => defaultGrading(scheme));
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<WorkbenchClientError>();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  useEffect(() => {
    if (to || targetQuery.trim().length < 2) {
      setTargetHits([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      api.search({ query: targetQuery.trim(), limit: 8 }).then(
        (result) => current && setTargetHits(result.hits.filter((hit) => hit.id !== from.id)),
        () => current && setTargetHits([]),
      );
    }, 200);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [api, to, targetQuery, from.id]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!target) {
      setError(toClientError({ code: 'BAD_REQUEST', message: 'Pick the entity to link to.', hint: 'Search for it by name or number.' }));
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const result = await api.createAnalystLink({ fromId: from.id, toId: target.id, status, note, ...grading });
      onCreated(result);
      onClose();
    } catch (caught) {
      setError(toClientError(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="connection-dialog annotation-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} onCancel={onClose}>
      <form className="dialog-form" onSubmit={(event) => void submit(event)}>
        <h2 id={`${ids}-title`}>New analyst link</h2>
        <p className="dialog-intro">
          From <strong>{from.label}</strong> to {target ? <strong>{target.label}</strong> : 'the entity you pick below'}.
        </p>
        {to ? null : (
          <>
            <label htmlFor={`${ids}-target`}>Link to</label>
            <input id={`${ids}-target`} value={targetQuery} onChange={(event) => setTargetQuery(event.target.value)} placeholder="Search by name, phone, plate…" autoComplete="off" />
            <ul className="mention-suggestions" aria-label="Link target suggestions">
              {targetHits.map((hit) => (
                <li key={hit.id}>
                  <button type="button" aria-pressed={target?.id === hit.id} onClick={() => setTarget({ id: hit.id, label: hit.label })}>
                    Link to {hit.label}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <label htmlFor={`${ids}-status`}>Status</label>
        <select id={`${ids}-status`} value={status} onChange={(event) => setStatus(event.target.value as AnalystLinkStatus)}>
          {ANALYST_LINK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {STATUS_LABELS[value]}
            </option>
          ))}
        </select>
        <GradingFields scheme={scheme} value={grading} onChange={setGrading} />
        <MentionTextarea api={api} label="Note" value={note} onChange={setNote} />
        {error ? (
          <div className="dialog-error" role="alert">
            {error.message} {error.hint}
          </div>
        ) : null}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={saving || !target}>
            {saving ? 'Saving…' : 'Create link'}
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
