// Notes on an entity or a link: read (mentions as chips, markup as literal text), add, edit with a
// version check, retract (stays in the history), and each note's history on request.
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
    <section aria-label="Notes">
      <h3>Notes</h3>
      {notes.length === 0 ? <p className="muted">No notes yet.</p> : null}
      <ul className="note-list">
        {notes.map((note) => (
          <li key={note.id} className="note" aria-label={`Note by ${note.createdBy}`}>
            {editing?.id === note.id ? (
              <>
                <MentionTextarea api={api} label="Edit note" value={editing.text} onChange={(text) => setEditing({ ...editing, text })} />
                <div className="dialog-buttons">
                  <button
                    type="button"
                    className="primary"
                    disabled={busy}
                    onClick={() => void run(() => api.updateAnnotation({ id: note.id, expectedVersion: editing.version, changes: { text: editing.text } }), () => setEditing(undefined))}
                  >
                    Save note
                  </button>
                  <button type="button" onClick={() => setEditing(undefined)}>
                    Cancel
                  </button>
                </div>
              </>
            ) : (
              <NoteText text={note.text} labels={labels} onMention={onMention} />
            )}
            <div className="note-meta">
              {note.createdBy}, {formatDateTime(note.createdAt)}
              {note.version > 1 ? ` · edited by ${note.updatedBy} (v${note.version})` : ''}
              {gradingCode(note.sourceReliability, note.informationReliability) ? ` · ${gradingCode(note.sourceReliability, note.informationReliability)}` : ''}
              {note.handling ? ` · ${note.handling}` : ''}
            </div>
            <div className="note-actions">
              {readOnly ? null : (
                <>
                  <button type="button" onClick={() => setEditing({ id: note.id, text: note.text, version: note.version })}>
                    Edit
                  </button>
                  <button type="button" disabled={busy} onClick={() => void run(() => api.retractAnnotation({ id: note.id, expectedVersion: note.version }))}>
                    Retract
                  </button>
                </>
              )}
              <button type="button" onClick={() => setHistoryOf(historyOf === note.id ? undefined : note.id)}>
                {historyOf === note.id ? 'Hide history' : 'History'}
              </button>
            </div>
            {historyOf === note.id ? <HistoryList api={api} id={note.id} refresh={note.version} /> : null}
          </li>
        ))}
      </ul>
      {readOnly ? null : (
        <div className="note-add">
          <MentionTextarea api={api} label={`Add a note to this ${targetKind}`} value={draft} onChange={setDraft} />
          <button type="button" disabled={busy || !draft.trim()} onClick={() => void run(() => api.addNote({ targetId, targetKind, text: draft }), () => setDraft(''))}>
            Add note
          </button>
        </div>
      )}
      {error ? (
        <div className="dialog-error" role="alert">
          {error.message} {error.hint}
        </div>
      ) : null}
    </section>
  );
}
