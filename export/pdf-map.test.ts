// The PDF's map page, read back with pdf.js: the placed entities with their labels, the scale bar, the north
// arrow and the basemap's attribution, a count of what has no place, nothing of a withheld record, and the
// export still verifying against its manifest.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ChartDocument } from '../contract/chart';
import { pdfPageCount, pdfText } from '../test/support/pdf';
import { exportChart, type ExportChartOptions } from './index';
import { sampleCrossBorderChart } from './testing/sample-chart';

const workDir = mkdtempSync(join(tmpdir(), 'schakel-map-page-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The sample chart with an ATM attack on the Belgian side and a Dutch camera; the withheld gang given a place. */
function chartWithPlaces(): ChartDocument {
  const chart = sampleCrossBorderChart();
  const provenance = { caseId: 'CASE-BE-2024-0031', country: 'BE' as const, sourceReliability: 'A' as const, informationReliability: '1' as const, handling: 'H0' as const };
  chart.entities.push(
    { id: 'L-BE-0100', type: 'Location', label: 'Geldautomaat KBC Hoogstraten', ...provenance, properties: { kind: 'atm', lat: 51.4, lon: 4.76 }, position: { x: 700, y: 300 } },
    { id: 'I-BE-0100', type: 'Incident', label: 'Plofkraak KBC Hoogstraten', ...provenance, properties: { at: '2024-03-02T02:51:00Z' }, position: { x: 760, y: 300 } },
    { id: 'L-NL-0200', type: 'Location', label: 'ANPR A16 Hazeldonk', ...provenance, country: 'NL', properties: { kind: 'anpr-camera', lat: 51.49, lon: 4.74 }, position: { x: 640, y: 20 } },
  );
  chart.links.push({ id: 'R-OCC-1', type: 'OCCURRED_AT', source: 'I-BE-0100', target: 'L-BE-0100', at: '2024-03-02T02:51:00Z', ...provenance, properties: {} });
  const gang = chart.entities.find((entity) => entity.id === 'G-NL-0001')!;
  gang.properties = { ...gang.properties, lat: 52.09, lon: 5.12 };
  return chart;
}

function options(outDir: string, mapPage: boolean): ExportChartOptions {
  return {
    formats: ['pdf'],
    outDir,
    baseName: 'map-page',
    cover: { title: 'Plofkraken A16', classification: 'VERTROUWELIJK' },
    disclosure: { mode: 'omit' },
    user: 'analist.devries',
    justification: 'Requested by the investigating judge',
    recipient: 'Onderzoeksrechter Antwerpen',
    now: new Date('2024-03-15T09:30:00Z'),
    queries: [],
    dataVersions: { database: 'neo4j 5.26', schema: '3' },
    pdf: { mapPage },
  };
}

describe('the map page of the PDF', () => {
  it('draws the placed entities with scale bar, north arrow and attribution, and verifies', async () => {
    const withMap = await exportChart(chartWithPlaces(), options(join(workDir, 'with'), true));
    const without = await exportChart(chartWithPlaces(), options(join(workDir, 'without'), false));
    const pdf = join(workDir, 'with', 'map-page.pdf');
    const pages = await pdfPageCount(pdf);
    expect(pages).toBe((await pdfPageCount(join(workDir, 'without', 'map-page.pdf'))) + 1);

    const texts = (await pdfText(pdf)).split('\f');
    const mapPage = texts.find((text) => text.includes('Map of the places on the chart'));
    expect(mapPage).toBeDefined();
    for (const label of ['Hazeldonk–Meer (A16/E19)', 'ANPR A16 Hazeldonk', 'Geldautomaat KBC Hoogstraten', 'Plofkraak KBC Hoogstraten']) expect(mapPage).toContain(label);
    expect(mapPage).toMatch(/\b\d+ km\b/);
    expect(mapPage).toMatch(/(^|\s)N(\s|$)/m);
    expect(mapPage).toContain('Borders © Natural Earth');
    // Four placed (the incident at its cash machine); the gang is withheld, so it is neither placed nor named.
    expect(mapPage).toContain('4 entities placed by their recorded coordinates');
    expect(mapPage).toMatch(/\d+ entities have no place and are not on this map/);
    expect(texts.join('\n')).not.toContain('Plofkraakcrew Utrecht');

    const verify = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/verify-export.ts', withMap.manifestPath], { encoding: 'utf8', cwd: process.cwd() });
    expect(verify.status, `${verify.stdout}${verify.stderr}`).toBe(0);
    expect(without.manifestPath).not.toBe(withMap.manifestPath);
  });

  it('adds no page when nothing on the chart has a place', async () => {
    const chart = sampleCrossBorderChart();
    chart.entities = chart.entities.filter((entity) => entity.type !== 'Location');
    chart.links = chart.links.filter((link) => link.type !== 'SIGHTED_AT');
    const dir = join(workDir, 'unplaced');
    await exportChart(chart, { ...options(dir, true) });
    expect(await pdfText(join(dir, 'map-page.pdf'))).not.toContain('Map of the places on the chart');
  });
});
