// The selected element: its properties, where each fact came from (source record, case, country, agency,
// grading, handling) and what an expansion would bring.
import type { ReactNode } from 'react';
import type { EntityDetails, ProvenanceRecord } from '../../../contract/api';
import type { EntitySummary, LinkSummary, Properties } from '../../../contract/model';
import { linkTypeLabel } from '../../../shared-values/chart-style';
import { formatDateTime, formatValue, gradingCode, propertyName } from '../ui/format';
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
]);

type Props =
  | { kind: 'none'; selectedCount: number }
  | { kind: 'entity'; summary: EntitySummary | undefined; details: EntityDetails | undefined; loading: boolean }
  | { kind: 'link'; link: LinkSummary; sourceLabel: string; targetLabel: string };

/** `annotations`: the analyst's links, notes and history for the selection (renderer/src/annotations). */
export function DetailsPanel(props: Props & { annotations?: ReactNode }) {
  return (
    <aside className="details-panel" aria-label="Details">
      {props.kind === 'none' ? <NothingSelected count={props.selectedCount} /> : null}
      {props.kind === 'entity' ? <EntityView {...props} /> : null}
      {props.kind === 'link' ? <LinkView {...props} /> : null}
      {props.kind !== 'none' ? props.annotations : null}
    </aside>
  );
}

function NothingSelected({ count }: { count: number }) {
  return (
    <div className="panel-empty">
      {count > 1
        ? `${count} entities selected. Select one to see its details, or expand them all.`
        : 'Select an entity or link on the chart to see its details and where each fact came from.'}
    </div>
  );
}

function EntityView({ summary, details, loading }: { summary?: EntitySummary; details?: EntityDetails; loading: boolean }) {
  const entity = details?.entity ?? summary;
  if (!entity) return <div className="panel-empty">Loading…</div>;
  return (
    <>
      <header className="details-header">
        <TypeIcon type={entity.type} size={28} />
        <div>
          <h2>{entity.label}</h2>
          <div className="details-sub">
            {entity.type}
            {entity.subtitle ? ` · ${entity.subtitle}` : ''} <CountryBadge country={entity.country} />
          </div>
        </div>
      </header>
      <PropertyTable properties={entity.properties} />
      <section>
        <h3>Where this came from</h3>
        {details?.provenance.length ? (
          details.provenance.map((record) => <ProvenanceCard key={record.sourceId} record={record} />)
        ) : (
          <p className="muted">{loading ? 'Loading…' : 'No source record is linked to this entity.'}</p>
        )}
      </section>
      <section>
        <h3>Neighbours</h3>
        {details?.neighbourCounts.length ? (
          <table className="kv neighbour-table">
            <tbody>
              {details.neighbourCounts.map((n) => (
                <tr key={`${n.type}-${n.direction}`}>
                  <th scope="row">
                    {n.direction === 'outgoing' ? '→ ' : '← '}
                    {linkTypeLabel(n.type as LinkSummary['type'])}
                  </th>
                  <td>{n.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">{loading ? 'Loading…' : 'No links.'}</p>
        )}
      </section>
    </>
  );
}

function ProvenanceCard({ record }: { record: ProvenanceRecord }) {
  const grading = gradingCode(record.sourceReliability, record.informationReliability);
  const rows: [string, string | undefined][] = [
    ['Source', record.kind],
    ['File', record.file ? `${record.file}${record.row !== undefined ? `, row ${record.row}` : ''}` : undefined],
    ['Case', record.caseReference ?? record.caseId],
    ['Agency', record.agency],
    ['Recorded', record.recordedAt ? formatDateTime(record.recordedAt) : undefined],
    ['Grading', grading],
    ['Handling', record.handling],
  ];
  return (
    <div className="provenance-card" aria-label={`Source ${record.sourceId}`}>
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
  const grading = gradingCode(link.sourceReliability, link.informationReliability);
  const rows: [string, string | undefined][] = [
    ['From', sourceLabel],
    ['To', targetLabel],
    ['Calls', link.count !== undefined ? String(link.count) : undefined],
    ['At', link.at ? formatDateTime(link.at) : undefined],
    ['Valid from', link.from ? formatDateTime(link.from) : undefined],
    ['Valid until', link.until ? formatDateTime(link.until) : undefined],
  ];
  const provenance: [string, string | undefined][] = [
    ['Source record', link.sourceId],
    ['Case', link.caseId],
    ['Agency', link.agency],
    ['Grading', grading],
    ['Handling', link.handling],
  ];
  return (
    <>
      <header className="details-header">
        <div>
          <h2>{linkTypeLabel(link.type)}</h2>
          <div className="details-sub">
            Link <CountryBadge country={link.country} />
          </div>
        </div>
      </header>
      <KeyValueRows rows={rows} />
      <PropertyTable properties={link.properties} />
      <section>
        <h3>Where this came from</h3>
        <KeyValueRows rows={provenance} empty="No source record is linked to this link." />
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
  const entries = Object.entries(properties).filter(([key]) => !HIDDEN_PROPERTIES.has(key));
  if (!entries.length) return null;
  return (
    <section>
      <h3>Properties</h3>
      <table className="kv">
        <tbody>
          {entries.map(([key, value]) => (
            <tr key={key}>
              <th scope="row">{propertyName(key)}</th>
              <td>{formatValue(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
