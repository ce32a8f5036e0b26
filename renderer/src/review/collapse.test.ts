import { describe, expect, it } from 'vitest';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import { collapseConfirmedDuplicates, isMergedId } from './collapse';

const person = (id: string, country: 'NL' | 'BE', label: string): EntitySummary => ({ id, type: 'Person', label, country, properties: {} });
const link = (id: string, type: LinkSummary['type'], source: string, target: string, properties: LinkSummary['properties'] = {}): LinkSummary => ({ id, type, source, target, properties });

describe('collapseConfirmedDuplicates', () => {
  const entities = [person('P-NL-1', 'NL', 'Mohamed el Amrani'), person('P-BE-9', 'BE', 'MOHAMMED EL AMRANI'), person('P-NL-2', 'NL', 'Piet'), { ...person('PH-1', 'NL', '06-1'), type: 'Phone' as const }];
  const links = [
    link('S1', 'SAME_AS', 'P-NL-1', 'P-BE-9', { status: 'confirmed', by: 'jansen', score: 9.5, evidence: JSON.stringify([{ field: 'dateOfBirth', comparison: 'exact', weight: 4.5, detail: '1991-03-12' }]) }),
    link('A1', 'ASSOCIATE_OF', 'P-BE-9', 'P-NL-2'),
    link('U1', 'USES', 'P-NL-1', 'PH-1'),
  ];

  it('joins confirmed duplicates into one entity with both countries and the merge evidence', () => {
    const collapsed = collapseConfirmedDuplicates(entities, links);
    expect(collapsed.entities).toHaveLength(3);
    const merged = collapsed.entities.find((e) => isMergedId(e.id))!;
    expect(merged.label).toContain('BE + NL');
    const info = collapsed.merged.get(merged.id)!;
    expect(info.records.map((r) => r.id)).toEqual(['P-BE-9', 'P-NL-1']);
    expect(info.evidence[0]).toMatchObject({ by: 'jansen', score: 9.5 });
    expect(info.evidence[0].evidence[0].field).toBe('dateOfBirth');
    expect(collapsed.links.map((l) => [l.id, l.source, l.target])).toEqual([
      ['A1', merged.id, 'P-NL-2'],
      ['U1', merged.id, 'PH-1'],
    ]);
  });

  it('leaves a chart without confirmed SAME_AS links as it is', () => {
    const collapsed = collapseConfirmedDuplicates(entities, links.slice(1));
    expect(collapsed.entities).toEqual(entities);
    expect(collapsed.links).toEqual(links.slice(1));
    expect(collapsed.merged.size).toBe(0);
  });
});
