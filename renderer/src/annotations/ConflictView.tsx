// A CONFLICT answer: the version a colleague saved next to what this analyst tried to save, so neither
// is lost; the analyst takes theirs or re-applies their own change on top.
import type { ConflictVersions } from '../../../contract/annotations';
import { formatDateTime } from '../ui/format';

function describe(values: Record<string, unknown>): string[] {
  return Object.entries(values)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`);
}

export function ConflictView({ conflict, onTakeTheirs, onApplyMine }: { conflict: ConflictVersions; onTakeTheirs: () => void; onApplyMine: () => void }) {
  const theirs = conflict.theirs;
  const theirFields = theirs
    ? describe(
        theirs.kind === 'link'
          ? { status: theirs.status, note: theirs.note, sourceReliability: theirs.sourceReliability, informationReliability: theirs.informationReliability, handling: theirs.handling }
          : { text: theirs.text, sourceReliability: theirs.sourceReliability, informationReliability: theirs.informationReliability, handling: theirs.handling },
      )
    : ['(deleted)'];
  return (
    <div className="conflict-view" role="group" aria-label="Conflicting versions">
      <div className="conflict-column">
        <h4>
          Theirs: version {theirs?.version ?? '—'}
          {theirs ? `, ${theirs.updatedBy}, ${formatDateTime(theirs.updatedAt)}` : ''}
        </h4>
        <ul>
          {theirFields.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="conflict-column">
        <h4>Yours: based on version {conflict.yours.expectedVersion}</h4>
        <ul>
          {describe(conflict.yours.changes).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onTakeTheirs}>
          Keep theirs
        </button>
        <button type="button" className="primary" onClick={onApplyMine} disabled={!theirs}>
          Apply mine on top of theirs
        </button>
      </div>
    </div>
  );
}
