// The cover sheet: what a judge, prosecutor or defence lawyer reads first. Classification banner,
// title, who made the chart for whom and why, what it contains, what was withheld, how to verify it.
import type { ExportText } from './export-text';
import type { FontNames } from './pdf-layout';
import { contentBox } from './pdf-layout';

export interface CoverSheet {
  title: string;
  caseReference?: string;
  author?: string;
  organisation?: string;
  /** Shown as given; defaults to the export time. */
  date?: string;
  /** Marking on every page, e.g. "VERTROUWELIJK" or "CONFIDENTIEL". */
  classification: string;
  comments?: string;
}

export interface CoverFacts {
  recipient?: string;
  justification?: string;
  contents: string;
  timeWindow?: string;
  disclosure: string[];
  verification: string;
}

/** Draws the cover; `addPage` continues it on a new page when the comments do not fit. */
export function drawCoverSheet(doc: PDFKit.PDFDocument, cover: CoverSheet, facts: CoverFacts, fonts: FontNames, text: ExportText, addPage: () => void): void {
  const labels = text.t.cover;
  let box = contentBox(doc);
  let y = box.y + 10;

  doc.rect(box.x, y, box.width, 44).fill('#B91C1C');
  doc.font(fonts.bold).fontSize(22).fillColor('#FFFFFF');
  doc.text(cover.classification, box.x, y + 11, { width: box.width, align: 'center', lineBreak: false });
  y += 62;

  doc.font(fonts.regular).fontSize(10).fillColor('#4B5563');
  doc.text(labels.heading, box.x, y, { width: box.width, characterSpacing: 1 });
  y += 20;
  doc.font(fonts.bold).fontSize(24).fillColor('#111827');
  const titleHeight = doc.heightOfString(cover.title, { width: box.width });
  doc.text(cover.title, box.x, y, { width: box.width, height: 120, ellipsis: true });
  y += Math.min(titleHeight, 120) + 18;

  const rows: [string, string | undefined][] = [
    [labels.caseReference, cover.caseReference],
    [labels.author, cover.author],
    [labels.organisation, cover.organisation],
    [labels.date, cover.date],
    [labels.classification, cover.classification],
    [labels.language, text.t.language.name],
    [labels.recipient, facts.recipient],
    [labels.justification, facts.justification],
    [labels.contents, facts.contents],
    [labels.timeWindow, facts.timeWindow],
    [labels.disclosure, facts.disclosure.join('\n')],
    [labels.verification, facts.verification],
  ];
  const labelWidth = 120;
  const valueWidth = box.width - labelWidth - 10;
  doc.moveTo(box.x, y - 8).lineTo(box.x + box.width, y - 8).lineWidth(0.75).strokeColor('#9CA3AF').stroke();
  for (const [label, value] of rows) {
    if (!value) continue;
    doc.font(fonts.regular).fontSize(10);
    const height = Math.min(doc.heightOfString(value, { width: valueWidth }), 110);
    if (y + height > box.y + box.height) {
      addPage();
      box = contentBox(doc);
      y = box.y;
    }
    doc.font(fonts.bold).fontSize(10).fillColor('#374151').text(label, box.x, y, { width: labelWidth });
    doc.font(fonts.regular).fontSize(10).fillColor('#111827').text(value, box.x + labelWidth + 10, y, { width: valueWidth, height: 110, ellipsis: true });
    y += height + 6;
  }
  doc.moveTo(box.x, y).lineTo(box.x + box.width, y).lineWidth(0.75).strokeColor('#9CA3AF').stroke();
  y += 16;

  doc.font(fonts.regular).fontSize(10);
  const comments = cover.comments?.trim() || labels.noComments;
  const needed = Math.min(doc.heightOfString(comments, { width: box.width - 16 }), 200) + 40;
  if (box.y + box.height - y < needed) {
    addPage();
    box = contentBox(doc);
    y = box.y;
  }
  const commentsTop = y;
  const commentsHeight = box.y + box.height - commentsTop;
  {
    doc.font(fonts.bold).fontSize(10.5).fillColor('#374151').text(labels.comments, box.x, commentsTop, { width: box.width });
    doc.rect(box.x, commentsTop + 18, box.width, commentsHeight - 18).lineWidth(0.5).strokeColor('#D1D5DB').stroke();
    doc.font(fonts.regular).fontSize(10).fillColor('#111827');
    doc.text(comments, box.x + 8, commentsTop + 26, { width: box.width - 16, height: commentsHeight - 34, ellipsis: true });
  }
}
