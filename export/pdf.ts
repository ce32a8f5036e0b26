// The court-ready PDF: cover sheet, the chart (fitted or split over sheets), legend, and an appendix
// of every entity and link with its sources and grading; classification and "page n of m" on every
// page. Fonts are embedded; the only thing that differs between two exports of the same chart with the
// same options is the creation date, and only if a different one is given.
import PDFDocument from 'pdfkit';
import type { ChartDocument } from '../contract/chart';
import { buildChartScene } from './chart-scene';
import { pdfFonts } from './fonts';
import { drawAppendix } from './pdf-appendix';
import { drawChartPages, drawLegendPage, type ChartLayout } from './pdf-chart';
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
  recipient?: string;
  justification?: string;
  /** Lines for the cover's "Disclosure" row: what was withheld or what permission was recorded. */
  disclosure?: string[];
  /** Name of the manifest file that will hold this PDF's hash. */
  manifestName?: string;
  /** Left of every footer; defaults to export time and author. */
  footerNote?: string;
  /** Each case's colour over the whole chart (see buildChartScene). */
  caseColours?: ReadonlyMap<string, string>;
}

const FONT = { regular: 'Body', bold: 'BodyBold', condensed: 'Table', condensedBold: 'TableBold' } as const;

export async function renderChartPdf(chart: ChartDocument, options: PdfOptions): Promise<Buffer> {
  const fonts = pdfFonts();
  const size = options.paperSize ?? 'A4';
  const orientation = options.orientation ?? 'landscape';
  const createdAt = options.createdAt;
  const doc = new PDFDocument({
    size,
    layout: orientation,
    // Starting with a TrueType font keeps pdfkit from loading its built-in Helvetica metrics.
    font: fonts.regular,
    autoFirstPage: false,
    bufferPages: true,
    compress: true,
    pdfVersion: '1.7',
    lang: 'nl-BE',
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
  const exportTime = formatTimestamp(createdAt);
  const cover: CoverSheet = { ...options.cover, date: options.cover.date ?? exportTime };
  const scene = buildChartScene(chart, { caseColours: options.caseColours });

  addPage(doc, size, orientation);
  drawCoverSheet(doc, cover, coverFacts(chart, options), bodyFonts, () => addPage(doc, size, orientation));
  drawChartPages(doc, scene, { size, orientation, layout: options.chartLayout ?? 'fit', fonts: bodyFonts });
  drawLegendPage(doc, scene.legend, { size, orientation, layout: options.chartLayout ?? 'fit', fonts: bodyFonts });
  drawAppendix(doc, chart, { size, fonts: { regular: FONT.condensed, bold: FONT.condensedBold } });
  drawRunningHeadersAndFooters(
    doc,
    {
      classification: options.cover.classification,
      title: options.cover.title,
      caseReference: options.cover.caseReference,
      footerNote: options.footerNote ?? `Schakel export ${exportTime}${options.cover.author ? ` — ${options.cover.author}` : ''}`,
    },
    bodyFonts,
  );
  doc.end();
  return finished;
}

function coverFacts(chart: ChartDocument, options: PdfOptions): CoverFacts {
  const countries = [...new Set(chart.entities.map((entity) => entity.country).filter(Boolean))].sort();
  const cases = new Set([...chart.entities, ...chart.links].map((item) => item.caseId).filter(Boolean));
  const withoutSource = [...chart.entities, ...chart.links].filter((item) => !item.sourceId).length;
  const contents = [
    `${chart.entities.length} entities and ${chart.links.length} links`,
    cases.size > 0 ? `from ${cases.size} case(s)` : undefined,
    countries.length > 0 ? `countries: ${countries.join(', ')}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  return {
    recipient: options.recipient,
    justification: options.justification,
    contents: withoutSource > 0 ? `${contents}. ${withoutSource} item(s) have no source record (marked "none recorded" in the appendix).` : `${contents}.`,
    timeWindow: chart.timeWindow ? `${formatTimestamp(new Date(chart.timeWindow.from))} – ${formatTimestamp(new Date(chart.timeWindow.until))}` : undefined,
    disclosure: options.disclosure && options.disclosure.length > 0 ? options.disclosure : ['No items were withheld.'],
    verification: `The SHA-256 hash of this file and of every other file of this export is recorded in ${options.manifestName ?? 'the export manifest'}; "npm run verify-export -- <manifest>" checks them.`,
  };
}

export function formatTimestamp(date: Date): string {
  if (Number.isNaN(date.getTime())) return 'unknown date';
  const iso = date.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

