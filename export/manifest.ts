// The chain-of-custody manifest written beside every export: the SHA-256 of each file, the chart state
// it came from, the queries and data versions behind it, who exported it when, why and for whom, and
// what was withheld. File names are relative to the manifest so the set stays verifiable when moved.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ChartDocument } from '../contract/chart';
import { disclosureLines, type DisclosureOutcome, type RestrictedItem } from './disclosure';
import type { ExportText } from './export-text';
import { canonicalJson } from './json';

export const MANIFEST_FORMAT = 'schakel-export-manifest';
export const MANIFEST_VERSION = 1;

export const EXPORT_FORMATS = ['pdf', 'svg', 'graphml', 'anx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** A manifest also lists the PNG the renderer rasterises and the backend stores beside the export. */
export const MANIFEST_FILE_FORMATS = [...EXPORT_FORMATS, 'png'] as const;

const restrictedItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['entity', 'link']),
  type: z.string(),
  label: z.string(),
  handling: z.string().optional(),
  caseId: z.string().optional(),
  agency: z.string().optional(),
  country: z.string().optional(),
  reason: z.enum(['handling-code', 'attached-to-withheld-entity']),
  /** The reason in the export's language. */
  reasonText: z.string().optional(),
});

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(MANIFEST_VERSION),
  createdAt: z.string(),
  /** The language of the documents and of the human-readable fields below (e.g. "fr-BE"). */
  language: z.string().optional(),
  /** One sentence saying what this export is, in the export's language, with the time in Europe/Brussels. */
  description: z.string().optional(),
  application: z.object({ name: z.string(), version: z.string().optional() }),
  user: z.string(),
  justification: z.string(),
  recipient: z.string(),
  files: z
    .array(
      z.object({
        name: z.string().min(1),
        format: z.enum(MANIFEST_FILE_FORMATS),
        bytes: z.number().int().nonnegative(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      }),
    )
    .min(1),
  chart: z.object({
    id: z.string(),
    title: z.string(),
    /** SHA-256 of the exported chart in canonical JSON: identifies the exact state. */
    sha256: z.string(),
    entityCount: z.number().int(),
    linkCount: z.number().int(),
    entities: z.array(z.object({ id: z.string(), type: z.string(), position: z.object({ x: z.number(), y: z.number() }).optional() })),
    links: z.array(z.object({ id: z.string(), type: z.string(), source: z.string(), target: z.string() })),
    filters: z.record(z.string(), z.unknown()).optional(),
    timeWindow: z.object({ from: z.string(), until: z.string() }).nullable().optional(),
    viewport: z.unknown().optional(),
    layout: z.string().optional(),
    selection: z.array(z.string()).optional(),
  }),
  queries: z.array(z.unknown()),
  dataVersions: z.record(z.string(), z.string()),
  disclosure: z.object({
    mode: z.enum(['omit', 'stop']),
    permissionRecorded: z.object({ by: z.string(), reference: z.string() }).optional(),
    /** What the cover sheet says about withholding, in the export's language. */
    summary: z.string().optional(),
    withheld: z.array(restrictedItemSchema),
    disclosedUnderPermission: z.array(restrictedItemSchema),
  }),
  cover: z.record(z.string(), z.unknown()).optional(),
});

export type ExportManifest = z.infer<typeof manifestSchema>;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface ManifestInput {
  createdAt: Date;
  applicationVersion?: string;
  user: string;
  justification: string;
  recipient: string;
  files: ExportManifest['files'];
  /** The chart as exported (after selection and disclosure rules). */
  chart: ChartDocument;
  selection?: string[];
  queries?: unknown[];
  dataVersions?: Record<string, string>;
  disclosure: DisclosureOutcome;
  cover?: Record<string, unknown>;
  /** The export's language, for the human-readable fields. */
  text?: ExportText;
}

function withReasonText(items: RestrictedItem[], text: ExportText | undefined): (RestrictedItem & { reasonText?: string })[] {
  if (!text) return items;
  return items.map((item) => ({ ...item, reasonText: text.format(text.t.manifest.reason[item.reason], { code: item.handling ?? '' }) }));
}

export function buildManifest(input: ManifestInput): ExportManifest {
  const { chart, disclosure, text } = input;
  return {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    createdAt: input.createdAt.toISOString(),
    ...(text
      ? {
          language: text.language,
          description: text.format(text.t.manifest.description, {
            title: chart.title,
            user: input.user,
            date: text.dateTime(input.createdAt),
            recipient: input.recipient,
            entities: chart.entities.length,
            links: chart.links.length,
          }),
        }
      : {}),
    application: { name: 'Schakel', ...(input.applicationVersion ? { version: input.applicationVersion } : {}) },
    user: input.user,
    justification: input.justification,
    recipient: input.recipient,
    files: input.files,
    chart: {
      id: chart.id,
      title: chart.title,
      sha256: sha256Hex(canonicalJson(chart)),
      entityCount: chart.entities.length,
      linkCount: chart.links.length,
      entities: chart.entities.map((entity) => ({ id: entity.id, type: entity.type, ...(entity.position ? { position: entity.position } : {}) })),
      links: chart.links.map((link) => ({ id: link.id, type: link.type, source: link.source, target: link.target })),
      ...(chart.filters ? { filters: chart.filters } : {}),
      ...(chart.timeWindow !== undefined ? { timeWindow: chart.timeWindow } : {}),
      ...(chart.viewport ? { viewport: chart.viewport } : {}),
      ...(chart.layout ? { layout: chart.layout } : {}),
      ...(input.selection ? { selection: input.selection } : {}),
    },
    queries: input.queries ?? [],
    dataVersions: input.dataVersions ?? {},
    disclosure: {
      mode: disclosure.mode,
      ...(disclosure.permissionRecorded ? { permissionRecorded: disclosure.permissionRecorded } : {}),
      ...(text ? { summary: disclosureLines(disclosure, text).join(' ') } : {}),
      withheld: withReasonText(disclosure.withheld, text),
      disclosedUnderPermission: withReasonText(disclosure.disclosedUnderPermission, text),
    },
    ...(input.cover ? { cover: input.cover } : {}),
  };
}

export function manifestFileName(baseName: string): string {
  return `${baseName}.manifest.json`;
}
