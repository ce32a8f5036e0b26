// The chart and its legend in the PDF, drawn from the same scene as the SVG. Coordinates are mapped
// to the page by hand instead of with a PDF transform: pdfkit decides page breaks for text from the
// untransformed y, so a transform would make it start spurious pages.
import type { ChartLegend, ChartScene, SceneShape } from './chart-scene';
import { WITHHELD_COLOUR, WITHHELD_DASH, WITHHELD_FILL, shapeGeometry } from './chart-scene';
import { COUNTRY_BADGE_HEIGHT, COUNTRY_BADGE_OUTLINE, COUNTRY_BADGE_STRIPES, COUNTRY_BADGE_WIDTH, TYPE_ICON_SHARE } from '../shared-values/chart-icons';
import type { Country } from '../shared-values/model';
import { nodeOutlinePath } from '../shared-values/node-shapes';
import { HYPOTHESIS_DASH, LINK_LABEL_COLOUR, LINK_OPACITY, NODE_SIZE } from '../shared-values/chart-style';
import { drawPdfIcon } from './entity-icons';
import type { ExportText } from './export-text';
import { addPage, contentBox, type FontNames, type Orientation, type PageBox, type PaperSize } from './pdf-layout';

export type ChartLayout = 'fit' | 'split';

/** Below this size labels are unreadable even zoomed in; they are left out and the page says so. */
const MIN_LABEL_POINTS = 2;
/** Split layout: chart pixels to points, so a node is about 1 cm and labels about 7.5 pt. */
const SPLIT_SCALE = 0.75;
const MAX_SPLIT_PAGES = 64;
/** The screen's 'text-background-opacity'. */
const LABEL_PLATE_OPACITY = 0.85;

interface Mapping {
  scale: number;
  /** Page coordinates of chart point (minX, minY). */
  originX: number;
  originY: number;
  minX: number;
  minY: number;
}

export interface ChartPagesOptions {
  size: PaperSize;
  orientation: Orientation;
  layout: ChartLayout;
  fonts: FontNames;
  text: ExportText;
}

/** Adds the chart page(s); returns how many pages were added. */
export function drawChartPages(doc: PDFKit.PDFDocument, scene: ChartScene, options: ChartPagesOptions): number {
  addPage(doc, options.size, options.orientation);
  const area = chartArea(doc);
  const width = Math.max(1, scene.bounds.maxX - scene.bounds.minX);
  const height = Math.max(1, scene.bounds.maxY - scene.bounds.minY);
  const fitScale = Math.min(area.width / width, area.height / height, 1.5);

  if (options.layout === 'fit' || scene.nodes.length === 0) {
    const mapping: Mapping = {
      scale: fitScale,
      originX: area.x + (area.width - width * fitScale) / 2,
      originY: area.y + (area.height - height * fitScale) / 2,
      minX: scene.bounds.minX,
      minY: scene.bounds.minY,
    };
    drawCaption(doc, scene, mapping.scale, options.text.t.chart.fitted, options);
    drawScene(doc, scene, mapping, area, options.fonts);
    return 1;
  }

  let scale = SPLIT_SCALE;
  let columns = Math.ceil((width * scale) / area.width);
  let rows = Math.ceil((height * scale) / area.height);
  if (columns * rows > MAX_SPLIT_PAGES) {
    // Too many tiles to be usable: shrink until the chart fits the page budget.
    scale = Math.min(scale, Math.sqrt((MAX_SPLIT_PAGES * area.width * area.height) / (width * height)) * 0.95);
    columns = Math.ceil((width * scale) / area.width);
    rows = Math.ceil((height * scale) / area.height);
  }
  let pages = 0;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      if (pages > 0) addPage(doc, options.size, options.orientation);
      pages++;
      const mapping: Mapping = {
        scale,
        originX: area.x - column * area.width,
        originY: area.y - row * area.height,
        minX: scene.bounds.minX,
        minY: scene.bounds.minY,
      };
      const caption = options.text.format(options.text.t.chart.sheet, { sheet: pages, sheets: rows * columns, row: row + 1, column: column + 1 });
      drawCaption(doc, scene, scale, caption, options);
      drawScene(doc, scene, mapping, area, options.fonts);
    }
  }
  return pages;
}

function chartArea(doc: PDFKit.PDFDocument): PageBox {
  const box = contentBox(doc);
  return { x: box.x, y: box.y + 18, width: box.width, height: box.height - 18 };
}

function drawCaption(doc: PDFKit.PDFDocument, scene: ChartScene, scale: number, caption: string, { fonts, text }: ChartPagesOptions): void {
  const box = contentBox(doc);
  const { t, format } = text;
  const shownNodes = scene.nodes.length - scene.nodes.filter((node) => node.withheld).length;
  const shownLinks = scene.links.length - scene.links.filter((link) => link.withheld).length;
  const notes = [caption, format(t.chart.counts, { entities: shownNodes, links: shownLinks })];
  if (scene.withheldCount > 0) notes.push(format(t.chart.withheldShown, { count: scene.withheldCount }));
  if (10 * scale < MIN_LABEL_POINTS) notes.push(t.chart.labelsTooSmall);
  if (scene.unplacedCount > 0) notes.push(format(t.chart.unplaced, { count: scene.unplacedCount }));
  doc.font(fonts.regular).fontSize(8).fillColor('#4B5563');
  doc.text(notes.join(' · '), box.x, box.y, { width: box.width, height: 12, ellipsis: true, lineBreak: false });
}

function drawScene(doc: PDFKit.PDFDocument, scene: ChartScene, mapping: Mapping, area: PageBox, fonts: FontNames): void {
  const px = (x: number) => mapping.originX + (x - mapping.minX) * mapping.scale;
  const py = (y: number) => mapping.originY + (y - mapping.minY) * mapping.scale;
  // Only what touches this sheet is drawn; the clip trims the rest at the sheet's edge.
  const margin = 80 * mapping.scale;
  const visible = (x: number, y: number) => x >= area.x - margin && x <= area.x + area.width + margin && y >= area.y - margin && y <= area.y + area.height + margin;

  doc.save();
  doc.rect(area.x, area.y, area.width, area.height).clip();
  for (const link of scene.links) {
    const x1 = px(link.x1);
    const y1 = py(link.y1);
    const x2 = px(link.x2);
    const y2 = py(link.y2);
    if (!visible(x1, y1) && !visible(x2, y2) && !crossesArea(x1, y1, x2, y2, area)) continue;
    doc.lineWidth(link.width * mapping.scale).strokeColor(link.colour).strokeOpacity(link.withheld ? 1 : LINK_OPACITY).fillOpacity(link.withheld ? 1 : LINK_OPACITY);
    if (link.dashed) doc.dash(HYPOTHESIS_DASH[0] * mapping.scale, { space: HYPOTHESIS_DASH[1] * mapping.scale });
    if (link.withheld) doc.dash(WITHHELD_DASH[0] * mapping.scale, { space: WITHHELD_DASH[1] * mapping.scale });
    doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
    if (link.dashed || link.withheld) doc.undash();
    if (link.arrow.length > 0) doc.polygon(...link.arrow.map(([x, y]) => [px(x), py(y)] as [number, number])).fill(link.colour);
  }
  doc.strokeOpacity(1).fillOpacity(1);
  const labelSize = 10 * mapping.scale;
  // Ring width as on screen: the country border is 3 px unless the fill itself shows the country.
  const ringWidth = (scene.legend.colourBy === 'country' ? 1.5 : 3) * mapping.scale;
  for (const node of scene.nodes) {
    const x = px(node.x);
    const y = py(node.y);
    if (!visible(x, y)) continue;
    if (node.withheld) {
      doc.dash(WITHHELD_DASH[0] * mapping.scale, { space: WITHHELD_DASH[1] * mapping.scale });
      drawShape(doc, mapShape(node.shape, px, py, mapping.scale), WITHHELD_FILL, WITHHELD_COLOUR, 1.5 * mapping.scale);
      doc.undash();
      continue;
    }
    drawShape(doc, mapShape(node.shape, px, py, mapping.scale), node.fill, node.stroke, ringWidth);
    if (node.type) drawPdfIcon(doc, node.type, x, y, NODE_SIZE * TYPE_ICON_SHARE * mapping.scale);
    if (node.badge) drawBadge(doc, node.badge, x, y, mapping.scale);
  }
  if (labelSize >= MIN_LABEL_POINTS) {
    // The words along links (their type, or "withheld under H2"): small, centred on the line.
    doc.font(fonts.regular).fontSize(labelSize * 0.8);
    for (const link of scene.links) {
      if (!link.label) continue;
      const x = px(link.labelX);
      const y = py(link.labelY);
      if (!visible(x, y)) continue;
      // Along the line, upright, as on screen; a withheld link's words sit just above it.
      doc.save();
      if (link.labelAngle) doc.rotate(link.labelAngle, { origin: [x, y] });
      labelOnPlate(doc, link.label, x, link.withheld ? y - labelSize : y - labelSize * 0.45, labelSize * 0.8, link.withheld ? '#4B5563' : LINK_LABEL_COLOUR);
      doc.restore();
    }
    doc.font(fonts.regular).fontSize(labelSize);
    for (const node of scene.nodes) {
      const x = px(node.x);
      const y = py(node.labelY) - labelSize * 0.8;
      if (!visible(x, y)) continue;
      labelOnPlate(doc, node.label, x, y, labelSize, '#111827');
    }
  }
  doc.restore();
}

/** A label centred on x over a light plate, as on screen, so lines running under it do not garble it. */
function labelOnPlate(doc: PDFKit.PDFDocument, label: string, x: number, y: number, size: number, colour: string): void {
  const width = doc.widthOfString(label);
  doc.save();
  doc.fillOpacity(LABEL_PLATE_OPACITY).rect(x - width / 2 - size * 0.15, y - size * 0.05, width + size * 0.3, size * 1.2).fill('#FFFFFF');
  doc.restore();
  doc.fillColor(colour).text(label, x - width / 2, y, { lineBreak: false });
}

function crossesArea(x1: number, y1: number, x2: number, y2: number, area: PageBox): boolean {
  return !(Math.max(x1, x2) < area.x || Math.min(x1, x2) > area.x + area.width || Math.max(y1, y2) < area.y || Math.min(y1, y2) > area.y + area.height);
}

function mapShape(shape: SceneShape, px: (x: number) => number, py: (y: number) => number, scale: number): SceneShape {
  return { name: shape.name, cx: px(shape.cx), cy: py(shape.cy), size: shape.size * scale };
}

function drawShape(doc: PDFKit.PDFDocument, shape: SceneShape, fill: string, stroke: string, lineWidth: number): void {
  doc.lineWidth(lineWidth).fillColor(fill).strokeColor(stroke);
  doc.path(nodeOutlinePath(shape.name, shape.cx, shape.cy, shape.size));
  doc.fillAndStroke();
}

/** The node's flag on its top-right corner, as on screen. */
function drawBadge(doc: PDFKit.PDFDocument, country: Country, x: number, y: number, scale: number): void {
  const left = x + (NODE_SIZE / 2 - COUNTRY_BADGE_WIDTH) * scale;
  const top = y - (NODE_SIZE / 2) * scale;
  for (const stripe of COUNTRY_BADGE_STRIPES[country]) {
    doc.rect(left + stripe.x * scale, top + stripe.y * scale, stripe.width * scale, stripe.height * scale).fill(stripe.fill);
  }
  const { inset, colour, width } = COUNTRY_BADGE_OUTLINE;
  doc
    .lineWidth(width * scale)
    .rect(left + inset * scale, top + inset * scale, (COUNTRY_BADGE_WIDTH - 2 * inset) * scale, (COUNTRY_BADGE_HEIGHT - 2 * inset) * scale)
    .stroke(colour);
}

const GRADING_CODES = ['A', 'B', 'C', 'X', '1', '2', '3', '4', 'H0', 'H1', 'H2', 'H3'] as const;

/** The legend page: what every shape, colour and line on the chart means, and the grading key. */
export function drawLegendPage(doc: PDFKit.PDFDocument, legend: ChartLegend, options: ChartPagesOptions): void {
  addPage(doc, options.size, options.orientation);
  const box = contentBox(doc);
  const { fonts, text } = options;
  const { t, format } = text;
  let y = box.y;
  const landscape = doc.page.width > doc.page.height;
  // Landscape pages have room for the grading key beside the symbols; portrait pages put it below.
  const symbolsWidth = landscape ? box.width * 0.46 : box.width;
  doc.font(fonts.bold).fontSize(16).fillColor('#111827').text(t.legend.title, box.x, y);
  y += 30;
  const heading = (text: string) => {
    doc.font(fonts.bold).fontSize(11).fillColor('#374151').text(text, box.x, y);
    y += 20;
  };
  const item = (text: string) => {
    doc.font(fonts.regular).fontSize(10).fillColor('#111827');
    const height = doc.heightOfString(text, { width: symbolsWidth - 34 });
    doc.text(text, box.x + 34, y - 6, { width: symbolsWidth - 34 });
    y += Math.max(20, height + 8);
  };
  if (legend.entityTypes.length > 0) {
    heading(t.legend.entityTypes);
    for (const entry of legend.entityTypes) {
      drawShape(doc, shapeGeometry(entry.shape, box.x + 12, y, 8), entry.fill, '#374151', 1);
      drawPdfIcon(doc, entry.type, box.x + 12, y, 9, entry.fill === '#FFFFFF' ? '#374151' : '#FFFFFF');
      item(format(t.legend.onChart, { label: entry.label, count: entry.count }));
    }
    y += 8;
  }
  if (legend.countries.length > 0) {
    heading(legend.colourBy === 'country' ? t.legend.countryFill : t.legend.countryRing);
    for (const entry of legend.countries) {
      doc.circle(box.x + 12, y, 8).lineWidth(1).fillColor(entry.colour).strokeColor('#374151').fillAndStroke();
      item(format(t.legend.onChart, { label: entry.label, count: entry.count }));
    }
    y += 8;
  }
  if (legend.linkTypes.length > 0) {
    heading(t.legend.links);
    for (const entry of legend.linkTypes) {
      doc.lineWidth(2.5).strokeColor(entry.colour);
      if (entry.dashed) doc.dash(HYPOTHESIS_DASH[0], { space: HYPOTHESIS_DASH[1] });
      doc.moveTo(box.x, y).lineTo(box.x + 24, y).stroke();
      if (entry.dashed) doc.undash();
      item(`${format(t.legend.onChart, { label: entry.label, count: entry.count })}${entry.dashed ? t.legend.dashed : ''}`);
    }
    if (legend.widthByCount) {
      const note = t.legend.widthByCount;
      doc.font(fonts.regular).fontSize(9.5).fillColor('#4B5563').text(note, box.x, y, { width: symbolsWidth });
      y += doc.heightOfString(note, { width: symbolsWidth }) + 6;
    }
    y += 8;
  }
  if (legend.withheldCount > 0) {
    doc.lineWidth(2).strokeColor(WITHHELD_COLOUR).dash(WITHHELD_DASH[0], { space: WITHHELD_DASH[1] });
    doc.moveTo(box.x, y).lineTo(box.x + 24, y).stroke();
    doc.undash();
    item(format(t.legend.onChart, { label: t.legend.withheld, count: legend.withheldCount }));
    y += 8;
  }
  const keyX = landscape ? box.x + box.width * 0.52 : box.x;
  const keyWidth = landscape ? box.width * 0.48 : box.width;
  y = landscape ? box.y + 30 : y;
  const keyHeight = 60 + GRADING_CODES.length * 24;
  if (!landscape && y + keyHeight > box.y + box.height) {
    addPage(doc, options.size, options.orientation);
    y = contentBox(doc).y;
  }
  const keyHeading = t.grading.heading;
  doc.font(fonts.bold).fontSize(11).fillColor('#374151').text(keyHeading, keyX, y, { width: keyWidth });
  y += doc.heightOfString(keyHeading, { width: keyWidth }) + 6;
  doc.font(fonts.regular).fontSize(9).fillColor('#4B5563');
  const intro = t.grading.intro;
  doc.text(intro, keyX, y, { width: keyWidth });
  y += doc.heightOfString(intro, { width: keyWidth }) + 8;
  for (const code of GRADING_CODES) {
    const meaning = t.grading[code];
    doc.font(fonts.regular).fontSize(9);
    const height = doc.heightOfString(meaning, { width: keyWidth - 30 });
    doc.font(fonts.bold).fontSize(9).fillColor('#111827').text(code, keyX, y, { width: 26, lineBreak: false });
    doc.font(fonts.regular).fontSize(9).fillColor('#111827').text(meaning, keyX + 30, y, { width: keyWidth - 30 });
    y += height + 5;
  }
}
