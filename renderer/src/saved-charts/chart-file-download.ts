// "Export chart file…": the chart document as a JSON file the analyst keeps or mails to a colleague.
import type { ChartDocument } from '../../../contract/chart';

export const CHART_FILE_EXTENSION = '.schakel-chart.json';

export function chartFileName(title: string): string {
  // Keep letters of any script, digits, spaces and dashes: safe on Windows, macOS and Linux alike.
  const safe = title.normalize('NFC').replace(/[^\p{L}\p{N} _-]+/gu, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${safe || 'chart'}${CHART_FILE_EXTENSION}`;
}

export function downloadChartFile(document: ChartDocument): void {
  const blob = new Blob([JSON.stringify(document, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const anchor = window.document.createElement('a');
  anchor.href = url;
  anchor.download = chartFileName(document.title);
  anchor.rel = 'noopener';
  window.document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoke later: Chromium reads the blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
