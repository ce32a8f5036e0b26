// A deterministic, self-contained SVG of the chart: shapes per type, fills by the chart's colour
// setting, a ring in the country colour, labels as real <text> (searchable, selectable, any script),
// links with width by count and dashes for analyst links, and a legend of what is actually drawn.
// PNG at a chosen DPI is rasterised from this SVG by the caller (Chromium), so both look the same.
import type { ChartDocument } from '../contract/chart';
import { buildChartScene, shapeGeometry, type ChartLegend, type ChartScene, type SceneShape } from './chart-scene';
import { HYPOTHESIS_DASH } from '../shared-values/chart-style';
import { escapeXmlText, formatNumber as n, xmlAttributes } from './xml-text';

export interface SvgOptions {
  /** Printed above the chart, e.g. "VERTROUWELIJK". */
  classification?: string;
  /** Defaults to the chart's title. */
  title?: string;
  /** Each case's colour over the whole chart (see buildChartScene). */
  caseColours?: ReadonlyMap<string, string>;
}

const MARGIN = 30;
const HEADER_HEIGHT = 48;
const LEGEND_WIDTH = 250;
export const SVG_FONT_FAMILY = "'DejaVu Sans', 'Noto Sans', 'Segoe UI', Arial, sans-serif";

export function renderChartSvg(chart: ChartDocument, options: SvgOptions = {}): string {
  const scene = buildChartScene(chart, { caseColours: options.caseColours });
  const chartWidth = Math.max(200, scene.bounds.maxX - scene.bounds.minX);
  const chartHeight = Math.max(120, scene.bounds.maxY - scene.bounds.minY);
  const legendHeight = legendBlockHeight(scene.legend);
  const width = MARGIN * 3 + chartWidth + LEGEND_WIDTH;
  const height = HEADER_HEIGHT + MARGIN * 2 + Math.max(chartHeight, legendHeight);
  const offsetX = MARGIN - scene.bounds.minX;
  const offsetY = HEADER_HEIGHT + MARGIN - scene.bounds.minY;
  const title = options.title ?? chart.title;

  const out: string[] = [
    `<svg${xmlAttributes([
      ['xmlns', 'http://www.w3.org/2000/svg'],
      ['width', n(width)],
      ['height', n(height)],
      ['viewBox', `0 0 ${n(width)} ${n(height)}`],
      ['font-family', SVG_FONT_FAMILY],
    ])}>`,
    `<title>${escapeXmlText(title)}</title>`,
    `<desc>${escapeXmlText(`Schakel chart ${chart.id}: ${chart.entities.length} entities, ${chart.links.length} links.`)}</desc>`,
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#FFFFFF"/>`,
    `<text x="${MARGIN}" y="30" font-size="18" font-weight="bold" fill="#111827">${escapeXmlText(title)}</text>`,
  ];
  if (options.classification) {
    out.push(`<text x="${n(width - MARGIN)}" y="30" font-size="16" font-weight="bold" fill="#B91C1C" text-anchor="end">${escapeXmlText(options.classification)}</text>`);
  }
  out.push(`<g id="chart" transform="translate(${n(offsetX)} ${n(offsetY)})">`);
  out.push(...linkElements(scene), ...nodeElements(scene));
  out.push('</g>');
  out.push(...legendElements(scene.legend, MARGIN * 2 + chartWidth, HEADER_HEIGHT + MARGIN));
  out.push('</svg>', '');
  return out.join('\n');
}

function linkElements(scene: ChartScene): string[] {
  const out = ['<g id="links">'];
  for (const link of scene.links) {
    out.push(
      `<g${xmlAttributes([['data-id', link.id], ['data-type', link.type]])}><line${xmlAttributes([
        ['x1', n(link.x1)],
        ['y1', n(link.y1)],
        ['x2', n(link.x2)],
        ['y2', n(link.y2)],
        ['stroke', link.colour],
        ['stroke-width', n(link.width)],
        ['stroke-dasharray', link.dashed ? HYPOTHESIS_DASH.join(' ') : undefined],
      ])}/><polygon${xmlAttributes([['points', pointsText(link.arrow)], ['fill', link.colour]])}/></g>`,
    );
  }
  out.push('</g>');
  return out;
}

function nodeElements(scene: ChartScene): string[] {
  const out = ['<g id="entities">'];
  for (const node of scene.nodes) {
    out.push(
      `<g${xmlAttributes([['data-id', node.id], ['data-type', node.type]])}>${shapeElement(node.shape, node.fill, node.stroke, scene.legend.colourBy === 'country' ? 1.5 : 3)}<text${xmlAttributes([
        ['x', n(node.x)],
        ['y', n(node.labelY)],
        ['font-size', 10],
        ['text-anchor', 'middle'],
        ['fill', '#111827'],
      ])}>${escapeXmlText(node.label)}</text></g>`,
    );
  }
  out.push('</g>');
  return out;
}

function shapeElement(shape: SceneShape, fill: string, stroke: string, strokeWidth: number): string {
  const paint: [string, string][] = [
    ['fill', fill],
    ['stroke', stroke],
    ['stroke-width', n(strokeWidth)],
  ];
  switch (shape.kind) {
    case 'circle':
      return `<circle${xmlAttributes([['cx', n(shape.cx)], ['cy', n(shape.cy)], ['r', n(shape.r)], ...paint])}/>`;
    case 'rect':
      return `<rect${xmlAttributes([['x', n(shape.x)], ['y', n(shape.y)], ['width', n(shape.width)], ['height', n(shape.height)], ['rx', n(shape.radius)], ...paint])}/>`;
    case 'polygon':
      return `<polygon${xmlAttributes([['points', pointsText(shape.points)], ...paint])}/>`;
  }
}

function pointsText(points: [number, number][]): string {
  return points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
}

const LEGEND_ROW = 22;

function legendBlockHeight(legend: ChartLegend): number {
  const rows = legend.entityTypes.length + legend.countries.length + legend.linkTypes.length + (legend.widthByCount ? 1 : 0);
  return 40 + rows * LEGEND_ROW + 3 * 30;
}

function legendElements(legend: ChartLegend, x: number, y: number): string[] {
  const out = [`<g id="legend" transform="translate(${n(x)} ${n(y)})">`];
  out.push(`<rect x="0" y="0" width="${LEGEND_WIDTH}" height="${n(legendBlockHeight(legend))}" fill="#F9FAFB" stroke="#D1D5DB"/>`);
  out.push('<text x="12" y="24" font-size="14" font-weight="bold" fill="#111827">Legend</text>');
  let row = 48;
  const heading = (text: string) => {
    out.push(`<text x="12" y="${row}" font-size="11" font-weight="bold" fill="#374151">${escapeXmlText(text)}</text>`);
    row += 18;
  };
  const itemText = (label: string, count: number) =>
    `<text x="44" y="${row + 4}" font-size="11" fill="#111827">${escapeXmlText(`${label} (${count})`)}</text>`;
  if (legend.entityTypes.length > 0) {
    heading('Entity types (shape)');
    for (const item of legend.entityTypes) {
      out.push(shapeElement(shapeGeometry(item.shape, 24, row, 8), item.fill, '#374151', 1.2), itemText(item.label, item.count));
      row += LEGEND_ROW;
    }
    row += 8;
  }
  if (legend.countries.length > 0) {
    heading(legend.colourBy === 'country' ? 'Country (fill)' : 'Country (ring)');
    for (const item of legend.countries) {
      out.push(`<circle cx="24" cy="${row}" r="8" fill="${item.colour}" stroke="#374151" stroke-width="1"/>`, itemText(item.label, item.count));
      row += LEGEND_ROW;
    }
    row += 8;
  }
  if (legend.linkTypes.length > 0) {
    heading('Links');
    for (const item of legend.linkTypes) {
      out.push(
        `<line x1="12" y1="${row}" x2="36" y2="${row}" stroke="${item.colour}" stroke-width="2.5"${item.dashed ? ' stroke-dasharray="6 4"' : ''}/>`,
        itemText(`${item.label}${item.dashed ? ' (analyst link)' : ''}`, item.count),
      );
      row += LEGEND_ROW;
    }
    if (legend.widthByCount) {
      out.push(`<text x="12" y="${row + 4}" font-size="10" fill="#4B5563">Line width grows with the number of contacts.</text>`);
    }
  }
  out.push('</g>');
  return out;
}
