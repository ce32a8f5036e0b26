// Notes on an entity or a link: read (mentions as chips, markup as literal text), add, edit with a
// version check, retract (stays in the history), and each note's history on request.
import { useTranslation } from 'react-i18next';
import { localiseError } from '../i18n/errors';
import { useState } from 'react';
import type { AnnotationWriteResult, NoteRecord } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { formatDateTime, gradingCode } from '../ui/format';
import { HistoryList } from './HistoryList';
import { MentionTextarea } from './MentionTextarea';
import { NoteText } from './NoteText';

interface Props {
  api: WorkbenchApi;
  targetId: string;
  targetKind: 'entity' | 'link';
  notes: NoteRecord[];
  labels: Record<string, string>;
  readOnly: boolean;
  onChanged: (result: AnnotationWriteResult) => void;
  onMention?: (id: string) => void;
}

export function NotesBlock({ api, targetId, targetKind, notes, labels, readOnly, onChanged, onMention }: Props) {
  const { t } = useTranslation('annotations');
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<WorkbenchClientError>();
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<{ id: string; text: string; version: number }>();
  const [historyOf, setHistoryOf] = useState<string>();

  const run = async (action: () => Promise<AnnotationWriteResult>, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await action();
      after?.();
      onChanged(result);
    } catch (caught) {
      setError(toClientError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-label={t('notes.name')}>
      <h3>{t('notes.name')}</h3>
      {notes.length === 0 ? <p className="muted">{t('notes.none')}</p> : null}
      <ul className="note-list">
        {notes.map((note) => (
          <li key={note.id} className="note" aria-label={t('notes.byName', { by: note.createdBy })}>
            {editing?.id === note.id ? (
              <>
                <MentionTextarea api={api} label={t('notes.edit')} value={editing.text} onChange={(text) => setEditing({ ...editing, text })} />
                <div className="dialog-buttons">
                  <button
                    type="button"
                    className="primary"
                    disabled={busy}
                    onClick={() => void run(() => api.updateAnnotation({ id: note.id, expectedVersion: editing.version, changes: { text: editing.text } }), () => setEditing(undefined))}
                  >
                    {t('notes.save')}
                  </button>
                  <button type="button" onClick={() => setEditing(undefined)}>
                    {t('common:cancel')}
                  </button>
                </div>
              </>
            ) : (
              <NoteText text={note.text} labels={labels} onMention={onMention} />
            )}
            <div className="note-meta">
              {note.createdBy}, {formatDateTime(note.createdAt)}
              {note.version > 1 ? t('notes.edited', { by: note.updatedBy, version: note.version }) : ''}
              {gradingCode(note.sourceReliability, note.informationReliability) ? ` · ${gradingCode(note.sourceReliability, note.informationReliability)}` : ''}
              {note.handling ? ` · ${note.handling}` : ''}
            </div>
            <div className="note-actions">
              {readOnly ? null : (
                <>
                  <button type="button" onClick={() => setEditing({ id: note.id, text: note.text, version: note.version })}>
                    {t('notes.editButton')}
                  </button>
                  <button type="button" disabled={busy} onClick={() => void run(() => api.retractAnnotation({ id: note.id, expectedVersion: note.version }))}>
                    {t('notes.retract')}
                  </button>
                </>
              )}
              <button type="button" onClick={() => setHistoryOf(historyOf === note.id ? undefined : note.id)}>
                {historyOf === note.id ? t('notes.hideHistory') : t('notes.history')}
              </button>
            </div>
            {historyOf === note.id ? <HistoryList api={api} id={note.id} refresh={note.version} /> : null}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <div className="note-add">
          <MentionTextarea api={api} label={t(`notes.addTo.${targetKind}`)} value={draft} onChange={setDraft} />
          <button type="button" disabled={busy || !draft.trim()} onClick={() => void run(() => api.addNote({ targetId, targetKind, text: draft }), () => setDraft(''))}>
            {t('notes.add')}
          </button>
        </div>
      )}
      {error ? (
        <div className="dialog-error" role="alert">
          {localiseError(error).message} {localiseError(error).hint}
        </div>
      ) : null}
    </section>
  );
}
