// The appendix: one row per entity and per link with where it came from and how reliable it is. It
// must stay readable at 10,000 elements, so rows wrap (up to a few lines) instead of shrinking, and the
// column headings repeat on every page.
import type { ChartDocument, ChartEntity, ChartLink } from '../contract/chart';
import { ENTITY_TYPE_STYLES, linkTypeLabel } from '../shared-values/chart-style';
import { addPage, contentBox, type Orientation, type PaperSize } from './pdf-layout';
import { compareText } from './property-values';

export interface AppendixFonts {
  regular: string;
  bold: string;
}

interface Column {
  heading: string;
  /** Share of the table width. */
  weight: number;
}

const FONT_SIZE = 7;
const LINE_HEIGHT = 8.6;
const CELL_PADDING = 2.5;
const MAX_LINES = 4;
const LINE_GAP = LINE_HEIGHT - FONT_SIZE * 1.17;
const NONE = '—';
const NO_SOURCE = 'none recorded';

const COMMON_TAIL: Column[] = [
  { heading: 'Source record', weight: 80 },
  { heading: 'Case', weight: 86 },
  { heading: 'Ctry', weight: 26 },
  { heading: 'Agency', weight: 100 },
  { heading: 'Dates', weight: 86 },
  { heading: 'Grade', weight: 32 },
  { heading: 'Handling', weight: 40 },
];
const ENTITY_COLUMNS: Column[] = [{ heading: '#', weight: 28 }, { heading: 'Id', weight: 80 }, { heading: 'Type', weight: 44 }, { heading: 'Label', weight: 150 }, ...COMMON_TAIL];
const LINK_COLUMNS: Column[] = [{ heading: '#', weight: 28 }, { heading: 'Id', weight: 80 }, { heading: 'Type', weight: 54 }, { heading: 'From → to', weight: 140 }, ...COMMON_TAIL];

export interface AppendixOptions {
  size: PaperSize;
  fonts: AppendixFonts;
}

/** Adds the appendix pages (always landscape: the table needs the width). */
export function drawAppendix(doc: PDFKit.PDFDocument, chart: ChartDocument, options: AppendixOptions): void {
  const entities = [...chart.entities].sort((a, b) => compareText(a.id, b.id));
  const links = [...chart.links].sort((a, b) => compareText(a.id, b.id));
  const labels = new Map(entities.map((entity) => [entity.id, entity.label]));
  const orientation: Orientation = 'landscape';
  const table = new TableWriter(doc, options.size, orientation, options.fonts);
  table.start(`Appendix A — Entities on the chart (${entities.length})`, ENTITY_COLUMNS);
  if (entities.length === 0) table.note('The chart holds no entities.');
  entities.forEach((entity, index) => table.row(entityRow(entity, index + 1)));
  table.start(`Appendix B — Links on the chart (${links.length})`, LINK_COLUMNS);
  if (links.length === 0) table.note('The chart holds no links.');
  links.forEach((link, index) => table.row(linkRow(link, index + 1, labels)));
}

function grade(item: ChartEntity | ChartLink): string {
  if (!item.sourceReliability && !item.informationReliability) return 'not graded';
  return `${item.sourceReliability ?? '?'}${item.informationReliability ?? '?'}`;
}

function country(item: ChartEntity | ChartLink): string {
  return item.country ?? NONE;
}

function formatInstant(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const text = new Date(time).toISOString();
  return text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}

function entityDates(entity: ChartEntity): string {
  const parts: string[] = [];
  const { dateOfBirth, recordedAt, opened, at } = entity.properties;
  if (typeof at === 'string') parts.push(formatInstant(at));
  if (typeof dateOfBirth === 'string') parts.push(`born ${dateOfBirth}`);
  if (typeof opened === 'string') parts.push(`opened ${opened}`);
  if (typeof recordedAt === 'string') parts.push(`recorded ${formatInstant(recordedAt)}`);
  return parts.length > 0 ? parts.join('; ') : NONE;
}

function linkDates(link: ChartLink): string {
  if (link.at) return formatInstant(link.at);
  if (link.from || link.until) return `${link.from ? formatInstant(link.from) : '…'} – ${link.until ? formatInstant(link.until) : '…'}`;
  return NONE;
}

function entityRow(entity: ChartEntity, number: number): string[] {
  return [
    String(number),
    entity.id,
    ENTITY_TYPE_STYLES[entity.type].name,
    entity.subtitle ? `${entity.label} (${entity.subtitle})` : entity.label,
    entity.sourceId ?? NO_SOURCE,
    entity.caseId ?? NONE,
    country(entity),
    entity.agency ?? NONE,
    entityDates(entity),
    grade(entity),
    entity.handling ?? NONE,
  ];
}

function linkRow(link: ChartLink, number: number, labels: Map<string, string>): string[] {
  const end = (id: string) => `${labels.get(id) ?? id} [${id}]`;
  return [
    String(number),
    link.id,
    link.count !== undefined ? `${linkTypeLabel(link.type)} (${link.count}×)` : linkTypeLabel(link.type),
    `${end(link.source)} → ${end(link.target)}`,
    link.sourceId ?? NO_SOURCE,
    link.caseId ?? NONE,
    country(link),
    link.agency ?? NONE,
    linkDates(link),
    grade(link),
    link.handling ?? NONE,
  ];
}

/** Writes rows top to bottom, starting a new page (with headings) whenever the next row does not fit. */
class TableWriter {
  private columns: Column[] = [];
  private widths: number[] = [];
  private y = 0;
  private bottom = 0;
  private rowIndex = 0;
  private title = '';

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly size: PaperSize,
    private readonly orientation: Orientation,
    private readonly fonts: AppendixFonts,
  ) {}

  start(title: string, columns: Column[]): void {
    this.title = title;
    this.columns = columns;
    this.rowIndex = 0;
    this.newPage(false);
  }

  note(text: string): void {
    const box = contentBox(this.doc);
    this.doc.font(this.fonts.regular).fontSize(9).fillColor('#4B5563').text(text, box.x, this.y + 4, { width: box.width });
    this.y += 20;
  }

  row(cells: string[]): void {
    this.doc.font(this.fonts.regular).fontSize(FONT_SIZE);
    const lines = cells.map((cell, index) => this.linesFor(cell, this.widths[index]));
    const height = Math.max(...lines) * LINE_HEIGHT + CELL_PADDING * 2;
    if (this.y + height > this.bottom) this.newPage(true);
    const box = contentBox(this.doc);
    if (this.rowIndex % 2 === 1) this.doc.rect(box.x, this.y, box.width, height).fill('#F3F4F6');
    let x = box.x;
    cells.forEach((cell, index) => {
      const width = this.widths[index];
      const muted = cell === NONE || cell === NO_SOURCE || cell === 'not graded';
      const restricted = index === cells.length - 1 && /^H[123]$/.test(cell);
      this.doc
        .font(restricted ? this.fonts.bold : this.fonts.regular)
        .fontSize(FONT_SIZE)
        .fillColor(restricted ? '#B91C1C' : muted ? '#6B7280' : '#111827');
      if (lines[index] === 1) {
        // Fits on one line: drawn without pdfkit's line wrapper, which dominates the cost of big tables.
        this.doc.text(cell, x + CELL_PADDING, this.y + CELL_PADDING, { lineBreak: false });
      } else {
        this.doc.text(cell, x + CELL_PADDING, this.y + CELL_PADDING, { width: width - CELL_PADDING * 2, height: lines[index] * LINE_HEIGHT, ellipsis: true, lineGap: LINE_GAP });
      }
      x += width;
    });
    this.y += height;
    this.rowIndex++;
  }

  /** Lines a cell needs when wrapped, measured only when it is wider than its column. */
  private linesFor(text: string, width: number): number {
    const inner = width - CELL_PADDING * 2;
    if (this.doc.widthOfString(text) <= inner) return 1;
    const height = this.doc.heightOfString(text, { width: inner, lineGap: LINE_GAP });
    return Math.min(MAX_LINES, Math.max(1, Math.round(height / LINE_HEIGHT)));
  }

  private newPage(continued: boolean): void {
    addPage(this.doc, this.size, this.orientation);
    const box = contentBox(this.doc);
    const total = this.columns.reduce((sum, column) => sum + column.weight, 0);
    this.widths = this.columns.map((column) => (column.weight / total) * box.width);
    this.bottom = box.y + box.height;
    this.y = box.y;
    this.doc.font(this.fonts.bold).fontSize(12).fillColor('#111827');
    this.doc.text(continued ? `${this.title} (continued)` : this.title, box.x, this.y, { width: box.width, lineBreak: false });
    this.y += 20;
    const headingHeight = LINE_HEIGHT + CELL_PADDING * 2 + 2;
    this.doc.rect(box.x, this.y, box.width, headingHeight).fill('#1F2937');
    let x = box.x;
    this.doc.font(this.fonts.bold).fontSize(FONT_SIZE + 0.5).fillColor('#FFFFFF');
    this.columns.forEach((column, index) => {
      this.doc.text(column.heading, x + CELL_PADDING, this.y + CELL_PADDING + 1, { width: this.widths[index] - CELL_PADDING * 2, lineBreak: false });
      x += this.widths[index];
    });
    this.y += headingHeight;
  }
}

