// Fonts embedded in exported PDFs. DejaVu covers Latin with every diacritic our users meet, Arabic
// and Cyrillic; it ships in the pinned npm package `dejavu-fonts-ttf`, so a fresh clone on any OS
// produces the same document without relying on system fonts.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { ExportError } from './errors';

export interface PdfFonts {
  regular: string;
  bold: string;
  /** Narrower face for dense appendix tables. */
  condensed: string;
  condensedBold: string;
}

const FONT_FILES: Record<keyof PdfFonts, string> = {
  regular: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  condensedBold: 'DejaVuSansCondensed-Bold.ttf',
};

let cached: PdfFonts | undefined;

export function pdfFonts(): PdfFonts {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const resolved = {} as PdfFonts;
  for (const [face, file] of Object.entries(FONT_FILES) as [keyof PdfFonts, string][]) {
    let path: string | undefined;
    try {
      path = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    } catch {
      path = undefined;
    }
    if (!path || !existsSync(path)) {
      throw new ExportError(
        'INVALID_OPTIONS',
        `The font ${file} needed for PDF export is missing.`,
        'Run "npm install" in the Schakel folder to restore the bundled fonts (package dejavu-fonts-ttf).',
      );
    }
    resolved[face] = path;
  }
  cached = resolved;
  return resolved;
}
