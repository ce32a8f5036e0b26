// Fail closed without a database: when an entry cannot be made durable (its text cannot be serialised, or
// the database is away and the local journal cannot be written), record() rejects with AUDIT_UNAVAILABLE
// and the audited handler's answer is withheld.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbenchHandlers } from '../../contract/api';
import { AuditLog } from './audit-log';
import { readJournalFile } from './journal';
import { withAudit } from './with-audit';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'schakel-audit-log-'));
const noDatabase = () => {
  throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ServiceUnavailable' });
};

function auditLog(dataDir: string) {
  return new AuditLog({ context: noDatabase, dataDir, identity: () => ({ name: 'Analyst Claes', role: 'analyst' }) });
}

const records = [{ id: 'P-1', label: 'Jansen' }];
const fakeHandlers = { search: async () => ({ hits: records }) } as unknown as WorkbenchHandlers;

describe('audit log fails closed', () => {
  it('keeps an entry in the journal when the database is away, and the answer goes out', async () => {
    const dir = tempDir();
    const handlers = withAudit(fakeHandlers, auditLog(dir));
    await expect(handlers.search({ query: 'Jansen' } as never)).resolves.toEqual({ hits: records });
    expect(readJournalFile(path.join(dir, 'audit', 'audit-journal.jsonl')).entries).toMatchObject([{ operation: 'search', details: { query: 'Jansen' } }]);
  });

  it('refuses the answer when the database is away and the journal cannot be written', async () => {
    const dir = tempDir();
    const audit = auditLog(dir);
    fs.mkdirSync(path.join(dir, 'audit'));
    audit.record({ category: 'consultation', action: 'warm-up' }).catch(() => undefined); // creates the key
    await audit.close();
    // A directory where the journal file should be: the append fails as on a full or read-only disk.
    fs.rmSync(path.join(dir, 'audit', 'audit-journal.jsonl'), { recursive: true, force: true });
    fs.mkdirSync(path.join(dir, 'audit', 'audit-journal.jsonl'));
    const handlers = withAudit(fakeHandlers, audit);
    await expect(handlers.search({ query: 'Jansen' } as never)).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
  });

  it('refuses the answer when the audit key cannot be read', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'audit'));
    fs.writeFileSync(path.join(dir, 'audit', 'audit.key'), 'not a key');
    const handlers = withAudit(fakeHandlers, auditLog(dir));
    await expect(handlers.search({ query: 'Jansen' } as never)).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
  });

  it('refuses the answer when the entry cannot be serialised, and records the refused attempt', async () => {
    const dir = tempDir();
    const audit = auditLog(dir);
    await expect(audit.record({ category: 'consultation', action: 'search', details: { query: 'Jansen\ud800' } })).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    const handlers = withAudit(fakeHandlers, audit);
    await expect(handlers.search({ query: 'Jansen\ud800' } as never)).rejects.toMatchObject({ code: 'AUDIT_UNAVAILABLE' });
    await audit.close();
    const { entries } = readJournalFile(path.join(dir, 'audit', 'audit-journal.jsonl'));
    expect(entries).toMatchObject([{ operation: 'search', outcome: 'AUDIT_UNAVAILABLE', details: { query: 'Jansen\ufffd', answerWithheld: true } }]);
  });

  it('writes entries that arrive together in one journal append, each in order', async () => {
    const dir = tempDir();
    const audit = auditLog(dir);
    await Promise.all(Array.from({ length: 20 }, (_, i) => audit.record({ category: 'consultation', action: `read-${i}` })));
    const { entries } = readJournalFile(path.join(dir, 'audit', 'audit-journal.jsonl'));
    expect(entries.map((e) => e.operation)).toEqual(Array.from({ length: 20 }, (_, i) => `read-${i}`));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});
