// A 10,000-element chart exported to every format: the appendix runs over hundreds of pages and must
// stay complete and readable (every row present, headings and "page n of m" on every page).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportChart, importChartFile } from '../../export/index';
import { generatedLargeChart } from '../../export/testing/sample-chart';
import { pdfPageCount, pdfText } from '../support/pdf';

const workDir = mkdtempSync(join(tmpdir(), 'schakel-export-large-'));

describe('export of a 10,000-element chart', () => {
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));

  it('writes all formats, with an appendix of every element over many pages', async () => {
    const chart = generatedLargeChart(10_000);
    const result = await exportChart(chart, {
      formats: ['pdf', 'svg', 'graphml', 'anx', 'json'],
      outDir: workDir,
      baseName: 'large',
      cover: { title: 'Volume test', classification: 'CONFIDENTIEL', caseReference: 'TEST-10K' },
      disclosure: { mode: 'omit' },
      user: 'test',
      justification: 'volume test',
      recipient: 'test suite',
      now: new Date('2024-01-01T00:00:00Z'),
    });
    const pdf = result.files.find((file) => file.format === 'pdf')!.path;
    const pages = await pdfPageCount(pdf);
    expect(pages).toBeGreaterThan(200);
    const text = await pdfText(pdf);
    const pageTexts = text.split('\f').filter((page) => page.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    pageTexts.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages}`));
    for (const id of ['E-000000', 'E-002500', 'E-004999', 'L-000000', 'L-004999']) expect(text, id).toContain(id);
    expect(text).toContain('Appendix A — Entities on the chart (5000) (continued)');
    expect(text).toContain('Appendix B — Links on the chart (5000) (continued)');

    const back = await importChartFile(result.files.find((file) => file.format === 'graphml')!.path, 'graphml');
    expect(back.chart.entities).toHaveLength(5000);
    expect(back.chart.links).toHaveLength(5000);
  }, 180_000);
});
