// The import summary as text, for the command line (the app shows the same numbers in its import panel).
import { describeDelimiter, type Delimiter } from './delimiter';
import type { ImportSummary } from './engine';

const number = (value: number) => value.toLocaleString('en');

const STATUS_LINE: Record<ImportSummary['status'], string> = {
  completed: 'Import completed.',
  'dry-run': 'Dry run: the file was read and checked; nothing was written to the database.',
  failed: 'Import stopped: a batch could not be written.',
  cancelled: 'Import cancelled.',
};

function readAs(summary: ImportSummary): string {
  if (summary.format === 'xlsx') return `XLSX, sheet "${summary.sheet}"`;
  if (summary.format === 'graphml') return 'GraphML';
  if (summary.format === 'gexf') return 'GEXF';
  const parts = ['CSV'];
  if (summary.encoding) parts.push(summary.encoding.toUpperCase());
  if (summary.delimiter) parts.push(`delimiter ${describeDelimiter(summary.delimiter as Delimiter)}`);
  return parts.join(', ');
}

export function formatSummary(summary: ImportSummary): string {
  const lines: string[] = [];
  lines.push(STATUS_LINE[summary.status]);
  if (summary.error) lines.push(`  ${summary.error.message}`, `  ${summary.error.hint}`);
  lines.push(
    `File:              ${summary.file} (${readAs(summary)})`,
    `Specification:     ${summary.specName} (${summary.kind}) into case ${summary.caseId}`,
    `Rows read:         ${number(summary.rowsRead)}${summary.rowsBlank ? ` (${number(summary.rowsBlank)} blank)` : ''}`,
    `${summary.status === 'dry-run' ? 'Rows checked:    ' : 'Rows imported:   '}  ${number(summary.rowsImported)}${summary.rowsSkipped ? ` (${number(summary.rowsSkipped)} before the resume row were checked, not written again)` : ''}`,
    `Rows rejected:     ${number(summary.rowsRejected)}`,
  );
  if (summary.status !== 'dry-run') {
    lines.push(
      `Created:           ${number(summary.nodesCreated)} records, ${number(summary.linksCreated)} links (new in the database)`,
      `Matched existing:  ${number(summary.nodesMatched)} records, ${number(summary.linksMatched)} links (already in the database)`,
    );
  }
  lines.push(`Repeated in file:  ${number(summary.nodesRepeated)} records, ${number(summary.linksRepeated)} links (given again by a later row)`);
  lines.push(`Rejects file:      ${summary.rejectsFile ?? 'none (no row was rejected)'}`);
  if (summary.resumeFromRow !== undefined) {
    lines.push(`Resume from row:   ${summary.resumeFromRow} (rows before it are written; run again with --from-row ${summary.resumeFromRow})`);
  }
  for (const warning of summary.warnings) lines.push(`Note: ${warning}`);
  lines.push(`Time:              ${(summary.elapsedMs / 1000).toFixed(1)} s`);
  return lines.join('\n');
}
