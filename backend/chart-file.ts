// Reads a chart file the analyst picked ("Open chart file…"). Files are untrusted input: anything that is not
// a complete, consistent schakel-chart document is refused with a message saying what is wrong, before the
// renderer touches the chart on screen.
import { ApiError } from '../contract/api';
import { CHART_FORMAT, CHART_FORMAT_VERSION, chartConsistencyProblem, chartDocumentSchema, type ChartDocument } from '../contract/chart';

/** How many schema problems to name in the message; the rest are counted. */
const PROBLEMS_SHOWN = 3;

const HINT = 'Choose a file saved with "Export chart file…" (JSON in the schakel-chart format). Your current chart was not changed.';

function refused(message: string, hint = HINT): ApiError {
  return new ApiError({ code: 'BAD_REQUEST', message, hint });
}

export function parseChartFile(text: string): ChartDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw refused('This file is not a Schakel chart: it is not valid JSON (it may be damaged or cut off).');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw refused('This file is not a Schakel chart: it does not hold a chart document.');
  }
  const header = raw as { format?: unknown; version?: unknown };
  if (header.format !== CHART_FORMAT) {
    throw refused(`This file is not a Schakel chart: its "format" is not "${CHART_FORMAT}".`);
  }
  if (typeof header.version === 'number' && header.version > CHART_FORMAT_VERSION) {
    throw refused(
      `This chart file was written by a newer Schakel (chart format ${header.version}; this version reads ${CHART_FORMAT_VERSION}).`,
      'Update Schakel to open it. Your current chart was not changed.',
    );
  }
  const parsed = chartDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.length ? issue.path.join('.') : 'document'}: ${issue.message}`);
    const shown = problems.slice(0, PROBLEMS_SHOWN).join('; ');
    const more = problems.length > PROBLEMS_SHOWN ? ` (and ${problems.length - PROBLEMS_SHOWN} more problems)` : '';
    throw refused(`This chart file is damaged and cannot be opened: ${shown}${more}.`);
  }
  checkConsistency(parsed.data);
  return parsed.data;
}

/** The schema checks each record alone; a chart also needs unique ids and links whose ends are on it. */
export function checkConsistency(chart: ChartDocument): void {
  const problem = chartConsistencyProblem(chart);
  if (problem) throw refused(`This chart file is damaged: ${problem}.`);
}
