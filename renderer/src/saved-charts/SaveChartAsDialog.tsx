// "Save chart as…": asks for the title a chart is saved under (the first save of a chart lands here too).
import { useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import { useTranslation } from 'react-i18next';

interface Props {
  open: boolean;
  initialTitle: string;
  onClose: () => void;
  onSave: (title: string) => Promise<void>;
}

export function SaveChartAsDialog({ open, initialTitle, onClose, onSave }: Props) {
  const [title, setTitle] = useState(initialTitle);
  const [saving, setSaving] = useState(false);
  const ids = useId();
  const { t } = useTranslation('savedCharts');

  const dialogRef = useModalDialog(open, () => setTitle(initialTitle));

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
        <h2 id={`${ids}-title`}>{t('saveAs.title')}</h2>
        <p className="dialog-intro">{t('saveAs.intro')}</p>
        <label htmlFor={`${ids}-name`}>{t('saveAs.chartTitle')}</label>
        <input id={`${ids}-name`} value={title} onChange={(event) => setTitle(event.target.value)} maxLength={300} required autoFocus />
        <div className="dialog-buttons">
          <span className="spacer" />
          <button type="button" onClick={onClose} disabled={saving}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving || !title.trim()}>
            {saving ? t('saveAs.saving') : t('save')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
