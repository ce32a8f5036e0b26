// A deterministic, self-contained SVG of the chart: shapes per type, fills by the chart's colour
// setting, a ring in the country colour, labels as real <text> (searchable, selectable, any script),
// links with width by count and dashes for analyst links, and a legend of what is actually drawn.
// PNG at a chosen DPI is rasterised from this SVG by the caller (Chromium), so both look the same.
import type { ChartDocument } from '../contract/chart';
import { WITHHELD_COLOUR, WITHHELD_DASH, WITHHELD_FILL, buildChartScene, shapeGeometry, type ChartLegend, type ChartScene, type SceneNode, type SceneShape } from './chart-scene';
import type { WithheldMarkers } from './disclosure';
import { COUNTRY_BADGE_WIDTH, TYPE_ICON_GRID, TYPE_ICON_MARKUP, TYPE_ICON_SHARE, TYPE_ICON_STROKE_WIDTH, countryBadgeMarkup } from '../shared-values/chart-icons';
import { nodeOutlinePath } from '../shared-values/node-shapes';
import { CHART_FONT_FAMILY, HYPOTHESIS_DASH, LINK_LABEL_COLOUR, LINK_LABEL_FONT_SIZE, LINK_OPACITY, NODE_SIZE } from '../shared-values/chart-style';
import { exportText, type ExportText } from './export-text';
import { escapeXmlText, formatNumber as n, xmlAttributes } from './xml-text';

export interface SvgOptions {
  /** Printed above the chart, e.g. "VERTROUWELIJK". */
  classification?: string;
  /** Defaults to the chart's title. */
  title?: string;
  /** Each case's colour over the whole chart (see buildChartScene). */
  caseColours?: ReadonlyMap<string, string>;
  /** The language of the legend and descriptions (default English). */
  text?: ExportText;
  /** Withheld items to mark in place. */
  markers?: WithheldMarkers;
}

const MARGIN = 30;
const HEADER_HEIGHT = 48;
const LEGEND_WIDTH = 250;
/** A white halo under labels (the screen draws a light plate), so lines running under them do not garble them. */
const LABEL_HALO: [string, string][] = [
  ['stroke', '#FFFFFF'],
  ['stroke-width', '3'],
  ['stroke-opacity', '0.85'],
  ['stroke-linejoin', 'round'],
  ['paint-order', 'stroke'],
];
export const SVG_FONT_FAMILY = CHART_FONT_FAMILY;

export function renderChartSvg(chart: ChartDocument, options: SvgOptions = {}): string {
  const text = options.text ?? exportText('en');
  const scene = buildChartScene(chart, { text, markers: options.markers, caseColours: options.caseColours });
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
      ['xml:lang', text.language],
    ])}>`,
    `<title>${escapeXmlText(title)}</title>`,
    `<desc>${escapeXmlText(text.format(text.t.svg.description, { id: chart.id, entities: chart.entities.length, links: chart.links.length }))}</desc>`,
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
    if (link.withheld) {
      out.push(withheldLinkElement(link));
      continue;
    }
    out.push(
      `<g${xmlAttributes([['data-id', link.id], ['data-type', link.type], ['opacity', LINK_OPACITY]])}><line${xmlAttributes([
        ['x1', n(link.x1)],
        ['y1', n(link.y1)],
        ['x2', n(link.x2)],
        ['y2', n(link.y2)],
        ['stroke', link.colour],
        ['stroke-width', n(link.width)],
        ['stroke-dasharray', link.dashed ? HYPOTHESIS_DASH.join(' ') : undefined],
      ])}/><polygon${xmlAttributes([['points', pointsText(link.arrow)], ['fill', link.colour]])}/>${linkLabelElement(link)}</g>`,
    );
  }
  out.push('</g>');
  return out;
}

/** The link's type along its middle, upright, over a light halo: the screen's link label. */
function linkLabelElement(link: ChartScene['links'][number]): string {
  if (!link.label) return '';
  return `<text${xmlAttributes([
    ['x', n(link.labelX)],
    ['y', n(link.labelY)],
    ['font-size', LINK_LABEL_FONT_SIZE],
    ['text-anchor', 'middle'],
    ['dominant-baseline', 'central'],
    ['transform', link.labelAngle ? `rotate(${n(link.labelAngle)} ${n(link.labelX)} ${n(link.labelY)})` : undefined],
    ['fill', LINK_LABEL_COLOUR],
    ...LABEL_HALO,
  ])}>${escapeXmlText(link.label)}</text>`;
}

/** A withheld link: grey, dotted, its code written along it; marked by data-withheld, never by the real id. */
function withheldLinkElement(link: ChartScene['links'][number]): string {
  return `<g${xmlAttributes([['data-withheld', link.withheld], ['data-marker', link.id]])}><line${xmlAttributes([
    ['x1', n(link.x1)],
    ['y1', n(link.y1)],
    ['x2', n(link.x2)],
    ['y2', n(link.y2)],
    ['stroke', WITHHELD_COLOUR],
    ['stroke-width', n(link.width)],
    ['stroke-dasharray', WITHHELD_DASH.join(' ')],
  ])}/><text${xmlAttributes([
    ['x', n(link.labelX)],
    ['y', n(link.labelY - 3)],
    ['font-size', 8],
    ['text-anchor', 'middle'],
    ['fill', '#4B5563'],
    ...LABEL_HALO,
  ])}>${escapeXmlText(link.label ?? '')}</text></g>`;
}

/** The type's white line icon in the middle of the node, as on screen. */
function iconElement(node: SceneNode): string {
  if (!node.type) return '';
  const size = NODE_SIZE * TYPE_ICON_SHARE;
  const scale = size / TYPE_ICON_GRID;
  return `<g${xmlAttributes([
    ['transform', `translate(${n(node.x - size / 2)} ${n(node.y - size / 2)}) scale(${n(scale)})`],
    ['fill', 'none'],
    ['stroke', '#FFFFFF'],
    ['stroke-width', TYPE_ICON_STROKE_WIDTH],
    ['stroke-linecap', 'round'],
    ['stroke-linejoin', 'round'],
  ])}>${TYPE_ICON_MARKUP[node.type]}</g>`;
}

function nodeElements(scene: ChartScene): string[] {
  const out = ['<g id="entities">'];
  for (const node of scene.nodes) {
    if (node.withheld) {
      out.push(
        `<g${xmlAttributes([['data-withheld', node.withheld], ['data-marker', node.id]])}>${shapeElement(node.shape, WITHHELD_FILL, WITHHELD_COLOUR, 1.5, WITHHELD_DASH.join(' '))}<text${xmlAttributes([
          ['x', n(node.x)],
          ['y', n(node.labelY)],
          ['font-size', 10],
          ['text-anchor', 'middle'],
          ['fill', '#4B5563'],
        ])}>${escapeXmlText(node.label)}</text></g>`,
      );
      continue;
    }
    out.push(
      `<g${xmlAttributes([['data-id', node.id], ['data-type', node.type]])}>${shapeElement(node.shape, node.fill, node.stroke, scene.legend.colourBy === 'country' ? 1.5 : 3)}${iconElement(node)}${badgeElement(node)}<text${xmlAttributes([
        ['x', n(node.x)],
        ['y', n(node.labelY)],
        ['font-size', 10],
        ['text-anchor', 'middle'],
        ['fill', '#111827'],
        ...LABEL_HALO,
      ])}>${escapeXmlText(node.label)}</text></g>`,
    );
  }
  out.push('</g>');
  return out;
}

function shapeElement(shape: SceneShape, fill: string, stroke: string, strokeWidth: number, dash?: string): string {
  return `<path${xmlAttributes([
    ['d', nodeOutlinePath(shape.name, shape.cx, shape.cy, shape.size)],
    ['fill', fill],
    ['stroke', stroke],
    ['stroke-width', n(strokeWidth)],
    ['stroke-dasharray', dash],
  ])}/>`;
}

/** The node's flag on its top-right corner, where the screen's stylesheet puts it. */
function badgeElement(node: SceneNode): string {
  if (!node.badge) return '';
  return `<g${xmlAttributes([['transform', `translate(${n(node.x + NODE_SIZE / 2 - COUNTRY_BADGE_WIDTH)} ${n(node.y - NODE_SIZE / 2)})`]])}>${countryBadgeMarkup(node.badge)}</g>`;
}

function pointsText(points: [number, number][]): string {
  return points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ');
}

const LEGEND_ROW = 22;
const NOTE_LINE = 13;
/** Characters of 10 px DejaVu Sans that fit a legend note's width (about 5.8 px each). */
const NOTE_CHARACTERS = Math.floor((LEGEND_WIDTH - 56) / 5.8);

/** Breaks a legend note into lines at spaces, so French and German notes stay inside the legend. */
export function wrapWords(text: string, maxCharacters: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > maxCharacters) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

function notes(legend: ChartLegend): { widthByCount: string[]; withheld: string[] } {
  const { t } = legend.text;
  return {
    widthByCount: legend.widthByCount ? wrapWords(t.legend.widthByCount, NOTE_CHARACTERS + 4) : [],
    withheld: legend.withheldCount > 0 ? wrapWords(`${t.legend.withheld} (${legend.withheldCount})`, NOTE_CHARACTERS) : [],
  };
}

function legendBlockHeight(legend: ChartLegend): number {
  const rows = legend.entityTypes.length + legend.countries.length + legend.linkTypes.length;
  const { widthByCount, withheld } = notes(legend);
  return 40 + rows * LEGEND_ROW + (widthByCount.length + withheld.length) * NOTE_LINE + (withheld.length > 0 ? 16 : 0) + 3 * 30;
}

function noteText(x: number, y: number, lines: string[], fill: string): string {
  return `<text x="${x}" y="${y}" font-size="10" fill="${fill}">${lines.map((line, index) => `<tspan x="${x}" dy="${index === 0 ? 0 : NOTE_LINE}">${escapeXmlText(line)}</tspan>`).join('')}</text>`;
}

function legendElements(legend: ChartLegend, x: number, y: number): string[] {
  const { t } = legend.text;
  const out = [`<g id="legend" transform="translate(${n(x)} ${n(y)})">`];
  out.push(`<rect x="0" y="0" width="${LEGEND_WIDTH}" height="${n(legendBlockHeight(legend))}" fill="#F9FAFB" stroke="#D1D5DB"/>`);
  out.push(`<text x="12" y="24" font-size="14" font-weight="bold" fill="#111827">${escapeXmlText(t.legend.title)}</text>`);
  let row = 48;
  const heading = (text: string) => {
    out.push(`<text x="12" y="${row}" font-size="11" font-weight="bold" fill="#111827">${escapeXmlText(text)}</text>`);
    row += 18;
  };
  const itemText = (label: string, count: number) =>
    `<text x="44" y="${row + 4}" font-size="11" fill="#111827">${escapeXmlText(`${label} (${count})`)}</text>`;
  if (legend.entityTypes.length > 0) {
    heading(t.legend.entityTypes);
    for (const item of legend.entityTypes) {
      out.push(shapeElement(shapeGeometry(item.shape, 24, row, 8), item.fill, '#374151', 1.2), itemText(item.label, item.count));
      row += LEGEND_ROW;
    }
    row += 8;
  }
  if (legend.countries.length > 0) {
    heading(legend.colourBy === 'country' ? t.legend.countryShortFill : t.legend.countryShortRing);
    for (const item of legend.countries) {
      out.push(`<circle cx="24" cy="${row}" r="8" fill="${item.colour}" stroke="#374151" stroke-width="1"/>`, itemText(item.label, item.count));
      row += LEGEND_ROW;
    }
    row += 8;
  }
  if (legend.linkTypes.length > 0) {
    heading(t.legend.linksShort);
    for (const item of legend.linkTypes) {
      out.push(
        `<line x1="12" y1="${row}" x2="36" y2="${row}" stroke="${item.colour}" stroke-width="2.5"${item.dashed ? ` stroke-dasharray="${HYPOTHESIS_DASH.join(' ')}"` : ''}/>`,
        itemText(`${item.label}${item.dashed ? t.legend.analystLink : ''}`, item.count),
      );
      row += LEGEND_ROW;
    }
    const { widthByCount } = notes(legend);
    if (widthByCount.length > 0) {
      out.push(noteText(12, row + 4, widthByCount, '#4B5563'));
      row += widthByCount.length * NOTE_LINE + 8;
    }
  }
  const { withheld } = notes(legend);
  if (withheld.length > 0) {
    row += 8;
    out.push(
      `<line x1="12" y1="${row}" x2="36" y2="${row}" stroke="${WITHHELD_COLOUR}" stroke-width="2" stroke-dasharray="${WITHHELD_DASH.join(' ')}"/>`,
      noteText(44, row + 4, withheld, '#374151'),
    );
  }
  out.push('</g>');
  return out;
}
