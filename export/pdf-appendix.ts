// The appendix: one row per entity and per link with where it came from and how reliable it is. It
// must stay readable at 10,000 elements, so rows wrap (up to a few lines) instead of shrinking, and the
// column headings repeat on every page.
import type { ChartDocument, ChartEntity, ChartLink } from '../contract/chart';
import type { ExportText } from './export-text';
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

type ColumnKey = keyof ExportText['t']['column'];
const COMMON_TAIL: [ColumnKey, number][] = [
  ['sourceRecord', 80],
  ['case', 86],
  ['country', 26],
  ['agency', 100],
  ['dates', 86],
  ['grade', 32],
  ['handling', 40],
];
const ENTITY_COLUMNS: [ColumnKey, number][] = [['number', 28], ['id', 80], ['type', 44], ['label', 150], ...COMMON_TAIL];
const LINK_COLUMNS: [ColumnKey, number][] = [['number', 28], ['id', 80], ['type', 54], ['fromTo', 140], ...COMMON_TAIL];

export interface AppendixOptions {
  size: PaperSize;
  fonts: AppendixFonts;
  text: ExportText;
}

/** A provenance record: the item itself, or each record a merged (collapsed) entity stands for. */
type Provenance = Pick<ChartEntity, 'sourceId' | 'caseId' | 'country' | 'agency' | 'sourceReliability' | 'informationReliability' | 'handling'>;

/** Adds the appendix pages (always landscape: the table needs the width). */
export function drawAppendix(doc: PDFKit.PDFDocument, chart: ChartDocument, options: AppendixOptions): void {
  const { text } = options;
  const { t, format } = text;
  const entities = [...chart.entities].sort((a, b) => compareText(a.id, b.id));
  const links = [...chart.links].sort((a, b) => compareText(a.id, b.id));
  const labels = new Map(entities.map((entity) => [entity.id, entity.label]));
  const orientation: Orientation = 'landscape';
  const columns = (spec: [ColumnKey, number][]): Column[] => spec.map(([key, weight]) => ({ heading: t.column[key], weight }));
  const muted = new Set([NONE, t.appendix.noneRecorded, t.appendix.notGraded]);
  const table = new TableWriter(doc, options.size, orientation, options.fonts, muted, (title) => format(t.appendix.continued, { title }));
  table.start(format(t.appendix.entities, { count: entities.length }), columns(ENTITY_COLUMNS));
  if (entities.length === 0) table.note(t.appendix.noEntities);
  entities.forEach((entity, index) => table.row(entityRow(entity, index + 1, text)));
  table.start(format(t.appendix.links, { count: links.length }), columns(LINK_COLUMNS));
  if (links.length === 0) table.note(t.appendix.noLinks);
  links.forEach((link, index) => table.row(linkRow(link, index + 1, labels, text)));
}

/** The item's own provenance, or the union of its records' when it is a merged entity. */
function provenanceOf(item: ChartEntity | ChartLink): Provenance[] {
  return 'records' in item && item.records && item.records.length > 0 ? item.records : [item];
}

/** Distinct values in record order, joined; "—" (or `empty`) when no record has one. */
function union(values: (string | undefined)[], empty = NONE): string {
  const distinct = [...new Set(values.filter((value): value is string => Boolean(value)))];
  return distinct.length > 0 ? distinct.join(', ') : empty;
}

function grade(records: Provenance[], text: ExportText): string {
  return union(
    records.map((record) => (!record.sourceReliability && !record.informationReliability ? undefined : `${record.sourceReliability ?? '?'}${record.informationReliability ?? '?'}`)),
    text.t.appendix.notGraded,
  );
}

function entityDates(entity: ChartEntity, text: ExportText): string {
  const { t, format } = text;
  const parts: string[] = [];
  const { dateOfBirth, recordedAt, opened, at } = entity.properties;
  if (typeof at === 'string') parts.push(text.instant(at));
  if (typeof dateOfBirth === 'string') parts.push(format(t.appendix.born, { date: text.instant(dateOfBirth) }));
  if (typeof opened === 'string') parts.push(format(t.appendix.opened, { date: text.instant(opened) }));
  if (typeof recordedAt === 'string') parts.push(format(t.appendix.recorded, { date: text.instant(recordedAt) }));
  return parts.length > 0 ? parts.join('; ') : NONE;
}

function linkDates(link: ChartLink, text: ExportText): string {
  if (link.at) return text.instant(link.at);
  if (link.from || link.until) return `${link.from ? text.instant(link.from) : '…'} – ${link.until ? text.instant(link.until) : '…'}`;
  return NONE;
}

function provenanceCells(item: ChartEntity | ChartLink, text: ExportText): string[] {
  const records = provenanceOf(item);
  return [
    union(records.map((record) => record.sourceId), text.t.appendix.noneRecorded),
    union(records.map((record) => record.caseId)),
    union(records.map((record) => record.country)),
    union(records.map((record) => record.agency)),
  ];
}

function entityRow(entity: ChartEntity, number: number, text: ExportText): string[] {
  const records = provenanceOf(entity);
  const subtitle = text.subtitle(entity);
  const label = subtitle ? `${entity.label} (${subtitle})` : entity.label;
  const merged = entity.records && entity.records.length > 0 ? ` — ${text.format(text.t.appendix.mergedRecords, { count: entity.records.length })}: ${entity.records.map((record) => record.id).join(', ')}` : '';
  return [
    String(number),
    entity.id,
    text.entityType(entity.type),
    `${label}${merged}`,
    ...provenanceCells(entity, text),
    entityDates(entity, text),
    grade(records, text),
    union(records.map((record) => record.handling)),
  ];
}

function linkRow(link: ChartLink, number: number, labels: Map<string, string>, text: ExportText): string[] {
  const end = (id: string) => `${labels.get(id) ?? id} [${id}]`;
  const type = text.linkType(link.type);
  return [
    String(number),
    link.id,
    link.count !== undefined ? `${type} (${link.count}×)` : type,
    `${end(link.source)} → ${end(link.target)}`,
    ...provenanceCells(link, text),
    linkDates(link, text),
    grade([link], text),
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
    private readonly muted: ReadonlySet<string>,
    private readonly continued: (title: string) => string,
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
      const muted = this.muted.has(cell);
      const restricted = index === cells.length - 1 && /\bH[123]\b/.test(cell);
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
    this.doc.text(continued ? this.continued(this.title) : this.title, box.x, this.y, { width: box.width, lineBreak: false });
    this.y += 20;
    // Headings may take two lines (French and German words are longer); the row grows to fit them.
    this.doc.font(this.fonts.bold).fontSize(FONT_SIZE + 0.5);
    const headingLines = Math.max(1, ...this.columns.map((column, index) => Math.min(2, this.linesFor(column.heading, this.widths[index]))));
    const headingHeight = headingLines * LINE_HEIGHT + CELL_PADDING * 2 + 2;
    this.doc.rect(box.x, this.y, box.width, headingHeight).fill('#1F2937');
    let x = box.x;
    this.doc.font(this.fonts.bold).fontSize(FONT_SIZE + 0.5).fillColor('#FFFFFF');
    this.columns.forEach((column, index) => {
      this.doc.text(column.heading, x + CELL_PADDING, this.y + CELL_PADDING + 1, { width: this.widths[index] - CELL_PADDING * 2, height: headingLines * LINE_HEIGHT, ellipsis: true, lineGap: LINE_GAP });
      x += this.widths[index];
    });
    this.y += headingHeight;
  }
}

