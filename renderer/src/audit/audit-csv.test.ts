import { describe, expect, it } from 'vitest';
import type { AuditEntryView } from '../../../contract/annotations';
import { auditCsv } from './audit-csv';

const entry = (overrides: Partial<AuditEntryView>): AuditEntryView => ({
  seq: 1,
  at: '2024-03-05T10:00:00.000Z',
  user: 'alice',
  role: 'analyst',
  operation: 'getEntity',
  category: 'consultation',
  entityIds: ['P-BE-000042'],
  outcome: 'ok',
  hash: 'abc',
  prevHash: '000',
  ...overrides,
});

describe('audit CSV for the data protection officer', () => {
  it('names users and entities, keeps the ids beside them, and quotes what needs quoting', () => {
    const csv = auditCsv(
      [entry({}), entry({ seq: 2, entityIds: ['P-1', 'gone'], justification: 'Zaak "A16", fase 2', recipient: 'OR Antwerpen' })],
      { 'P-BE-000042': 'Frédérique Dubois-Lefèvre', 'P-1': 'Jan Peeters' },
    );
    expect(csv.startsWith('\uFEFFseq,time,user,role,category,operation,entities,entity ids,')).toBe(true);
    const lines = csv.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toBe('1,2024-03-05T10:00:00.000Z,alice,analyst,consultation,getEntity,Frédérique Dubois-Lefèvre,P-BE-000042,ok,,,abc');
    expect(lines[2]).toContain('Jan Peeters | gone,P-1 | gone');
    expect(lines[2]).toContain('"Zaak ""A16"", fase 2"');
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = auditCsv([entry({ user: '=HYPERLINK("http://x")', justification: '+31 6 1234' })], {});
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).toContain(`'+31 6 1234`);
  });
});
