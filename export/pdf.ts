// The court-ready PDF: cover sheet, the chart (fitted or split over sheets), legend, and an appendix
// of every entity and link with its sources and grading; classification and "page n of m" on every
// page. Fonts are embedded; the only thing that differs between two exports of the same chart with the
// same options is the creation date, and only if a different one is given.
import PDFDocument from 'pdfkit';
import type { ChartDocument } from '../contract/chart';
import { buildChartScene } from './chart-scene';
import { disclosureLines, type DisclosureOutcome } from './disclosure';
import { exportText, type ExportText } from './export-text';
import { pdfFonts } from './fonts';
import { drawAppendix } from './pdf-appendix';
import { drawChartPages, drawLegendPage, type ChartLayout } from './pdf-chart';
import { drawMapPage } from './pdf-map';
import { drawCoverSheet, type CoverFacts, type CoverSheet } from './pdf-cover';
import { addPage, drawRunningHeadersAndFooters, type Orientation, type PaperSize } from './pdf-layout';

export type { ChartLayout, CoverSheet, Orientation, PaperSize };

export interface PdfOptions {
  cover: CoverSheet;
  /** Written as the PDF's creation and modification date. */
  createdAt: Date;
  paperSize?: PaperSize;
  orientation?: Orientation;
  chartLayout?: ChartLayout;
  /** A map page after the legend, when something on the chart has a place. */
  mapPage?: boolean;
  recipient?: string;
  justification?: string;
  /** What was withheld (drawn in place, counted on the cover) or disclosed under permission. */
  disclosure?: Pick<DisclosureOutcome, 'withheld' | 'disclosedUnderPermission' | 'permissionRecorded' | 'restrictedCount' | 'attachedCount' | 'markers'>;
  /** Name of the manifest file that will hold this PDF's hash. */
  manifestName?: string;
  /** Left of every footer; defaults to export time and author. */
  footerNote?: string;
  /** Each case's colour over the whole chart (see buildChartScene). */
  caseColours?: ReadonlyMap<string, string>;
  /** The document's language (default English): every word, the dates and the PDF's /Lang. */
  text?: ExportText;
}

const FONT = { regular: 'Body', bold: 'BodyBold', condensed: 'Table', condensedBold: 'TableBold' } as const;

export async function renderChartPdf(chart: ChartDocument, options: PdfOptions): Promise<Buffer> {
  const fonts = pdfFonts();
  const size = options.paperSize ?? 'A4';
  const orientation = options.orientation ?? 'landscape';
  const createdAt = options.createdAt;
  const text = options.text ?? exportText('en');
  const doc = new PDFDocument({
    size,
    layout: orientation,
    // Starting with a TrueType font keeps pdfkit from loading its built-in Helvetica metrics.
    font: fonts.regular,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: text.language,
    displayTitle: true,
    info: {
      Title: options.cover.title,
      Author: options.cover.author ?? chart.createdBy ?? '',
      Subject: [options.cover.caseReference, options.cover.classification].filter(Boolean).join(' — '),
      Keywords: `Schakel chart ${chart.id}`,
      Creator: 'Schakel',
      Producer: 'Schakel (PDFKit)',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  doc.registerFont(FONT.regular, fonts.regular);
  doc.registerFont(FONT.bold, fonts.bold);
  doc.registerFont(FONT.condensed, fonts.condensed);
  doc.registerFont(FONT.condensedBold, fonts.condensedBold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const bodyFonts = { regular: FONT.regular, bold: FONT.bold };
  const exportTime = text.dateTime(createdAt);
  const cover: CoverSheet = { ...options.cover, date: options.cover.date ?? exportTime };
  const scene = buildChartScene(chart, { text, markers: options.disclosure?.markers, caseColours: options.caseColours });
  const chartOptions = { size, orientation, layout: options.chartLayout ?? 'fit', fonts: bodyFonts, text } as const;

  addPage(doc, size, orientation);
  drawCoverSheet(doc, cover, coverFacts(chart, options, text), bodyFonts, text, () => addPage(doc, size, orientation));
  drawChartPages(doc, scene, chartOptions);
  drawLegendPage(doc, scene.legend, chartOptions);
  if (options.mapPage) drawMapPage(doc, chart, scene, { size, orientation, fonts: bodyFonts, text });
  drawAppendix(doc, chart, { size, fonts: { regular: FONT.condensed, bold: FONT.condensedBold }, text });
  drawRunningHeadersAndFooters(
    doc,
    {
      classification: options.cover.classification,
      title: options.cover.title,
      caseReference: options.cover.caseReference,
      footerNote: options.footerNote ?? `${text.format(text.t.page.footer, { time: exportTime })}${options.cover.author ? ` — ${options.cover.author}` : ''}`,
      pageNumber: (page, pages) => text.format(text.t.page.number, { page, pages }),
    },
    bodyFonts,
  );
  doc.end();
  return finished;
}

function coverFacts(chart: ChartDocument, options: PdfOptions, text: ExportText): CoverFacts {
  const { t, format } = text;
  const countries = [...new Set(chart.entities.map((entity) => entity.country).filter(Boolean))].sort();
  const cases = new Set([...chart.entities, ...chart.links].map((item) => item.caseId).filter(Boolean));
  const withoutSource = [...chart.entities, ...chart.links].filter((item) => !item.sourceId && !('records' in item && item.records?.some((record) => record.sourceId))).length;
  const contents = [
    format(t.cover.counts, { entities: chart.entities.length, links: chart.links.length }),
    cases.size > 0 ? format(t.cover.cases, { count: cases.size }) : undefined,
    countries.length > 0 ? format(t.cover.countries, { list: countries.join(', ') }) : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const disclosure = options.disclosure;
  return {
    recipient: options.recipient,
    justification: options.justification,
    contents: withoutSource > 0 ? `${contents}. ${format(t.cover.withoutSource, { count: withoutSource, none: t.appendix.noneRecorded })}` : `${contents}.`,
    timeWindow: chart.timeWindow ? `${text.dateTime(new Date(chart.timeWindow.from))} – ${text.dateTime(new Date(chart.timeWindow.until))}` : undefined,
    disclosure: disclosure ? disclosureLines(disclosure, text) : [t.disclosure.none],
    verification: format(t.cover.verificationText, { manifest: options.manifestName ?? t.cover.theManifest }),
  };
}
