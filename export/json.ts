// Schakel's own chart file: canonical JSON (keys sorted, fixed indentation) so the same chart always
// gives the same bytes, and strict schema validation when a file is opened.
import { chartConsistencyProblem, chartDocumentSchema, type ChartDocument } from '../contract/chart';
import { ExportError } from './errors';
import { MAX_IMPORT_BYTES, decodeXmlBytes } from './xml-read';
import type { ImportedChart } from './chart-import';

/** JSON with object keys in code-unit order at every level; arrays keep their order. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = sortKeys(item);
    }
    return sorted;
  }
  return value;
}

export function writeChartJson(chart: ChartDocument): string {
  return canonicalJson(chart);
}

export function readChartJson(input: string | Uint8Array): ImportedChart {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  if (size > MAX_IMPORT_BYTES) {
    throw new ExportError('FILE_TOO_LARGE', `This chart file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`, 'Split the chart into smaller files.');
  }
  // The byte-order-mark handling is the same as for XML files.
  const text = decodeXmlBytes(input);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ExportError(
      'MALFORMED_FILE',
      `This chart file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      'The file may be truncated or damaged; save the chart again.',
    );
  }
  const parsed = chartDocumentSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportError(
      'MALFORMED_FILE',
      `This is not a Schakel chart file (format "schakel-chart", version 1): ${issue?.path.join('.') || 'document'}: ${issue?.message ?? 'invalid'}.`,
      'Open a file saved or exported by Schakel, or import GraphML or i2 ANX instead.',
    );
  }
  const problem = chartConsistencyProblem(parsed.data);
  if (problem) {
    throw new ExportError('MALFORMED_FILE', `This chart file is damaged: ${problem}.`, 'Open a file saved or exported by Schakel, or import GraphML or i2 ANX instead.');
  }
  return { chart: parsed.data, notices: [] };
}
