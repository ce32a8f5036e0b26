import { describe, expect, it } from 'vitest';
import { applyDisclosureRules, disclosureLines } from './disclosure';
import { exportText } from './export-text';
import { ExportError } from './errors';
import { sampleCrossBorderChart } from './testing/sample-chart';

describe('disclosure rules', () => {
  it('omits H1/H2 items and the links attached to them, and says what was withheld', () => {
    const outcome = applyDisclosureRules(sampleCrossBorderChart(), { mode: 'omit' });
    const withheldIds = outcome.withheld.map((item) => item.id);
    // G-NL-0001 is H1, P-NL-000900 and R-ASSOC-3 are H2; R-MEMBER-1 points at the H1 gang.
    expect(withheldIds).toEqual(['G-NL-0001', 'P-NL-000900', 'R-ASSOC-3', 'R-MEMBER-1']);
    expect(outcome.withheld.find((item) => item.id === 'R-MEMBER-1')?.reason).toBe('attached-to-withheld-entity');
    expect(outcome.chart.entities.map((entity) => entity.id)).not.toContain('P-NL-000900');
    expect(outcome.chart.links.every((link) => !withheldIds.includes(link.id))).toBe(true);
    expect(disclosureLines(outcome, exportText('en'))[0]).toMatch(/4 item\(s\) were withheld/);
    expect(disclosureLines(outcome, exportText('fr-BE'))[0]).toMatch(/4 élément\(s\) ont été retenus/);
  });

  it('marks withheld items in place without naming them', () => {
    const outcome = applyDisclosureRules(sampleCrossBorderChart(), { mode: 'omit' });
    // The H1 gang and the H2 informant become numbered placeholders at their positions.
    expect(outcome.markers.entities).toEqual([
      { id: 'withheld-entity-1', handling: 'H1', position: { x: 120, y: -200 } },
      { id: 'withheld-entity-2', handling: 'H2', position: { x: -220, y: 180 } },
    ]);
    // The informant's H2 link and the member link to the H1 gang go to the placeholders.
    const links = outcome.markers.links.map(({ source, target, handling }) => `${source}->${target} ${handling}`);
    expect(links).toHaveLength(2);
    expect(links).toEqual(['withheld-entity-2->P-NL-000123 H2', 'P-NL-000123->withheld-entity-1 H1']);
    expect(JSON.stringify(outcome.markers)).not.toMatch(/P-NL-000900|G-NL-0001|R-ASSOC-3|Kraai/);
  });

  it('withholds a merged entity when one of its records is H1/H2', () => {
    const chart = sampleCrossBorderChart();
    const merged = { ...chart.entities[0]!, id: 'merged:A+B', handling: undefined, records: [{ id: 'A', label: 'A', handling: 'H0' }, { id: 'B', label: 'B', handling: 'H2' }] };
    const outcome = applyDisclosureRules({ ...chart, entities: [merged], links: [] }, { mode: 'omit' });
    expect(outcome.withheld.map((item) => `${item.id} ${item.handling}`)).toEqual(['merged:A+B H2']);
  });

  it('stops the export with the list of restricted items', () => {
    let error: unknown;
    try {
      applyDisclosureRules(sampleCrossBorderChart(), { mode: 'stop' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ExportError);
    expect((error as ExportError).code).toBe('DISCLOSURE_STOPPED');
    expect((error as ExportError).message).toContain('P-NL-000900 (H2)');
    expect((error as ExportError).message).toContain('G-NL-0001 (H1)');
  });

  it('includes everything when permission is recorded, and records it', () => {
    const outcome = applyDisclosureRules(sampleCrossBorderChart(), { mode: 'stop', permissionRecorded: { by: 'CIE Zuid-Nederland', reference: 'TOESTEMMING-2024-118' } });
    expect(outcome.withheld).toEqual([]);
    expect(outcome.chart.entities).toHaveLength(10);
    expect(outcome.disclosedUnderPermission.map((item) => item.id).sort()).toEqual(['G-NL-0001', 'P-NL-000900', 'R-ASSOC-3']);
    expect(disclosureLines(outcome, exportText('nl-BE'))[0]).toContain('TOESTEMMING-2024-118');
  });

  it('refuses a permission without a reference', () => {
    expect(() => applyDisclosureRules(sampleCrossBorderChart(), { mode: 'omit', permissionRecorded: { by: 'X', reference: ' ' } })).toThrow(/reference/);
  });
});
