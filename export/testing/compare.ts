// Helpers for round-trip assertions: compare charts as sets of elements, independent of order.
import type { ChartDocument } from '../../contract/chart';

export function elementsById(chart: ChartDocument) {
  const byId = <T extends { id: string }>(items: T[]) => [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // JSON round-trip drops undefined-valued keys, which the formats do not carry either.
  return JSON.parse(JSON.stringify({ entities: byId(chart.entities), links: byId(chart.links) })) as Pick<ChartDocument, 'entities' | 'links'>;
}
