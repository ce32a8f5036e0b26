// Page geometry and the running header/footer shared by every page of an exported PDF.
// Brings in @types/pdfkit's global PDFKit namespace.
import type {} from 'pdfkit';

export type PaperSize = 'A4' | 'A3';
export type Orientation = 'portrait' | 'landscape';

/** PDF points (1/72 inch). */
const PAPER: Record<PaperSize, [number, number]> = {
  A4: [595.28, 841.89],
  A3: [841.89, 1190.55],
};

export const PAGE_MARGIN = { top: 62, bottom: 52, left: 40, right: 40 } as const;

export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function pageDimensions(size: PaperSize, orientation: Orientation): { width: number; height: number } {
  const [short, long] = PAPER[size];
  return orientation === 'portrait' ? { width: short, height: long } : { width: long, height: short };
}

/** The area inside the margins of the current page. */
export function contentBox(doc: PDFKit.PDFDocument): PageBox {
  return {
    x: PAGE_MARGIN.left,
    y: PAGE_MARGIN.top,
    width: doc.page.width - PAGE_MARGIN.left - PAGE_MARGIN.right,
    height: doc.page.height - PAGE_MARGIN.top - PAGE_MARGIN.bottom,
  };
}

export function addPage(doc: PDFKit.PDFDocument, size: PaperSize, orientation: Orientation): void {
  doc.addPage({ size, layout: orientation, margins: { ...PAGE_MARGIN } });
}

export interface RunningText {
  classification: string;
  title: string;
  caseReference?: string;
  /** Left of the footer, e.g. "Schakel export 15/03/2024 10:30 (UTC+01:00) — A. de Vries". */
  footerNote: string;
  /** "Page 3 of 12" in the document's language. */
  pageNumber: (page: number, pages: number) => string;
}

export interface FontNames {
  regular: string;
  bold: string;
}

/**
 * Draws header and footer on every buffered page once the page count is known ("page n of m").
 * The bottom margin is lifted while drawing because pdfkit starts a new page for text below it.
 */
export function drawRunningHeadersAndFooters(doc: PDFKit.PDFDocument, text: RunningText, fonts: FontNames): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let index = range.start; index < range.start + total; index++) {
    doc.switchToPage(index);
    const { width, height } = doc.page;
    const savedMargins = { ...doc.page.margins };
    doc.page.margins = { top: 0, bottom: 0, left: 0, right: 0 };
    const inner = width - PAGE_MARGIN.left - PAGE_MARGIN.right;

    doc.font(fonts.bold).fontSize(10).fillColor('#B91C1C');
    doc.text(text.classification, PAGE_MARGIN.left, 20, { width: inner, align: 'center', lineBreak: false });
    doc.font(fonts.regular).fontSize(8).fillColor('#374151');
    doc.text(truncate(text.title, 70), PAGE_MARGIN.left, 36, { width: inner / 2, align: 'left', lineBreak: false });
    if (text.caseReference) {
      doc.text(truncate(text.caseReference, 60), PAGE_MARGIN.left + inner / 2, 36, { width: inner / 2, align: 'right', lineBreak: false });
    }
    doc.moveTo(PAGE_MARGIN.left, 50).lineTo(width - PAGE_MARGIN.right, 50).lineWidth(0.5).strokeColor('#9CA3AF').stroke();

    const footerLine = height - 40;
    doc.moveTo(PAGE_MARGIN.left, footerLine).lineTo(width - PAGE_MARGIN.right, footerLine).lineWidth(0.5).strokeColor('#9CA3AF').stroke();
    doc.font(fonts.regular).fontSize(7).fillColor('#374151');
    doc.text(fitText(doc, text.footerNote, inner * 0.38), PAGE_MARGIN.left, footerLine + 7, { lineBreak: false });
    doc.font(fonts.regular).fontSize(8.5).fillColor('#111827');
    doc.text(text.pageNumber(index - range.start + 1, total), PAGE_MARGIN.left + inner * 0.7, footerLine + 6, { width: inner * 0.3, align: 'right', lineBreak: false });
    doc.font(fonts.bold).fontSize(9).fillColor('#B91C1C');
    doc.text(text.classification, PAGE_MARGIN.left + inner * 0.38, footerLine + 6, { width: inner * 0.24, align: 'center', lineBreak: false });
    doc.page.margins = savedMargins;
  }
}

/** Shortens text with an ellipsis until it fits the width in the current font and size. */
export function fitText(doc: PDFKit.PDFDocument, text: string, width: number): string {
  if (doc.widthOfString(text) <= width) return text;
  let characters = Array.from(text);
  while (characters.length > 1 && doc.widthOfString(`${characters.join('')}…`) > width) {
    characters = characters.slice(0, Math.max(1, Math.floor(characters.length * 0.9)));
  }
  return `${characters.join('')}…`;
}

export function truncate(text: string, maxCharacters: number): string {
  const characters = Array.from(text);
  return characters.length > maxCharacters ? `${characters.slice(0, maxCharacters - 1).join('')}…` : text;
}
