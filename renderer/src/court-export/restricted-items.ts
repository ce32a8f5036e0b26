// Which items on the chart carry handling code H1 or H2, shown in the export dialog before anything is
// sent: the analyst decides there whether to leave them out, stop, or record the provider's permission.
// The backend applies the same rule again (it does not trust this list).
import type { ChartDocument } from '../../../contract/chart';

const RESTRICTED = new Set(['H1', 'H2']);

export interface RestrictedOnChart {
  id: string;
  kind: 'entity' | 'link';
  label: string;
  handling: string;
}

export function restrictedItems(chart: ChartDocument, selection?: ReadonlySet<string>): RestrictedOnChart[] {
  const labels = new Map(chart.entities.map((entity) => [entity.id, entity.label]));
  const inScope = (id: string) => !selection || selection.has(id);
  const items: RestrictedOnChart[] = [];
  for (const entity of chart.entities) {
    // A merged entity is restricted when any record it stands for is (the backend applies the same rule).
    const handling = [entity.handling, ...(entity.records ?? []).map((record) => record.handling)].find((code) => code && RESTRICTED.has(code));
    if (handling && !entity.hidden && inScope(entity.id)) {
      items.push({ id: entity.id, kind: 'entity', label: entity.label, handling });
    }
  }
  for (const link of chart.links) {
    const endsInScope = inScope(link.source) && inScope(link.target);
    if (link.handling && RESTRICTED.has(link.handling) && !link.hidden && (inScope(link.id) || endsInScope)) {
      const label = `${link.type}: ${labels.get(link.source) ?? link.source} → ${labels.get(link.target) ?? link.target}`;
      items.push({ id: link.id, kind: 'link', label, handling: link.handling });
    }
  }
  return items;
}
