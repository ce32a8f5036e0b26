import { describe, expect, it } from 'vitest';
import { applyDisclosureRules } from './disclosure';
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
    expect(outcome.summary[0]).toMatch(/4 item\(s\) were withheld/);
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
    expect(outcome.summary[0]).toContain('TOESTEMMING-2024-118');
  });

  it('refuses a permission without a reference', () => {
    expect(() => applyDisclosureRules(sampleCrossBorderChart(), { mode: 'omit', permissionRecorded: { by: 'X', reference: ' ' } })).toThrow(/reference/);
  });
});
