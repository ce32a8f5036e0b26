// The export and chart-import operations of the contract: request schemas and response types.
// Kept apart from api.ts so the court-export wiring is a few lines there. No Node or DOM imports: the
// renderer takes the types from here.
import { z } from 'zod';
import { EXPORT_LANGUAGES, type ExportLanguage } from '../shared-values/languages';
import { chartDocumentSchema, type ChartDocument } from './chart';
import { fileName, freeText, identifier, wellFormedJson } from './text';

/** The formats the backend engine writes; PNG is rasterised in the renderer and stored with savePngExport. */
export const SERVER_EXPORT_FORMATS = ['pdf', 'svg', 'graphml', 'anx', 'json'] as const;
export type ServerExportFormat = (typeof SERVER_EXPORT_FORMATS)[number];
export type ExportFileFormat = ServerExportFormat | 'png';

export { EXPORT_LANGUAGES, type ExportLanguage };

/** Folder names the backend creates: `<UTC timestamp>-<slug>`; nothing else is accepted as an export id. */
export const EXPORT_ID_PATTERN = /^\d{8}T\d{6}(\d{3})?Z-[a-z0-9-]{1,60}$/;

/** Largest PNG accepted (base64 of A3 at 300 dpi with a busy chart stays well below this). */
export const MAX_PNG_BASE64_CHARS = 80 * 1024 * 1024;
/** Chart files up to the engine's 50 MB import limit, base64-encoded. */
export const MAX_IMPORT_BASE64_CHARS = Math.ceil((50 * 1024 * 1024 * 4) / 3) + 4;

const shortText = (max: number, multiline = false) => freeText({ max, multiline });
const requiredText = (max: number, multiline = false) => freeText({ min: 1, max, multiline });
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const exportRequestSchemas = {
  /** What the export dialog prefills: the user's name and where exports are written. */
  getExportDefaults: z.object({}).strict(),
  exportChart: z
    .object({
      chart: chartDocumentSchema,
      formats: z.array(z.enum(SERVER_EXPORT_FORMATS)).min(1).max(SERVER_EXPORT_FORMATS.length),
      cover: z
        .object({
          title: requiredText(300),
          caseReference: shortText(200).optional(),
          author: shortText(200).optional(),
          organisation: shortText(200).optional(),
          classification: requiredText(100),
          comments: shortText(5_000, true).optional(),
        })
        .strict(),
      disclosure: z
        .object({
          mode: z.enum(['omit', 'stop']).default('stop'),
          permissionRecorded: z.object({ by: requiredText(200), reference: requiredText(200) }).strict().optional(),
        })
        .strict(),
      justification: requiredText(2_000, true),
      recipient: requiredText(300),
      /** Ids of the selected entities and links; absent means the whole chart. */
      selection: z.array(identifier(300)).max(300_000).optional(),
      pageSize: z.enum(['A4', 'A3']).default('A4'),
      orientation: z.enum(['portrait', 'landscape']).default('landscape'),
      fit: z.enum(['fit', 'split']).default('fit'),
      /** A map page in the PDF: the placed entities on the country borders, with scale bar and north arrow. */
      mapPage: z.boolean().default(false),
      /** Included in the file names; the folder is always new. */
      name: shortText(120).optional(),
      /** The searches and expansions that built the chart, for the manifest. */
      queries: z.array(wellFormedJson()).max(1_000).optional(),
      /** PNG will follow through savePngExport: recorded in the audit entry of the export. */
      pngDpi: z.number().int().min(72).max(300).optional(),
      /** The language of every word in the exported documents (not of the interface). */
      language: z.enum(EXPORT_LANGUAGES).default('en'),
    })
    .strict(),
  /** Stores the PNG the renderer rasterised beside an export and adds it to that export's manifest. */
  savePngExport: z
    .object({
      exportId: z.string().regex(EXPORT_ID_PATTERN, 'not an export of this workbench'),
      base64: z.string().min(1).max(MAX_PNG_BASE64_CHARS).regex(base64, 'not base64'),
      dpi: z.number().int().min(72).max(300),
    })
    .strict(),
  /** One file of an export, for the browser to download. `path` is `<exportId>/<file name>`. */
  readExportFile: z.object({ path: freeText({ min: 1, max: 400 }) }).strict(),
  /** Recomputes the SHA-256 of every file of an export against its manifest. */
  verifyExport: z.object({ exportId: z.string().regex(EXPORT_ID_PATTERN, 'not an export of this workbench') }).strict(),
  /** Reads a GraphML, i2 ANX or Schakel JSON chart file the user picked. */
  importChartFile: z
    .object({
      name: fileName,
      base64: z.string().max(MAX_IMPORT_BASE64_CHARS).regex(base64, 'not base64'),
    })
    .strict(),
} as const;

export interface ExportLanguageChoice {
  language: ExportLanguage;
  /** The language's own name, e.g. "Français (Belgique)". */
  name: string;
  /** Classification markings of the export's country in this language, least restrictive first. */
  markings: string[];
}

export interface ExportDefaults {
  author: string;
  /** Absolute folder on the machine running the backend. */
  exportsFolder: string;
  /** The export languages with their markings, from the export catalogues. */
  languages: ExportLanguageChoice[];
}

export interface ExportedFileInfo {
  /** `<exportId>/<name>`: what readExportFile takes. */
  path: string;
  name: string;
  format: ExportFileFormat | 'manifest';
  bytes: number;
  sha256: string;
}

export interface WithheldItem {
  id: string;
  kind: 'entity' | 'link';
  type: string;
  label: string;
  handling?: string;
  reason: 'handling-code' | 'attached-to-withheld-entity';
}

export interface ExportChartResponse {
  exportId: string;
  /** Absolute folder holding the files and the manifest. */
  folder: string;
  files: ExportedFileInfo[];
  manifest: ExportedFileInfo;
  entityCount: number;
  linkCount: number;
  /** Left out under H1/H2 (listed in the manifest, not in the files). */
  withheld: WithheldItem[];
  disclosedUnderPermission: WithheldItem[];
  /**
   * When a PNG was asked for: the exported drawing (the SVG, with title, marking, legend and withheld
   * markers) for the renderer to rasterise at the paper size, so the picture matches the other files.
   */
  drawing?: string;
}

export interface SavePngExportResponse {
  file: ExportedFileInfo;
  manifest: ExportedFileInfo;
}

export interface ExportFileContent {
  name: string;
  mediaType: string;
  base64: string;
  bytes: number;
  sha256: string;
}

export interface ExportVerification {
  ok: boolean;
  message: string;
  files: { name: string; status: 'unchanged' | 'changed' | 'missing' }[];
}

export interface ImportChartFileResponse {
  chart: ChartDocument;
  format: 'graphml' | 'anx' | 'json';
  /** Anything mapped, shortened or left out (e.g. unknown types imported as generic entities). */
  notices: string[];
}

export interface ExportResponseTypes {
  getExportDefaults: ExportDefaults;
  exportChart: ExportChartResponse;
  savePngExport: SavePngExportResponse;
  readExportFile: ExportFileContent;
  verifyExport: ExportVerification;
  importChartFile: ImportChartFileResponse;
}
