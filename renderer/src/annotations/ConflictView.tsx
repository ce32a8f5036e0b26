// A CONFLICT answer: the version a colleague saved next to what this analyst tried to save, so neither
// is lost; the analyst takes theirs or re-applies their own change on top.
import { useTranslation } from 'react-i18next';
import type { ConflictVersions } from '../../../contract/annotations';
import { formatDateTime } from '../ui/format';
import { mentionsAsNames } from '../../../shared-values/notes';

function describe(values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? mentionsAsNames(value) : JSON.stringify(value)}`);
}

export function ConflictView({ conflict, onTakeTheirs, onApplyMine }: { conflict: ConflictVersions; onTakeTheirs: () => void; onApplyMine: () => void }) {
  const { t } = useTranslation('annotations');
  const theirs = conflict.theirs;
  const theirFields = theirs
    ? describe(
        theirs.kind === 'link'
          ? { status: theirs.status, linkKind: theirs.linkKind, linkLabel: theirs.linkLabel, note: theirs.note, sourceReliability: theirs.sourceReliability, informationReliability: theirs.informationReliability, handling: theirs.handling }
          : { text: theirs.text, sourceReliability: theirs.sourceReliability, informationReliability: theirs.informationReliability, handling: theirs.handling },
      )
    : [t('conflict.deleted')];
  return (
    <div className="conflict-view" role="group" aria-label={t('conflict.name')}>
      <div className="conflict-column">
        <h4>
          {t('conflict.theirs', { version: theirs?.version ?? '—' })}
          {theirs ? `, ${theirs.updatedBy}, ${formatDateTime(theirs.updatedAt)}` : ''}
        </h4>
        <ul>
          {theirFields.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="conflict-column">
        <h4>{t('conflict.yours', { version: conflict.yours.expectedVersion })}</h4>
        <ul>
          {describe(conflict.yours.changes).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onTakeTheirs}>
          {t('conflict.keepTheirs')}
        </button>
        <button type="button" className="primary" onClick={onApplyMine} disabled={!theirs}>
          {t('conflict.applyMine')}
        </button>
      </div>
    </div>
  );
}
