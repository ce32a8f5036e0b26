// One court export from the dialog's answers: the backend writes PDF, SVG, GraphML, ANX and JSON with
// the manifest and logs the disclosure; then, if asked, the renderer paints the exported drawing (title,
// marking, legend, withheld markers) at the paper size and resolution, and the backend stores that PNG
// beside the others and adds it to the manifest.
import type { WorkbenchApi } from '../../../contract/api';
import type { ChartDocument } from '../../../contract/chart';
import type { ExportChartResponse, ExportLanguage, ExportedFileInfo, ServerExportFormat } from '../../../contract/export-requests';
import { i18n } from '../i18n';
import { paperPixels, type Orientation, type PaperSize } from './paper';
import { rasteriseDrawing } from './rasterise';

export interface ExportForm {
  title: string;
  caseReference: string;
  author: string;
  organisation: string;
  classification: string;
  comments: string;
  justification: string;
  recipient: string;
  formats: ServerExportFormat[];
  png: boolean;
  pngDpi: number;
  pageSize: PaperSize;
  orientation: Orientation;
  fit: 'fit' | 'split';
  /** A map page in the PDF. */
  mapPage: boolean;
  selectionOnly: boolean;
  restrictedMode: 'omit' | 'stop';
  permissionGiven: boolean;
  permissionBy: string;
  permissionReference: string;
  /** The language of the documents, independent of the interface language. */
  language: ExportLanguage;
}

export interface ExportOutcome {
  response: ExportChartResponse;
  /** Every file written, the PNG included, in the order shown. */
  files: ExportedFileInfo[];
  manifest: ExportedFileInfo;
  notices: string[];
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

export async function runCourtExport(api: WorkbenchApi, chart: ChartDocument, form: ExportForm, selectedIds: readonly string[]): Promise<ExportOutcome> {
  const selection = form.selectionOnly && selectedIds.length > 0 ? [...selectedIds] : undefined;
  const permission = form.permissionGiven ? { by: form.permissionBy.trim(), reference: form.permissionReference.trim() } : undefined;
  // A PNG alone still comes with the chart file (JSON), so the manifest records what the picture shows.
  const formats = form.formats.length > 0 ? form.formats : (['json'] as ServerExportFormat[]);
  const response = await api.exportChart({
    chart,
    formats,
    cover: {
      title: form.title.trim(),
      classification: form.classification.trim(),
      caseReference: optional(form.caseReference),
      author: optional(form.author),
      organisation: optional(form.organisation),
      comments: optional(form.comments),
    },
    disclosure: { mode: form.restrictedMode, ...(permission ? { permissionRecorded: permission } : {}) },
    justification: form.justification.trim(),
    recipient: form.recipient.trim(),
    ...(selection ? { selection } : {}),
    pageSize: form.pageSize,
    orientation: form.orientation,
    fit: form.fit,
    mapPage: form.mapPage,
    ...(form.png ? { pngDpi: form.pngDpi } : {}),
    language: form.language,
  });
  const files = [...response.files];
  const notices: string[] = [];
  let manifest = response.manifest;
  if (form.png) {
    if (response.entityCount > 0 && response.drawing) {
      const { width, height } = paperPixels(form.pageSize, form.orientation, form.pngDpi);
      const base64 = await rasteriseDrawing(response.drawing, width, height);
      const saved = await api.savePngExport({ exportId: response.exportId, base64, dpi: form.pngDpi });
      files.push(saved.file);
      manifest = saved.manifest;
    } else {
      notices.push(i18n.t('courtExport:noPng'));
    }
  }
  return { response, files, manifest, notices };
}
