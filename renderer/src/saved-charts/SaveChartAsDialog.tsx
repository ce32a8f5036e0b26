// "Save chart as…": asks for the title a chart is saved under (the first save of a chart lands here too).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';

interface Props {
  open: boolean;
  initialTitle: string;
  onClose: () => void;
  onSave: (title: string) => Promise<void>;
}

export function SaveChartAsDialog({ open, initialTitle, onClose, onSave }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState(initialTitle);
  const [saving, setSaving] = useState(false);
  const ids = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setTitle(initialTitle);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, initialTitle]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    setSaving(true);
    try {
      await onSave(title.trim());
    } finally {
      setSaving(false);
    }
  };

  return (
    <dialog ref={dialogRef} className="chart-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} onCancel={onClose}>
      <form onSubmit={(event) => void submit(event)} className="dialog-form">
        <h2 id={`${ids}-title`}>Save chart as</h2>
        <p className="dialog-intro">Saved charts live in the database, so colleagues on the same database can open them.</p>
        <label htmlFor={`${ids}-name`}>Chart title</label>
        <input id={`${ids}-name`} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={300} required autoFocus />
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="button" onClick={onClose} disabled={saving}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving || !title.trim()}>
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
