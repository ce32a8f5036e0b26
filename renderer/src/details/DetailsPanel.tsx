// The selected element: its properties, where each fact came from (source record, case, country, agency,
// grading, handling) and what an expansion would bring.
import type { ReactNode } from 'react';
import type { EntityDetails, ProvenanceRecord } from '../../../contract/api';
import type { EntitySummary, LinkSummary, Properties } from '../../../contract/model';
import { useTranslation } from 'react-i18next';
import { analystLinkKindName, entityTypeName, linkTypeName } from '../i18n/vocabulary';
import { isAnalystLinkKind } from '../../../shared-values/analyst-links';
import { mentionsAsNames } from '../../../shared-values/notes';
import { formatDateTime, formatNumber, formatPropertyValue, gradingCode, propertyName, subtitleOf } from '../ui/format';
import { CountryBadge } from '../ui/CountryBadge';
import { TypeIcon } from '../ui/TypeIcon';

/** Bookkeeping properties that are either shown elsewhere in the panel or mean nothing to an analyst. */
const HIDDEN_PROPERTIES = new Set([
  'id',
  'label',
  'searchText',
  'sourceId',
  'caseId',
  'country',
  'agency',
  'sourceReliability',
  'informationReliability',
  'handling',
  // Analyst links: kind and label have rows of their own; the mentioned ids are named in the note itself.
  'linkKind',
  'linkLabel',
  'mentions',
]);

type Props =
  | { kind: 'none'; selectedCount: number }
  | { kind: 'entity'; summary: EntitySummary | undefined; details: EntityDetails | undefined; loading: boolean }
  | { kind: 'link'; link: LinkSummary; sourceLabel: string; targetLabel: string };

/** `annotations`: the analyst's links, notes and history for the selection (renderer/src/annotations). */
export function DetailsPanel(props: Props & { annotations?: ReactNode }) {
  const { t } = useTranslation('details');
  return (
    <aside className="details-panel" aria-label={t('panel')}>
      {props.kind === 'none' ? <NothingSelected count={props.selectedCount} /> : null}
      {props.kind === 'entity' ? <EntityView {...props} /> : null}
      {props.kind === 'link' ? <LinkView {...props} /> : null}
      {props.kind !== 'none' ? props.annotations : null}
    </aside>
  );
}

function NothingSelected({ count }: { count: number }) {
  const { t } = useTranslation('details');
  return (
    <div className="panel-empty">
      {count > 1 ? t('manySelected', { count }) : t('nothingSelected')}
    </div>
  );
}

function EntityView({ summary, details, loading }: { summary?: EntitySummary; details?: EntityDetails; loading: boolean }) {
  const { t } = useTranslation('details');
  const entity = details?.entity ?? summary;
  if (!entity) return <div className="panel-empty">{t('common:loading')}</div>;
  const subtitle = subtitleOf(entity);
  return (
    <>
      <header className="details-header">
        <TypeIcon type={entity.type} size={28} />
        <div>
          <h2>{entity.label}</h2>
          <div className="details-sub">
            {entityTypeName(entity.type)}
            {subtitle ? ` · ${subtitle}` : ''} <CountryBadge country={entity.country} />
          </div>
        </div>
      </header>
      <PropertyTable properties={entity.properties} />
      <section>
        <h3>{t('whereFrom')}</h3>
        {details?.provenance.length ? (
          details.provenance.map((record) => <ProvenanceCard key={record.sourceId} record={record} />)
        ) : (
          <p className="muted">{loading ? t('common:loading') : t('noSourceEntity')}</p>
        )}
      </section>
      <section>
        <h3>{t('neighbours')}</h3>
        {details?.neighbourCounts.length ? (
          <table className="kv neighbour-table">
            <tbody>
              {details.neighbourCounts.map((n) => (
                <tr key={`${n.type}-${n.direction}`}>
                  <th scope="row">
                    {n.direction === 'outgoing' ? '→ ' : '← '}
                    {linkTypeName(n.type)}
                  </th>
                  <td>{n.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{loading ? t('common:loading') : t('noLinks')}</p>
        )}
      </section>
    </>
  );
}

function ProvenanceCard({ record }: { record: ProvenanceRecord }) {
  const { t } = useTranslation('details');
  const grading = gradingCode(record.sourceReliability, record.informationReliability);
  const rows: [string, string | undefined][] = [
    [t('row.source'), record.kind],
    [t('row.file'), record.file ? (record.row !== undefined ? t('fileRow', { file: record.file, row: record.row }) : record.file) : undefined],
    [t('row.case'), record.caseReference ?? record.caseId],
    [t('row.agency'), record.agency],
    [t('row.recorded'), record.recordedAt ? formatDateTime(record.recordedAt) : undefined],
    [t('row.grading'), grading],
    [t('row.handling'), record.handling],
  ];
  return (
    <div className="provenance-card" aria-label={t('sourceNamed', { id: record.sourceId })}>
      <div className="provenance-title">
        <span>{record.sourceId}</span>
        <CountryBadge country={record.country} />
      </div>
      <table className="kv">
        <tbody>
          {rows
            .filter((row): row is [string, string] => Boolean(row[1]))
            .map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>{value}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}

function LinkView({ link, sourceLabel, targetLabel }: { link: LinkSummary; sourceLabel: string; targetLabel: string }) {
  const { t } = useTranslation('details');
  const grading = gradingCode(link.sourceReliability, link.informationReliability);
  const rows: [string, string | undefined][] = [
    [t('row.from'), sourceLabel],
    [t('row.to'), targetLabel],
    [t('row.linkKind'), isAnalystLinkKind(link.properties.linkKind) ? analystLinkKindName(link.properties.linkKind) : undefined],
    [t('row.linkLabel'), typeof link.properties.linkLabel === 'string' ? link.properties.linkLabel : undefined],
    [t('row.calls'), link.count !== undefined ? formatNumber(link.count) : undefined],
    [t('row.at'), link.at ? formatDateTime(link.at) : undefined],
    [t('row.validFrom'), link.from ? formatDateTime(link.from) : undefined],
    [t('row.validUntil'), link.until ? formatDateTime(link.until) : undefined],
  ];
  const provenance: [string, string | undefined][] = [
    [t('row.sourceRecord'), link.sourceId],
    [t('row.case'), link.caseId],
    [t('row.agency'), link.agency],
    [t('row.grading'), grading],
    [t('row.handling'), link.handling],
  ];
  return (
    <>
      <header className="details-header">
        <div>
          <h2>{linkTypeName(link.type)}</h2>
          <div className="details-sub">
            {t('link')} <CountryBadge country={link.country} />
          </div>
        </div>
      </header>
      <KeyValueRows rows={rows} />
      <PropertyTable properties={link.properties} />
      <section>
        <h3>{t('whereFrom')}</h3>
        <KeyValueRows rows={provenance} empty={t('noSourceLink')} />
      </section>
    </>
  );
}

function KeyValueRows({ rows, empty }: { rows: [string, string | undefined][]; empty?: string }) {
  const present = rows.filter((row): row is [string, string] => Boolean(row[1]));
  if (!present.length) return empty ? <p className="muted">{empty}</p> : null;
  return (
    <table className="kv">
      <tbody>
        {present.map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PropertyTable({ properties }: { properties: Properties }) {
  const { t } = useTranslation('details');
  const entries = Object.entries(properties).filter(([key]) => !HIDDEN_PROPERTIES.has(key));
  if (!entries.length) return null;
  return (
    <section>
      <h3>{t('properties')}</h3>
      <table className="kv">
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{propertyName(key)}</th>
              <td>{typeof value === 'string' ? mentionsAsNames(formatPropertyValue(key, value)) : formatPropertyValue(key, value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
