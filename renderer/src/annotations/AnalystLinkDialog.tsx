// Asserting a link the records do not show: between the two selected entities (chart) or from the entity
// in the details panel to one the analyst searches for. Status, grading, handling and a note.
import { useTranslation } from 'react-i18next';
import { localiseError } from '../i18n/errors';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import type { AnalystLinkStatus, AnnotationWriteResult, GradingSchemeName } from '../../../contract/annotations';
import { ANALYST_LINK_STATUSES } from '../../../shared-values/grading';
import type { SearchHit, WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { defaultGrading, GradingFields } from './GradingFields';
import { LinkKindFields, type LinkKindValue } from './LinkKindFields';
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


export function AnalystLinkDialog({ api, scheme, from, to, onClose, onCreated }: Props) {
  const { t } = useTranslation('annotations');
  const ids = useId();
  const [target, setTarget] = useState<LinkEnd | undefined>(to);
  const [targetQuery, setTargetQuery] = useState('');
  const [targetHits, setTargetHits] = useState<SearchHit[]>([]);
  const [status, setStatus] = useState<AnalystLinkStatus>('hypothesis');
  const [kind, setKind] = useState<LinkKindValue>({ linkKind: '', linkLabel: '' });
  const [grading, setGrading] = useState(() => defaultGrading(scheme));
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<WorkbenchClientError>();

  // Mounted when wanted: open from the start.
  const dialogRef = useModalDialog(true);

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
      setError(toClientError({ code: 'BAD_REQUEST', message: t('dialog.pickTarget'), hint: t('dialog.pickTargetHint') }));
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      const result = await api.createAnalystLink({
        fromId: from.id,
        toId: target.id,
        status,
        ...(kind.linkKind ? { linkKind: kind.linkKind } : {}),
        ...(kind.linkLabel.trim() ? { linkLabel: kind.linkLabel.trim() } : {}),
        note,
        ...grading,
      });
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
        <h2 id={`${ids}-title`}>{t('dialog.title')}</h2>
        <p className="dialog-intro">
          {t('dialog.from')} <strong>{from.label}</strong> {t('dialog.to')} {target ? <strong>{target.label}</strong> : t('dialog.pickBelow')}.
        </p>
        {to ? null : (
          <>
            <label htmlFor={`${ids}-target`}>{t('dialog.linkTo')}</label>
            <input id={`${ids}-target`} value={targetQuery} onChange={(event) => setTargetQuery(event.target.value)} placeholder={t('dialog.targetPlaceholder')} autoComplete="off" />
            <ul className="mention-suggestions" aria-label={t('dialog.suggestions')}>
              {targetHits.map((hit) => (
                <li key={hit.id}>
                  <button type="button" aria-pressed={target?.id === hit.id} onClick={() => setTarget({ id: hit.id, label: hit.label })}>
                    {t('dialog.linkToNamed', { label: hit.label })}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <label htmlFor={`${ids}-status`}>{t('dialog.status')}</label>
        <select id={`${ids}-status`} value={status} onChange={(event) => setStatus(event.target.value as AnalystLinkStatus)}>
          {ANALYST_LINK_STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
        <LinkKindFields value={kind} onChange={setKind} />
        <GradingFields scheme={scheme} value={grading} onChange={setGrading} />
        <MentionTextarea api={api} label={t('dialog.note')} value={note} onChange={setNote} />
        {error ? (
          <div className="dialog-error" role="alert">
            {localiseError(error).message} {localiseError(error).hint}
          </div>
        ) : null}
        <div className="dialog-buttons">
          <button type="submit" className="primary" disabled={saving || !target}>
            {saving ? t('dialog.saving') : t('dialog.create')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common:cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
