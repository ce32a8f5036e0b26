// The import summary as text, for the command line (the app shows the same numbers in its import panel), in
// the language of the import: words from the catalogue's `summary`, numbers with the language's separators.
// Row numbers are written as the rejects file and --from-row take them, without separators.
import { intlLocale } from '../shared-values/languages';
import type { Delimiter } from './delimiter';
import type { ImportSummary } from './engine';
import { IMPORT_CATALOGUES, fillText, term, type ImportCatalogue, type ImportLanguage, type ReasonValue } from './rejections';

type SummaryKey = keyof ImportCatalogue['summary'];

const STATUS_LINE: Record<ImportSummary['status'], SummaryKey> = {
  completed: 'statusCompleted',
  'dry-run': 'statusDryRun',
  failed: 'statusFailed',
  cancelled: 'statusCancelled',
};

const ALIGNED_LABELS: SummaryKey[] = [
  'labelFile',
  'labelSpecification',
  'labelRowsRead',
  'labelRowsChecked',
  'labelRowsImported',
  'labelRowsRejected',
  'labelCreated',
  'labelMatched',
  'labelRepeated',
  'labelRejectsFile',
  'labelResume',
  'labelTime',
];

/** How the file was read (CSV, its encoding and delimiter; the worksheet of a workbook; a network format). */
export function describeFileFormat(
  file: { format: ImportSummary['format']; sheet?: string; encoding?: string; delimiter?: string },
  language: ImportLanguage,
): string {
  const words = IMPORT_CATALOGUES[language].summary;
  if (file.format === 'xlsx') return fillText(words.formatXlsx, { sheet: file.sheet ?? '' }, language);
  if (file.format === 'graphml') return 'GraphML';
  if (file.format === 'gexf') return 'GEXF';
  const parts = ['CSV'];
  if (file.encoding) parts.push(file.encoding.toUpperCase());
  if (file.delimiter) parts.push(fillText(words.formatDelimiter, { delimiter: delimiterValue(file.delimiter as Delimiter) }, language));
  return parts.join(', ');
}

/** A tab is named in words; any other delimiter is shown as itself, quoted. */
function delimiterValue(delimiter: Delimiter): ReasonValue {
  return delimiter === '\t' ? term('tab') : `"${delimiter}"`;
}

export function formatSummary(summary: ImportSummary, language: ImportLanguage = 'en'): string {
  const words = IMPORT_CATALOGUES[language].summary;
  const text = (key: SummaryKey, values: Record<string, ReasonValue> = {}) => fillText(words[key], values, language);
  const number = new Intl.NumberFormat(intlLocale(language)).format;
  const tenths = new Intl.NumberFormat(intlLocale(language), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format;
  const labelled: [SummaryKey, string][] = [
    ['labelFile', text('file', { file: summary.file, format: describeFileFormat(summary, language) })],
    ['labelSpecification', text('specification', { name: summary.specName, kind: summary.kind, caseId: summary.caseId })],
    ['labelRowsRead', summary.rowsBlank ? text('rowsBlank', { count: summary.rowsRead, blank: summary.rowsBlank }) : number(summary.rowsRead)],
    [
      summary.status === 'dry-run' ? 'labelRowsChecked' : 'labelRowsImported',
      summary.rowsSkipped ? text('rowsSkipped', { count: summary.rowsImported, skipped: summary.rowsSkipped }) : number(summary.rowsImported),
    ],
    ['labelRowsRejected', number(summary.rowsRejected)],
  ];
  if (summary.status !== 'dry-run') {
    labelled.push(
      ['labelCreated', text('created', { records: summary.nodesCreated, links: summary.linksCreated })],
      ['labelMatched', text('matched', { records: summary.nodesMatched, links: summary.linksMatched })],
    );
  }
  labelled.push(
    ['labelRepeated', text('repeated', { records: summary.nodesRepeated, links: summary.linksRepeated })],
    ['labelRejectsFile', summary.rejectsFile ?? text('noRejectsFile')],
  );
  if (summary.resumeFromRow !== undefined) labelled.push(['labelResume', text('resume', { row: String(summary.resumeFromRow) })]);
  const time: [SummaryKey, string] = ['labelTime', text('seconds', { seconds: tenths(summary.elapsedMs / 1000) })];

  // Values start in one column, two spaces after the language's longest label, whichever lines this summary has.
  const width = Math.max(...ALIGNED_LABELS.map((label) => words[label].length)) + 2;
  const line = ([label, value]: [SummaryKey, string]) => `${words[label].padEnd(width)}${value}`;
  const lines = [text(STATUS_LINE[summary.status])];
  if (summary.error) lines.push(`  ${summary.error.message}`, `  ${summary.error.hint}`);
  lines.push(...labelled.map(line));
  for (const warning of summary.warnings) lines.push(`${words.labelNote} ${warning}`);
  lines.push(line(time));
  return lines.join('\n');
}
