// The chart as a document: what "save chart", the chart file and every export start from. Versioned so
// an older file can still be opened; validated with zod whenever one is read (files are untrusted input).
import { z } from 'zod';
import { COUNTRIES, ENTITY_TYPES, RELATIONSHIP_TYPES } from './model';

export const CHART_FORMAT = 'schakel-chart';
export const CHART_FORMAT_VERSION = 1;

const propertyValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string()), z.array(z.number())]);
const provenance = {
  sourceId: z.string().optional(),
  caseId: z.string().optional(),
  country: z.enum(COUNTRIES).optional(),
  agency: z.string().optional(),
  sourceReliability: z.string().optional(),
  informationReliability: z.string().optional(),
  handling: z.string().optional(),
};

export const chartEntitySchema = z.object({
  id: z.string().min(1).max(200),
  type: z.enum(ENTITY_TYPES),
  label: z.string().max(500),
  subtitle: z.string().max(500).optional(),
  ...provenance,
  properties: z.record(z.string(), propertyValue),
  position: z.object({ x: z.number().finite(), y: z.number().finite() }).optional(),
  hidden: z.boolean().optional(),
  pinned: z.boolean().optional(),
  /**
   * A merged (collapsed) entity: the records it stands for, with their own provenance, so an export lists
   * every source and grading and withholds it when any record is restricted.
   */
  records: z.array(z.object({ id: z.string().min(1).max(200), label: z.string().max(500), ...provenance })).max(1_000).optional(),
});

export const chartLinkSchema = z.object({
  id: z.string().min(1).max(300),
  type: z.enum(RELATIONSHIP_TYPES),
  source: z.string().min(1),
  target: z.string().min(1),
  at: z.string().optional(),
  from: z.string().optional(),
  until: z.string().optional(),
  count: z.number().optional(),
  ...provenance,
  properties: z.record(z.string(), propertyValue),
  hidden: z.boolean().optional(),
});

export const chartDocumentSchema = z.object({
  format: z.literal(CHART_FORMAT),
  version: z.literal(CHART_FORMAT_VERSION),
  id: z.string().min(1).max(200),
  title: z.string().max(300),
  createdBy: z.string().max(200).optional(),
  updatedAt: z.string().optional(),
  entities: z.array(chartEntitySchema).max(100_000),
  links: z.array(chartLinkSchema).max(200_000),
  viewport: z.object({ zoom: z.number().positive(), pan: z.object({ x: z.number(), y: z.number() }) }).optional(),
  layout: z.string().max(100).optional(),
  style: z.object({ colourBy: z.enum(['country', 'case', 'type', 'community']).default('country') }).partial().optional(),
  timeWindow: z.object({ from: z.string(), until: z.string() }).nullable().optional(),
  filters: z.record(z.string(), z.unknown()).optional(),
});

export type ChartEntity = z.infer<typeof chartEntitySchema>;
export type ChartLink = z.infer<typeof chartLinkSchema>;
export type ChartDocument = z.infer<typeof chartDocumentSchema>;
