// "Collapse confirmed duplicates": a pure transform of chart content. Records joined by confirmed SAME_AS
// links (a connected group: A~B~C) become one entity that lists every record and every country; links of the
// members are redrawn to it; the SAME_AS links themselves disappear into it, their evidence kept for the
// details panel. Nothing in the database changes, and expanding the toggle back restores the records.
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { i18n } from '../i18n';
// Types only: a value import would bundle zod, whose eval probe the page's CSP reports.
import type { MatchEvidence } from '../../../contract/resolution';
import { readMatchEvidence } from '../../../shared-values/match-evidence';

export const MERGED_ID_PREFIX = 'merged:';

export interface MergedEntity {
  id: string;
  records: EntitySummary[];
  countries: string[];
  /** The SAME_AS links that joined the records, with who confirmed them and why. */
  evidence: { linkId: string; source: string; target: string; by?: string; at?: string; score?: number; reason?: string; evidence: MatchEvidence[] }[];
}

export interface CollapsedChart {
  entities: EntitySummary[];
  links: LinkSummary[];
  merged: Map<string, MergedEntity>;
}

/** Evidence stored on a SAME_AS link as JSON (with or without message codes); anything unreadable counts as no evidence. */
export function parseMatchEvidence(json: unknown): MatchEvidence[] {
  return typeof json === 'string' ? readMatchEvidence(json) : [];
}

export function isMergedId(id: string | undefined): boolean {
  return typeof id === 'string' && id.startsWith(MERGED_ID_PREFIX);
}

function isConfirmedSameAs(link: LinkSummary): boolean {
  return link.type === 'SAME_AS' && (link.properties.status === undefined || link.properties.status === 'confirmed');
}

export function collapseConfirmedDuplicates(entities: readonly EntitySummary[], links: readonly LinkSummary[]): CollapsedChart {
  const onChart = new Set(entities.map((e) => e.id));
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  const sameAs = links.filter((link) => isConfirmedSameAs(link) && onChart.has(link.source) && onChart.has(link.target));
  for (const link of sameAs) {
    const a = find(link.source);
    const b = find(link.target);
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }

  const groups = new Map<string, EntitySummary[]>();
  for (const entity of entities) {
    if (!parent.has(entity.id)) continue;
    const root = find(entity.id);
    groups.set(root, [...(groups.get(root) ?? []), entity]);
  }
  const representative = new Map<string, string>();
  const merged = new Map<string, MergedEntity>();
  const mergedEntities: EntitySummary[] = [];
  for (const records of groups.values()) {
    if (records.length < 2) continue;
    const sorted = [...records].sort((a, b) => a.id.localeCompare(b.id));
    const id = `${MERGED_ID_PREFIX}${sorted.map((r) => r.id).join('+')}`;
    const countries = [...new Set(sorted.map((r) => r.country).filter((c): c is NonNullable<typeof c> => !!c))].sort();
    for (const record of sorted) representative.set(record.id, id);
    const main = sorted.find((r) => r.country === 'NL') ?? sorted[0];
    merged.set(id, {
      id,
      records: sorted,
      countries,
      evidence: sameAs
        .filter((link) => representative.get(link.source) === id)
        .map((link) => ({
          linkId: link.id,
          source: link.source,
          target: link.target,
          by: typeof link.properties.by === 'string' ? link.properties.by : undefined,
          at: typeof link.properties.at === 'string' ? link.properties.at : undefined,
          score: typeof link.properties.score === 'number' ? link.properties.score : undefined,
          reason: typeof link.properties.reason === 'string' && link.properties.reason ? link.properties.reason : undefined,
          evidence: parseMatchEvidence(link.properties.evidence),
        })),
    });
    mergedEntities.push({
      id,
      type: main.type,
      label: `${main.label} (${countries.join(' + ')})`,
      subtitle: i18n.t('review:mergedRecords', { count: sorted.length, records: sorted.map((r) => `${r.country ?? '?'} ${r.label}`).join(' · ') }),
      country: main.country,
      caseId: main.caseId,
      properties: { ...main.properties, id, label: `${main.label} (${countries.join(' + ')})`, mergedRecordIds: sorted.map((r) => r.id), countries },
    });
  }

  const rewired = (id: string) => representative.get(id) ?? id;
  const out: LinkSummary[] = [];
  for (const link of links) {
    if (sameAs.includes(link) && representative.has(link.source)) continue;
    const source = rewired(link.source);
    const target = rewired(link.target);
    if (source === target) continue; // a link between two records of one entity says nothing on the chart
    out.push(source === link.source && target === link.target ? link : { ...link, source, target });
  }
  return {
    entities: [...entities.filter((e) => !representative.has(e.id)), ...mergedEntities],
    links: out,
    merged,
  };
}
