// The audit sink exports use when the workbench was started without one: every disclosure is appended as
// one JSON line to `<dataDir>/exports/disclosures.jsonl`, so an export is never made without a record of
// who disclosed what, to whom and why. The workbench's audit log replaces it when one is configured.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { AuditEvent, AuditSink } from '../audit-sink';

export const DISCLOSURE_JOURNAL_NAME = 'disclosures.jsonl';

export function disclosureJournal(exportsRoot: () => string, currentUser: () => string | Promise<string>, now: () => Date = () => new Date()): AuditSink {
  return {
    async record(event: AuditEvent): Promise<void> {
      const path = join(exportsRoot(), DISCLOSURE_JOURNAL_NAME);
      await mkdir(dirname(path), { recursive: true });
      await appendFile(path, `${JSON.stringify({ at: now().toISOString(), user: await currentUser(), ...event })}\n`, { encoding: 'utf8', flag: 'a' });
    },
  };
}
