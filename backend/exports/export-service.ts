// The court-export operations of the workbench: export a chart to a fresh folder under the data directory
// with the engine in export/ (the same bytes in the desktop app and in browser mode), store the PNG the
// renderer rasterised, hand files to the browser for download, verify an export, and read chart files the
// user imports. Every export is a disclosure: it is written to the audit log with its justification and
// recipient, and if that entry cannot be written the export is removed again.
import { readFile, rm } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { ApiError, type ParsedRequestOf, type ResponseOf } from '../../contract/api';
import type { ExportFileFormat, ExportedFileInfo, WithheldItem } from '../../contract/export-requests';
import {
  exportChart,
  exportLanguageChoices,
  importChartFile,
  readManifest,
  verifyExport,
  type ExportChartResult,
  type ExportManifest,
  type ImportFormat,
  type RestrictedItem,
} from '../../export/index';
import type { AuditSink } from '../audit-sink';
import { createExportFolder, existingExportFolder, resolveExportFile, slugify } from './export-folder';
import { withExportErrors } from './export-errors';
import { checkConsistency } from '../chart-file';
import { decodePng, findManifestName, sha256Of, storePngBesideExport } from './png-export';

export interface ExportServiceOptions {
  /** `<dataDir>/exports`; a function because the data directory may be chosen after the workbench starts. */
  exportsRoot: () => string;
  /** Who is exporting: stamped in the manifest and the audit entry (asked at each export: it may change). */
  currentUser: () => string | Promise<string>;
  /** Where disclosures are logged (LED art. 25). */
  audit: AuditSink;
  /** The database and data versions behind the chart, for the manifest; failures leave it empty. */
  dataVersions?: () => Promise<Record<string, string>>;
  applicationVersion?: string;
  now?: () => Date;
}

export type ExportOperations = {
  [K in 'getExportDefaults' | 'exportChart' | 'savePngExport' | 'readExportFile' | 'verifyExport' | 'importChartFile']: (
    request: ParsedRequestOf<K>,
  ) => Promise<ResponseOf<K>>;
};

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.graphml': 'application/graphml+xml',
  '.anx': 'application/xml',
  '.json': 'application/json',
};

const IMPORT_FORMATS: Record<string, ImportFormat> = { '.graphml': 'graphml', '.anx': 'anx', '.json': 'json' };

function withheldItem(item: RestrictedItem): WithheldItem {
  return { id: item.id, kind: item.kind, type: item.type, label: item.label, ...(item.handling ? { handling: item.handling } : {}), reason: item.reason };
}

function fileInfo(exportId: string, name: string, format: ExportFileFormat | 'manifest', bytes: number, sha256: string): ExportedFileInfo {
  return { path: `${exportId}/${name}`, name, format, bytes, sha256 };
}

export function createExportService(options: ExportServiceOptions): ExportOperations {
  const now = options.now ?? (() => new Date());

  async function dataVersions(): Promise<Record<string, string>> {
    try {
      return (await options.dataVersions?.()) ?? {};
    } catch {
      return {}; // the export must not fail because the database is away; the manifest then says less
    }
  }

  async function recordDisclosure(result: ExportChartResult, manifest: ExportManifest, exportId: string, pngDpi: number | undefined): Promise<void> {
    const entry = result.auditEntry;
    await options.audit.record({
      category: 'disclosure',
      action: 'export',
      // What was disclosed: the elements in the exported files (withheld ones are in details).
      entityIds: [...manifest.chart.entities.map((entity) => entity.id), ...manifest.chart.links.map((link) => link.id)],
      justification: entry.justification,
      recipient: entry.recipient,
      details: {
        exportId,
        chartId: entry.chartId,
        formats: pngDpi ? [...entry.formats, 'png'] : entry.formats,
        ...(pngDpi ? { pngDpi } : {}),
        files: entry.files,
        manifest: entry.manifest,
        entityCount: entry.entityCount,
        linkCount: entry.linkCount,
        withheldIds: entry.withheldIds,
        ...(entry.permissionRecorded ? { permissionRecorded: entry.permissionRecorded } : {}),
      },
    });
  }

  return {
    async getExportDefaults() {
      return { author: await options.currentUser(), exportsFolder: options.exportsRoot(), languages: exportLanguageChoices() };
    },

    async exportChart(request) {
      const at = now();
      const user = await options.currentUser();
      const slug = slugify(request.name || request.cover.title || request.chart.title);
      const root = options.exportsRoot();
      const { exportId, folder } = await createExportFolder(root, at, slug);
      let result: ExportChartResult;
      let manifest: ExportManifest;
      try {
        result = await withExportErrors(async () =>
          exportChart(request.chart, {
            formats: request.formats,
            outDir: folder,
            baseName: slug,
            cover: { ...request.cover, author: request.cover.author || user },
            disclosure: request.disclosure,
            user,
            justification: request.justification,
            recipient: request.recipient,
            now: at,
            pdf: { paperSize: request.pageSize, orientation: request.orientation, chartLayout: request.fit, mapPage: request.mapPage },
            language: request.language,
            drawing: request.pngDpi !== undefined,
            ...(request.selection ? { selection: request.selection } : {}),
            queries: request.queries ?? [],
            dataVersions: await dataVersions(),
            ...(options.applicationVersion ? { applicationVersion: options.applicationVersion } : {}),
          }),
        );
        manifest = await withExportErrors(() => readManifest(result.manifestPath));
      } catch (error) {
        // A stopped or failed export leaves no half-written evidence behind.
        await rm(folder, { recursive: true, force: true });
        throw error;
      }
      try {
        await recordDisclosure(result, manifest, exportId, request.pngDpi);
      } catch (error) {
        // Nothing may leave the workbench unlogged (LED art. 25): without the audit entry, no export.
        await rm(folder, { recursive: true, force: true });
        console.error('[schakel] export cancelled, audit entry not written:', error);
        throw new ApiError({
          code: 'INTERNAL',
          message: 'The export was cancelled because the disclosure could not be written to the audit log.',
          hint: 'Check that the data folder is writable and the audit log is reachable, then export again.',
        });
      }
      const manifestText = await readFile(result.manifestPath);
      const manifestName = basename(result.manifestPath);
      return {
        exportId,
        folder,
        files: manifest.files.map((file) => fileInfo(exportId, file.name, file.format, file.bytes, file.sha256)),
        manifest: fileInfo(exportId, manifestName, 'manifest', manifestText.byteLength, sha256Of(manifestText)),
        entityCount: manifest.chart.entityCount,
        linkCount: manifest.chart.linkCount,
        withheld: result.withheld.map(withheldItem),
        disclosedUnderPermission: result.disclosedUnderPermission.map(withheldItem),
        ...(result.drawing !== undefined ? { drawing: result.drawing } : {}),
      };
    },

    async savePngExport(request) {
      const folder = await existingExportFolder(options.exportsRoot(), request.exportId);
      const png = decodePng(request.base64);
      const manifestName = await findManifestName(folder);
      const manifest = await withExportErrors(() => readManifest(join(folder, manifestName)));
      if (manifest.files.some((file) => file.format === 'png')) {
        throw new ApiError({ code: 'CONFLICT', message: 'This export already has its PNG; an exported file is never replaced.', hint: 'Export the chart again for a new image.' });
      }
      // Logged before the image is stored: an image that leaves the workbench is never missing from the log.
      await options.audit.record({
        category: 'disclosure',
        action: 'export.png',
        entityIds: [...manifest.chart.entities.map((entity) => entity.id), ...manifest.chart.links.map((link) => link.id)],
        justification: manifest.justification,
        recipient: manifest.recipient,
        details: { exportId: request.exportId, dpi: request.dpi, sha256: sha256Of(png), manifest: manifestName },
      });
      const stored = await withExportErrors(() => storePngBesideExport(folder, png));
      return {
        file: fileInfo(request.exportId, stored.name, 'png', stored.bytes, stored.sha256),
        manifest: fileInfo(request.exportId, stored.manifestName, 'manifest', stored.manifestBytes, stored.manifestSha256),
      };
    },

    async readExportFile(request) {
      const { name, path } = await resolveExportFile(options.exportsRoot(), request.path);
      const content = await readFile(path);
      return {
        name,
        mediaType: MEDIA_TYPES[extname(name)] ?? 'application/octet-stream',
        base64: content.toString('base64'),
        bytes: content.byteLength,
        sha256: sha256Of(content),
      };
    },

    async verifyExport(request) {
      const folder = await existingExportFolder(options.exportsRoot(), request.exportId);
      const manifestName = await findManifestName(folder);
      const report = await withExportErrors(() => verifyExport(join(folder, manifestName)));
      return { ok: report.ok, message: report.message, files: report.files.map((file) => ({ name: file.name, status: file.status })) };
    },

    async importChartFile(request) {
      const extension = extname(request.name).toLowerCase();
      const format = IMPORT_FORMATS[extension];
      if (!format) {
        throw new ApiError({
          code: 'BAD_REQUEST',
          message: `"${request.name}" cannot be imported: Schakel reads GraphML (.graphml), i2 Analyst's Notebook exchange (.anx) and Schakel chart (.json) files.`,
          hint: 'Choose a file with one of those extensions.',
        });
      }
      const bytes = Buffer.from(request.base64, 'base64');
      const imported = await withExportErrors(() => importChartFile(bytes, format));
      // The same whole-chart checks as "Open chart file…", whatever format the file came in.
      checkConsistency(imported.chart);
      return { chart: imported.chart, format, notices: imported.notices };
    },
  };
}
