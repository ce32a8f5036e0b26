// The export engine's public API: export a chart to any set of formats with disclosure rules and a
// manifest, and import a chart file. Pure Node (no Electron, no database); the backend and the
// browser-mode server call these so both produce the same documents.
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chartDocumentSchema, type ChartDocument } from '../contract/chart';
import { caseColours } from '../shared-values/chart-style';
import { readAnx, writeAnx } from './anx';
import type { ImportedChart } from './chart-import';
import { applyDisclosureRules, type DisclosureOptions, type DisclosureOutcome, type RestrictedItem } from './disclosure';
import { ExportError } from './errors';
import { exportText, type ExportLanguage, type ExportText } from './export-text';
import { readGraphml, writeGraphml } from './graphml';
import { readChartJson, writeChartJson } from './json';
import { EXPORT_FORMATS, buildManifest, manifestFileName, sha256Hex, type ExportFormat } from './manifest';
import { renderChartPdf, type ChartLayout, type CoverSheet, type Orientation, type PaperSize } from './pdf';
import { selectExportedElements } from './selection';
import { renderChartSvg } from './svg';
import { MAX_IMPORT_BYTES } from './xml-read';

export { ExportError, isExportError } from './errors';
export type { ExportErrorCode } from './errors';
export type { CoverSheet, ChartLayout, Orientation, PaperSize } from './pdf';
export type { DisclosureOptions, PermissionRecord, RestrictedItem, DisclosureOutcome } from './disclosure';
export type { ExportFormat, ExportManifest } from './manifest';
export type { ImportedChart } from './chart-import';
export { EXPORT_FORMATS } from './manifest';
export { verifyExport, readManifest, type VerificationReport, type FileCheck } from './verify';
export { renderChartSvg } from './svg';
export { renderChartPdf } from './pdf';
export { writeGraphml, readGraphml } from './graphml';
export { writeAnx, readAnx } from './anx';
export { writeChartJson, readChartJson } from './json';
export { applyDisclosureRules } from './disclosure';
export { EXPORT_LANGUAGES, exportLanguageChoices, exportText, isExportLanguage, type ExportLanguage } from './export-text';

export interface ExportChartOptions {
  formats: ExportFormat[];
  outDir: string;
  /** File names are `<baseName>.<ext>` and `<baseName>.manifest.json`. Letters, digits, . _ - only. */
  baseName: string;
  cover: CoverSheet;
  disclosure: DisclosureOptions;
  user: string;
  justification: string;
  recipient: string;
  now: Date;
  pdf?: { paperSize?: PaperSize; orientation?: Orientation; chartLayout?: ChartLayout; mapPage?: boolean };
  /** Export only these entity/link ids (the user's selection). */
  selection?: string[];
  includeHidden?: boolean;
  /** The queries that built the chart and the data versions behind it, recorded in the manifest. */
  queries?: unknown[];
  dataVersions?: Record<string, string>;
  applicationVersion?: string;
  /** Replace files of an earlier export with the same name (off by default: exports are evidence). */
  overwrite?: boolean;
  /** The language of every word in the documents (default English); dates in Europe/Brussels time. */
  language?: ExportLanguage;
  /** Also return the SVG drawing (for the renderer to rasterise the PNG), whether or not SVG is a format. */
  drawing?: boolean;
}

export interface ExportedFile {
  path: string;
  format: ExportFormat;
  sha256: string;
}

export interface ExportChartResult {
  files: ExportedFile[];
  manifestPath: string;
  withheld: RestrictedItem[];
  disclosedUnderPermission: RestrictedItem[];
  /** The SVG drawing, when asked for with `drawing`. */
  drawing?: string;
  /** What the backend writes to the audit log (LED art. 25: disclosure, justification, recipient). */
  auditEntry: {
    action: 'export';
    at: string;
    user: string;
    justification: string;
    recipient: string;
    chartId: string;
    formats: ExportFormat[];
    files: { name: string; sha256: string }[];
    manifest: string;
    entityCount: number;
    linkCount: number;
    withheldIds: string[];
    permissionRecorded?: { by: string; reference: string };
  };
}

const EXTENSIONS: Record<ExportFormat, string> = { pdf: 'pdf', svg: 'svg', graphml: 'graphml', anx: 'anx', json: 'schakel.json' };

export async function exportChart(input: ChartDocument, options: ExportChartOptions): Promise<ExportChartResult> {
  validateOptions(options);
  const parsed = chartDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportError('INVALID_CHART', `The chart cannot be exported: ${issue?.path.join('.') || 'chart'}: ${issue?.message ?? 'invalid'}.`, 'Save the chart again and retry; if it persists, report it.');
  }
  // Cases are coloured over the whole chart, as on screen, before a selection or withheld items narrow it.
  const cases = caseColours(parsed.data.entities.map((entity) => entity.caseId));
  const selected = selectExportedElements(parsed.data, options);
  const disclosure = applyDisclosureRules(selected, options.disclosure);
  const chart = disclosure.chart;
  const text = exportText(options.language ?? 'en');
  const formats = [...new Set(options.formats)].sort((a, b) => EXPORT_FORMATS.indexOf(a) - EXPORT_FORMATS.indexOf(b));
  const manifestName = manifestFileName(options.baseName);

  await mkdir(options.outDir, { recursive: true });
  const targets = [...formats.map((format) => `${options.baseName}.${EXTENSIONS[format]}`), manifestName];
  if (!options.overwrite) await refuseExisting(options.outDir, targets);

  const files: ExportedFile[] = [];
  const manifestFiles = [];
  for (const format of formats) {
    const content = await renderFormat(format, disclosure, options, text, manifestName, cases);
    const name = `${options.baseName}.${EXTENSIONS[format]}`;
    const path = join(options.outDir, name);
    await writeFileAtomically(path, content);
    const sha256 = sha256Hex(content);
    files.push({ path, format, sha256 });
    manifestFiles.push({ name, format, bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength, sha256 });
  }
  const manifest = buildManifest({
    createdAt: options.now,
    applicationVersion: options.applicationVersion,
    user: options.user,
    justification: options.justification,
    recipient: options.recipient,
    files: manifestFiles,
    chart,
    selection: options.selection,
    queries: options.queries,
    dataVersions: options.dataVersions,
    disclosure,
    cover: { ...options.cover },
    text,
  });
  const manifestPath = join(options.outDir, manifestName);
  await writeFileAtomically(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    files,
    manifestPath,
    withheld: disclosure.withheld,
    disclosedUnderPermission: disclosure.disclosedUnderPermission,
    ...(options.drawing ? { drawing: svgOf(disclosure, options, text, cases) } : {}),
    auditEntry: {
      action: 'export',
      at: options.now.toISOString(),
      user: options.user,
      justification: options.justification,
      recipient: options.recipient,
      chartId: chart.id,
      formats,
      files: manifestFiles.map((file) => ({ name: file.name, sha256: file.sha256 })),
      manifest: manifestName,
      entityCount: chart.entities.length,
      linkCount: chart.links.length,
      withheldIds: disclosure.withheld.map((item) => item.id),
      ...(disclosure.permissionRecorded ? { permissionRecorded: disclosure.permissionRecorded } : {}),
    },
  };
}

function svgOf(disclosure: DisclosureOutcome, options: ExportChartOptions, text: ExportText, cases: ReadonlyMap<string, string>): string {
  return renderChartSvg(disclosure.chart, { classification: options.cover.classification, title: options.cover.title, text, markers: disclosure.markers, caseColours: cases });
}

async function renderFormat(format: ExportFormat, disclosure: DisclosureOutcome, options: ExportChartOptions, text: ExportText, manifestName: string, cases: ReadonlyMap<string, string>): Promise<string | Buffer> {
  const chart = disclosure.chart;
  switch (format) {
    case 'json':
      return writeChartJson(chart);
    case 'graphml':
      return writeGraphml(withSubtitlesIn(chart, text), disclosure.markers);
    case 'anx':
      return writeAnx(withSubtitlesIn(chart, text), disclosure.markers);
    case 'svg':
      return svgOf(disclosure, options, text, cases);
    case 'pdf':
      return renderChartPdf(chart, {
        cover: options.cover,
        createdAt: options.now,
        paperSize: options.pdf?.paperSize,
        orientation: options.pdf?.orientation,
        chartLayout: options.pdf?.chartLayout,
        mapPage: options.pdf?.mapPage,
        recipient: options.recipient,
        justification: options.justification,
        disclosure,
        manifestName,
        caseColours: cases,
        text,
      });
  }
}

/**
 * GraphML and ANX carry each entity's second line as a field another tool shows beside the label, so it is
 * written in the document's language like every other word of the export. The Schakel chart file keeps the
 * chart as it is: it is the chart, not a document about it.
 */
function withSubtitlesIn(chart: ChartDocument, text: ExportText): ChartDocument {
  return { ...chart, entities: chart.entities.map((entity) => ({ ...entity, subtitle: text.subtitle(entity) })) };
}

function validateOptions(options: ExportChartOptions): void {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/.test(options.baseName) || options.baseName.includes('..')) {
    problems.push('the file name may hold only letters, digits, dots, dashes and underscores');
  }
  if (options.formats.length === 0) problems.push('choose at least one format');
  for (const format of options.formats) if (!EXPORT_FORMATS.includes(format)) problems.push(`"${format}" is not an export format`);
  if (!options.user?.trim()) problems.push('the user exporting must be named');
  if (!options.justification?.trim()) problems.push('a justification is required for every disclosure');
  if (!options.recipient?.trim()) problems.push('the recipient is required for every disclosure');
  if (!options.cover?.title?.trim()) problems.push('the cover sheet needs a title');
  if (!options.cover?.classification?.trim()) problems.push('the cover sheet needs a classification marking');
  if (!(options.now instanceof Date) || Number.isNaN(options.now.getTime())) problems.push('the export time is not a valid date');
  if (problems.length > 0) {
    throw new ExportError('INVALID_OPTIONS', `The export cannot start: ${problems.join('; ')}.`, 'Complete the export form and try again.');
  }
}

async function refuseExisting(folder: string, names: string[]): Promise<void> {
  for (const name of names) {
    const exists = await stat(join(folder, name)).then(
      () => true,
      () => false,
    );
    if (exists) {
      throw new ExportError('FILE_EXISTS', `${name} already exists in ${folder}; an earlier export is never overwritten.`, 'Choose another file name or folder.');
    }
  }
}

/** Written beside the target and renamed, so a crash never leaves a half-written file under the real name. */
async function writeFileAtomically(path: string, content: string | Buffer): Promise<void> {
  const temporary = `${path}.partial`;
  await writeFile(temporary, content);
  await rename(temporary, path);
}

export type ImportFormat = 'graphml' | 'anx' | 'json';

/** Reads a chart file (path or bytes) into a validated chart, with notices about anything mapped or left out. */
export async function importChartFile(source: string | Uint8Array, format: ImportFormat): Promise<ImportedChart> {
  const content = typeof source === 'string' ? await readImportFile(source) : source;
  switch (format) {
    case 'graphml':
      return readGraphml(content);
    case 'anx':
      return readAnx(content);
    case 'json':
      return readChartJson(content);
    default:
      throw new ExportError('INVALID_OPTIONS', `"${String(format)}" files cannot be imported.`, 'Import GraphML, i2 ANX or a Schakel chart (.json).');
  }
}

async function readImportFile(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new ExportError('FILE_UNREADABLE', `The file ${path} cannot be opened.`, 'Check that it exists and that you may read it.');
  }
  if (size > MAX_IMPORT_BYTES) {
    throw new ExportError('FILE_TOO_LARGE', `The file is ${(size / (1024 * 1024)).toFixed(1)} MB; Schakel imports files up to ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`, 'Split the chart into smaller files.');
  }
  try {
    return await readFile(path);
  } catch {
    throw new ExportError('FILE_UNREADABLE', `The file ${path} cannot be read.`, 'Check that you may read it and that it is not in use.');
  }
}
