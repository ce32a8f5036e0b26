// The audit entries as CSV for the data protection officer: one row per entry, display names beside ids,
// UTF-8 with a byte-order mark so spreadsheet programs read accents right, and cells that a spreadsheet
// would run as a formula (=, +, -, @) prefixed with an apostrophe.
import type { AuditEntryView } from '../../../contract/annotations';

export const AUDIT_CSV_COLUMNS = ['seq', 'time', 'user', 'role', 'category', 'operation', 'entities', 'entity ids', 'outcome', 'justification', 'recipient', 'hash'] as const;

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function entityDisplay(ids: string[], names: Record<string, string>): string[] {
  return ids.map((id) => names[id] ?? id);
}

export function auditCsv(entries: AuditEntryView[], names: Record<string, string>): string {
  const rows = entries.map((entry) => [
    String(entry.seq),
    entry.at,
    entry.user,
    entry.role,
    entry.category,
    entry.operation,
    entityDisplay(entry.entityIds, names).join(' | '),
    entry.entityIds.join(' | '),
    entry.outcome,
    entry.justification ?? '',
    entry.recipient ?? '',
    entry.hash,
  ]);
  return `\uFEFF${[[...AUDIT_CSV_COLUMNS], ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function downloadAuditCsv(entries: AuditEntryView[], names: Record<string, string>, now = new Date()): void {
  const url = URL.createObjectURL(new Blob([auditCsv(entries, names)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `schakel-audit-${now.toISOString().slice(0, 10)}.csv`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
