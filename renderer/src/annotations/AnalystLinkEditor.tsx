// Edit an analyst link's status, grading, handling and note; retract it (it leaves the chart and stays in
// the history). Saves carry the version the analyst saw: a colleague's newer save gives a conflict view.
import { useTranslation } from 'react-i18next';
import { useEffect, useId, useState } from 'react';
import type { AnalystLinkRecord, AnalystLinkStatus, AnnotationWriteResult, ConflictVersions, Grading, GradingSchemeName } from '../../../contract/annotations';
import { ANALYST_LINK_STATUSES } from '../../../shared-values/grading';
import type { WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { formatDateTime } from '../ui/format';
import { localiseError } from '../i18n/errors';
import { ConflictView } from './ConflictView';
import { GradingFields } from './GradingFields';
import { HistoryList } from './HistoryList';
import { LinkKindFields, type LinkKindValue } from './LinkKindFields';
import { MentionTextarea } from './MentionTextarea';

interface Props {
  api: WorkbenchApi;
  record: AnalystLinkRecord;
  scheme: GradingSchemeName;
  readOnly: boolean;
  onSaved: (result: AnnotationWriteResult) => void;
  onRetracted: (id: string, result: AnnotationWriteResult) => void;
}

function kindOf(record: AnalystLinkRecord): LinkKindValue {
  return { linkKind: record.linkKind ?? '', linkLabel: record.linkLabel ?? '' };
}

function gradingOf(record: AnalystLinkRecord): Grading {
  return { sourceReliability: record.sourceReliability ?? '', informationReliability: record.informationReliability ?? '', handling: record.handling ?? '' };
}

export function AnalystLinkEditor({ api, record, scheme, readOnly, onSaved, onRetracted }: Props) {
  const { t } = useTranslation('annotations');
  const ids = useId();
  const [base, setBase] = useState(record);
  const [status, setStatus] = useState<AnalystLinkStatus>(record.status);
  const [kind, setKind] = useState<LinkKindValue>(kindOf(record));
  const [grading, setGrading] = useState<Grading>(gradingOf(record));
  const [note, setNote] = useState(record.note);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<WorkbenchClientError>();
  const [conflict, setConflict] = useState<ConflictVersions>();
  const [notice, setNotice] = useState<string>();
  const [confirmRetract, setConfirmRetract] = useState(false);
  const [reason, setReason] = useState('');

  useEffect(() => {
    setBase(record);
    setStatus(record.status);
    setKind(kindOf(record));
    setGrading(gradingOf(record));
    setNote(record.note);
    setConflict(undefined);
    setError(undefined);
  }, [record]);

  const changes = () => {
    const out: Record<string, string> = {};
    if (status !== base.status) out.status = status;
    if (kind.linkKind !== (base.linkKind ?? '')) out.linkKind = kind.linkKind;
    if (kind.linkLabel.trim() !== (base.linkLabel ?? '')) out.linkLabel = kind.linkLabel.trim();
    if (note !== base.note) out.text = note;
    for (const key of ['sourceReliability', 'informationReliability', 'handling'] as const) if (grading[key] !== (base[key] ?? '')) out[key] = grading[key];
    return out;
  };

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await action();
    } catch (caught) {
      const clientError = toClientError(caught);
      if (clientError.code === 'CONFLICT' && clientError.conflict) setConflict(clientError.conflict);
      setError(clientError);
    } finally {
      setBusy(false);
    }
  };

  const save = (expectedVersion = base.version) =>
    run(async () => {
      const pending = changes();
      if (Object.keys(pending).length === 0) {
        setNotice(t('editor.nothingChanged'));
        return;
      }
      const result = await api.updateAnnotation({ id: base.id, expectedVersion, changes: pending });
      setConflict(undefined);
      if (result.annotation?.kind === 'link') setBase(result.annotation);
      setNotice(result.pending ? result.message : t('editor.savedVersion', { version: result.annotation?.version }));
      onSaved(result);
    });

  const retract = () =>
    run(async () => {
      const result = await api.retractAnnotation({ id: base.id, expectedVersion: base.version, ...(reason.trim() ? { reason: reason.trim() } : {}) });
      setConfirmRetract(false);
      onRetracted(base.id, result);
    });

  return (
    <section className="annotation-editor" aria-label={t('editor.name')}>
      <h3>{t('editor.name')}</h3>
      <p className="muted">
        {t('editor.asserted', { by: base.createdBy, at: formatDateTime(base.createdAt), version: base.version })}
        {base.updatedBy !== base.createdBy || base.version > 1 ? t('editor.lastChange', { by: base.updatedBy }) : ''}
      </p>
      <fieldset disabled={readOnly || busy} className="annotation-fields">
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
        <MentionTextarea api={api} label={t('editor.linkNote')} value={note} onChange={setNote} />
        <div className="dialog-buttons">
          <button type="button" className="primary" onClick={() => void save()}>
            {t('editor.saveChanges')}
          </button>
          {confirmRetract ? null : (
            <button type="button" onClick={() => setConfirmRetract(true)}>
              {t('editor.retract')}
            </button>
          )}
        </div>
        {confirmRetract ? (
          <div className="retract-confirm">
            <label htmlFor={`${ids}-reason`}>{t('editor.retractReason')}</label>
            <input id={`${ids}-reason`} value={reason} onChange={(event) => setReason(event.target.value)} maxLength={500} />
            <div className="dialog-buttons">
              <button type="button" className="danger" onClick={() => void retract()}>
                {t('editor.confirmRetract')}
              </button>
              <button type="button" onClick={() => setConfirmRetract(false)}>
                {t('editor.keepLink')}
              </button>
            </div>
          </div>
        ) : null}
      </fieldset>
      {readOnly ? <p className="muted">{t('editor.readOnly')}</p> : null}
      {notice ? (
        <p className="annotation-notice" role="status">
          {notice}
        </p>
      ) : null}
      {error ? (
        <div className="dialog-error" role="alert">
          {localiseError(error).message} {localiseError(error).hint}
        </div>
      ) : null}
      {conflict ? (
        <ConflictView
          conflict={conflict}
          onTakeTheirs={() => {
            if (conflict.theirs?.kind === 'link') {
              setBase(conflict.theirs);
              setStatus(conflict.theirs.status);
              setKind(kindOf(conflict.theirs));
              setGrading(gradingOf(conflict.theirs));
              setNote(conflict.theirs.note);
            }
            setConflict(undefined);
            setError(undefined);
          }}
          onApplyMine={() => {
            if (conflict.theirs?.kind === 'link') {
              setBase(conflict.theirs);
              void save(conflict.theirs.version);
            }
          }}
        />
      ) : null}
      <h3>{t('editor.history')}</h3>
      <HistoryList api={api} id={base.id} refresh={base.version} />
    </section>
  );
}
