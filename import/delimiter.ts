// Which field separator a CSV export uses: ',' (international), ';' (Excel in Dutch, Flemish and French
// locales, where ',' is the decimal separator) or a tab. Each candidate parses a sample of the first lines
// (quotes respected, via papaparse); the winner splits the header into several fields and gives the same
// field count on most rows. Excel's own hint line `sep=;` overrides the guess.
import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

const SAMPLE_ROWS = 50;

export interface DelimiterGuess {
  delimiter: Delimiter;
  /** The sample starts with Excel's `sep=X` line, which is not data and must be skipped. */
  sepLine: boolean;
}

export function readSepLine(sample: string): Delimiter | null {
  const match = /^sep=(.)\r?\n/i.exec(sample);
  if (!match) return null;
  return (DELIMITERS as readonly string[]).includes(match[1]) ? (match[1] as Delimiter) : null;
}

interface Score {
  delimiter: Delimiter;
  headerFields: number;
  /** Share of sample rows that have as many fields as the header. */
  consistency: number;
}

function score(sample: string, delimiter: Delimiter): Score {
  const rows = Papa.parse<string[]>(sample, { delimiter, preview: SAMPLE_ROWS, skipEmptyLines: true }).data;
  const headerFields = rows[0]?.length ?? 0;
  const body = rows.slice(1);
  // A cut-off last line in the sample is not evidence against the delimiter.
  const judged = body.length > 1 ? body.slice(0, -1) : body;
  const consistent = judged.filter((row) => row.length === headerFields).length;
  return { delimiter, headerFields, consistency: judged.length === 0 ? 1 : consistent / judged.length };
}

/** Guesses the delimiter from the first lines of the decoded text; ',' when nothing splits (one column). */
export function detectDelimiter(sample: string): DelimiterGuess {
  const fromSepLine = readSepLine(sample);
  if (fromSepLine) return { delimiter: fromSepLine, sepLine: true };
  const scores = DELIMITERS.map((delimiter) => score(sample, delimiter)).filter((s) => s.headerFields > 1);
  if (scores.length === 0) return { delimiter: ',', sepLine: false };
  scores.sort((a, b) => b.consistency - a.consistency || b.headerFields - a.headerFields);
  return { delimiter: scores[0].delimiter, sepLine: false };
}
