// Details of a collapsed entity: every record it stands for (with its country and case) and the merge
// evidence: who confirmed each SAME_AS link, when, why, and which fields agreed.
import type { EntitySummary } from '../../../contract/model';
import { CountryBadge } from '../ui/CountryBadge';
import { formatDateTime, propertyName } from '../ui/format';
import type { MergedEntity } from './collapse';

export function MergedDetails({ entity }: { entity: MergedEntity }) {
  return (
    <aside className="details-panel" aria-label="Details">
      <header className="details-header">
        <div>
          <h2>{entity.records[0]?.label}</h2>
          <div className="details-sub">
            {entity.records.length} records of one {entity.records[0]?.type.toLowerCase()}{' '}
            {entity.countries.map((country) => (
              <CountryBadge key={country} country={country} />
            ))}
          </div>
        </div>
      </header>
      <h3>Records</h3>
      <ul className="merged-records">
        {entity.records.map((record: EntitySummary) => (
          <li key={record.id}>
            <CountryBadge country={record.country} /> {record.label} <span className="details-sub">{record.subtitle ?? ''} · {record.caseId ?? ''} · {record.id}</span>
          </li>
        ))}
      </ul>
      <h3>Merge evidence</h3>
      {entity.evidence.map((link) => (
        <section key={link.linkId} className="merge-evidence">
          <p>
            {link.source} SAME_AS {link.target}
            {link.score !== undefined ? `, score ${link.score}` : ''}
            {link.by ? `, confirmed by ${link.by}` : ''}
            {link.at ? ` on ${formatDateTime(link.at)}` : ''}
            {link.reason ? ` (${link.reason})` : ''}
          </p>
          <ul>
            {link.evidence.map((e, i) => (
              <li key={i} className={e.weight >= 0 ? 'review-agree' : 'review-disagree'}>
                {e.weight >= 0 ? '+' : ''}
                {e.weight} {propertyName(e.field)} {e.comparison}: {e.detail}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}
