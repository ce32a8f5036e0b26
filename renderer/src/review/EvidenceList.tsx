// The evidence of a match, one line per piece: weight, field, how it compared and what was seen, in the
// interface language. Shared by the review queue's cards and the details of a collapsed entity.
import { useTranslation } from 'react-i18next';
import type { MatchEvidence } from '../../../contract/resolution';
import { evidenceLine } from './evidence-text';

export function EvidenceList({ evidence, className, label }: { evidence: readonly MatchEvidence[]; className?: string; label?: string }) {
  // The hook re-renders the list when the analyst switches language.
  useTranslation('review');
  return (
    <ul className={className} aria-label={label}>
      {evidence.map((item, i) => {
        const line = evidenceLine(item);
        return (
          <li key={i} className={line.supports ? 'review-agree' : 'review-disagree'}>
            <span className="evidence-weight">{line.weight}</span> {line.field} <span className="evidence-comparison">({line.comparison})</span>: {line.sentence}
          </li>
        );
      })}
    </ul>
  );
}
