// Details of a collapsed entity: every record it stands for (with its country and case) and the merge
// evidence: who confirmed each SAME_AS link, when, why, and which fields agreed.
import type { EntitySummary } from '../../../contract/model';
import { CountryBadge } from '../ui/CountryBadge';
import { formatDateTime, formatNumber, subtitleOf } from '../ui/format';
import { EvidenceList } from './EvidenceList';
import type { MergedEntity } from './collapse';
import { useTranslation } from 'react-i18next';
import { entityTypeName, linkTypeName } from '../i18n/vocabulary';

export function MergedDetails({ entity }: { entity: MergedEntity }) {
  const { t } = useTranslation('review');
  return (
    <aside className="details-panel" aria-label={t('details:panel')}>
      <header className="details-header">
        <div>
          <h2>{entity.records[0]?.label}</h2>
          <div className="details-sub">
            {t('merged.records', { count: entity.records.length, type: entity.records[0] ? entityTypeName(entity.records[0].type).toLowerCase() : '' })}{' '}
            {entity.countries.map((country) => (
              <CountryBadge key={country} country={country} />
            ))}
          </div>
        </div>
      </header>
      <h3>{t('merged.recordsHeading')}</h3>
      <ul className="merged-records">
        {entity.records.map((record: EntitySummary) => (
          <li key={record.id}>
            <CountryBadge country={record.country} /> {record.label} <span className="details-sub">{subtitleOf(record) ?? ''} · {record.caseId ?? ''} · {record.id}</span>
          </li>
        ))}
      </ul>
      <h3>{t('merged.evidenceHeading')}</h3>
      {entity.evidence.map((link) => (
        <section key={link.linkId} className="merge-evidence">
          <p>
            {link.source} {linkTypeName('SAME_AS')} {link.target}
            {link.score !== undefined ? t('merged.score', { score: formatNumber(link.score) }) : ''}
            {link.by ? t('merged.confirmedBy', { by: link.by }) : ''}
            {link.at ? t('merged.on', { at: formatDateTime(link.at) }) : ''}
            {link.reason ? ` (${link.reason})` : ''}
          </p>
          <EvidenceList evidence={link.evidence} />
        </section>
      ))}
    </aside>
  );
}
