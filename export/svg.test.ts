import { describe, expect, it } from 'vitest';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { CHART_FORMAT, CHART_FORMAT_VERSION } from '../contract/chart';
import { renderChartSvg } from './svg';
import { sampleCrossBorderChart } from './testing/sample-chart';

describe('SVG export', () => {
  it('is well-formed, keeps labels as escaped text and never emits markup from data', () => {
    const svg = renderChartSvg(sampleCrossBorderChart(), { classification: 'CONFIDENTIEL' });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).toContain('Informant "Kraai" &lt;script&gt;alert(1)&lt;/scr');
    expect(svg).toContain('>محمد الحسن</text>');
    expect(svg).toContain('>Frédérique Dubois-Lefèvre</text>');
    expect(svg).toContain('>CONFIDENTIEL</text>');
  });

  it('draws every entity and link, with dashed hypothesis links and thicker frequent calls', () => {
    const chart = sampleCrossBorderChart();
    const svg = renderChartSvg(chart);
    const ids = [...svg.matchAll(/data-id="([^"]+)"/g)].map((match) => match[1]).sort();
    expect(ids).toEqual([...chart.entities.map((entity) => entity.id), ...chart.links.map((link) => link.id)].sort());
    expect(svg).toMatch(/data-id="R-ASSOC-1"[^>]*><line[^>]*stroke-dasharray="6 4"/);
    expect(svg).not.toMatch(/data-id="R-ASSOC-2"[^>]*><line[^>]*stroke-dasharray/);
    const width = (id: string) => Number(new RegExp(`data-id="${id}"[^>]*><line[^>]*stroke-width="([\\d.]+)"`).exec(svg)![1]);
    expect(width('R-CALLED-1')).toBeGreaterThan(width('R-USES-1'));
  });

  it('builds the legend from the types actually on the chart', () => {
    const svg = renderChartSvg(sampleCrossBorderChart());
    const parsed = new XMLParser({ ignoreAttributes: false }).parse(svg);
    expect(parsed.svg).toBeDefined();
    const legend = svg.slice(svg.indexOf('<g id="legend"'));
    expect(legend).toContain('Person (4)');
    expect(legend).toContain('called (1)');
    expect(legend).not.toContain('Incident');
    expect(legend).not.toContain('same as');
  });

  it('is byte-identical for the same chart, and copes with an empty chart', () => {
    expect(renderChartSvg(sampleCrossBorderChart())).toBe(renderChartSvg(sampleCrossBorderChart()));
    const empty = renderChartSvg({ format: CHART_FORMAT, version: CHART_FORMAT_VERSION, id: 'e', title: 'Empty', entities: [], links: [] });
    expect(XMLValidator.validate(empty)).toBe(true);
  });
});
