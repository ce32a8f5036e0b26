// Reads PDFs back in tests with pdf.js (pdfjs-dist), so no system tools (poppler) are needed: text laid out
// in lines like `pdftotext -layout` (pages separated by form feeds), page count, fonts and whether they are
// embedded, and pages rendered to PNG (through @napi-rs/canvas, which pdf.js uses in Node).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { getDocument, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
/** Fonts pdf.js substitutes for the 14 standard fonts; only needed when a PDF uses one without embedding it. */
const STANDARD_FONTS = `${path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts')}/`;

async function openPdf(file: string): Promise<PDFDocumentProxy> {
  const data = new Uint8Array(fs.readFileSync(file));
  return getDocument({ data, standardFontDataUrl: STANDARD_FONTS, isEvalSupported: false, verbosity: 0 }).promise;
}

async function withPdf<T>(file: string, use: (pdf: PDFDocumentProxy) => Promise<T>): Promise<T> {
  const pdf = await openPdf(file);
  try {
    return await use(pdf);
  } finally {
    await pdf.destroy();
  }
}

export async function pdfPageCount(file: string): Promise<number> {
  return withPdf(file, async (pdf) => pdf.numPages);
}

interface PositionedText {
  text: string;
  x: number;
  y: number;
  width: number;
}

/** One page's text as lines, top to bottom, pieces on a line left to right and separated by spaces. */
async function pageText(pdf: PDFDocumentProxy, pageNumber: number): Promise<string> {
  const page = await pdf.getPage(pageNumber);
  const content = await page.getTextContent();
  const pieces: PositionedText[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    pieces.push({ text: item.str, x: item.transform[4], y: item.transform[5], width: item.width });
  }
  // Pieces whose baselines are within 2 points belong to one line.
  const lines: PositionedText[][] = [];
  for (const piece of pieces.sort((a, b) => b.y - a.y || a.x - b.x)) {
    const line = lines.find((candidate) => Math.abs(candidate[0].y - piece.y) < 2);
    if (line) line.push(piece);
    else lines.push([piece]);
  }
  return lines
    .map((line) => {
      line.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const piece of line) {
        if (text !== '' && piece.x - end > 0.5) text += ' ';
        text += piece.text;
        end = piece.x + piece.width;
      }
      return text;
    })
    .join('\n');
}

/** The text of one page (1-based) or of all pages joined by form feeds, as `pdftotext` separates them. */
export async function pdfText(file: string, page?: number): Promise<string> {
  return withPdf(file, async (pdf) => {
    if (page !== undefined) return pageText(pdf, page);
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) pages.push(await pageText(pdf, n));
    return pages.join('\f');
  });
}

export interface PdfFont {
  name: string;
  embedded: boolean;
}

/** Every font the pages use (by PostScript name) and whether its program is embedded in the file. */
export async function pdfFonts(file: string): Promise<PdfFont[]> {
  return withPdf(file, async (pdf) => {
    const fonts = new Map<string, PdfFont>();
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const operators = await page.getOperatorList();
      for (let i = 0; i < operators.fnArray.length; i++) {
        const args = operators.argsArray[i] as unknown[] | null;
        if (!args || typeof args[0] !== 'string' || !page.commonObjs.has(args[0])) continue;
        const font = page.commonObjs.get(args[0]) as { name?: string; missingFile?: boolean; loadedName?: string } | null;
        if (font?.loadedName !== args[0] || !font.name) continue;
        fonts.set(font.name, { name: font.name, embedded: font.missingFile !== true });
      }
    }
    return [...fonts.values()];
  });
}

/** Renders every page to `<prefix>-<n>.png` at `dpi` and returns the files written. */
export async function renderPdfPages(file: string, prefix: string, dpi = 40): Promise<string[]> {
  return withPdf(file, async (pdf) => {
    const written: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const viewport = page.getViewport({ scale: dpi / 72 });
      // In Node, pdf.js's canvas factory makes @napi-rs/canvas canvases (typed loosely by pdf.js).
      const factory = pdf.canvasFactory as { create(width: number, height: number): { canvas: { toBuffer(type: 'image/png'): Buffer }; context: unknown } };
      const canvasAndContext = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
      await page.render({ canvas: canvasAndContext.canvas as never, canvasContext: canvasAndContext.context as never, viewport }).promise;
      const out = `${prefix}-${n}.png`;
      fs.writeFileSync(out, canvasAndContext.canvas.toBuffer('image/png'));
      written.push(out);
    }
    return written;
  });
}
