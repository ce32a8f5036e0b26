// The chart as a document: what "save chart", the chart file and every export start from. Versioned so
// an older file can still be opened; validated with zod whenever one is read (files are untrusted input).
import { z } from 'zod';
import { CHART_FORMAT, CHART_FORMAT_VERSION, COUNTRIES, ENTITY_TYPES, RELATIONSHIP_TYPES } from '../shared-values/model';
import { dataText, freeText, identifier, wellFormedJson } from './text';

export { CHART_FORMAT, CHART_FORMAT_VERSION };

// Labels, properties and provenance come from the records (imported data), so they need only be well-formed;
// what the analyst types about the chart (its title) follows the free-text rules.
const propertyValue = z.union([dataText(), z.number(), z.boolean(), z.null(), z.array(dataText()), z.array(z.number())]);
const properties = z.record(dataText(), propertyValue);
/**
 * Largest distance from the origin along either axis of a chart position. Layouts place entities within
 * thousands of units; the bound keeps the arithmetic of every export (the chart's extent, its scale to the
 * page) finite, where positions near ±1e308 overflowed into Infinity and NaN.
 */
export const MAX_CHART_COORDINATE = 1e9;
const coordinate = z.number().min(-MAX_CHART_COORDINATE).max(MAX_CHART_COORDINATE);
const provenance = {
  sourceId: dataText().optional(),
  caseId: dataText().optional(),
  country: z.enum(COUNTRIES).optional(),
  agency: dataText().optional(),
  sourceReliability: dataText().optional(),
  informationReliability: dataText().optional(),
  handling: dataText().optional(),
};

export const chartEntitySchema = z.object({
  id: identifier(200),
  type: z.enum(ENTITY_TYPES),
  label: dataText(500),
  subtitle: dataText(500).optional(),
  ...provenance,
  properties,
  position: z.object({ x: coordinate, y: coordinate }).optional(),
  hidden: z.boolean().optional(),
  pinned: z.boolean().optional(),
  /**
   * A merged (collapsed) entity: the records it stands for, with their own provenance, so an export lists
   * every source and grading and withholds it when any record is restricted.
   */
  records: z.array(z.object({ id: dataText(200).min(1), label: dataText(500), ...provenance })).max(1_000).optional(),
});

export const chartLinkSchema = z.object({
  id: identifier(300),
  type: z.enum(RELATIONSHIP_TYPES),
  source: identifier(200),
  target: identifier(200),
  at: dataText(100).optional(),
  from: dataText(100).optional(),
  until: dataText(100).optional(),
  count: z.number().optional(),
  ...provenance,
  properties,
  hidden: z.boolean().optional(),
});

export const chartDocumentSchema = z.object({
  format: z.literal(CHART_FORMAT),
  version: z.literal(CHART_FORMAT_VERSION),
  id: identifier(200),
  title: freeText({ max: 300 }),
  createdBy: dataText(200).optional(),
  updatedAt: dataText(100).optional(),
  entities: z.array(chartEntitySchema).max(100_000),
  links: z.array(chartLinkSchema).max(200_000),
  viewport: z.object({ zoom: z.number().positive(), pan: z.object({ x: z.number(), y: z.number() }) }).optional(),
  layout: dataText(100).optional(),
  style: z.object({ colourBy: z.enum(['country', 'case', 'type', 'community']).default('country') }).partial().optional(),
  timeWindow: z.object({ from: dataText(100), until: dataText(100) }).nullable().optional(),
  filters: z.record(dataText(), wellFormedJson()).optional(),
});

export type ChartEntity = z.infer<typeof chartEntitySchema>;
export type ChartLink = z.infer<typeof chartLinkSchema>;
export type ChartDocument = z.infer<typeof chartDocumentSchema>;

/**
 * What the schema cannot see record by record: unique ids, and links whose two ends are on the chart. Every
 * route that reads a chart file (open, import of JSON, GraphML or ANX) refuses a chart this finds fault with.
 */
export function chartConsistencyProblem(chart: Pick<ChartDocument, 'entities' | 'links'>): string | null {
  const entityIds = new Set<string>();
  for (const entity of chart.entities) {
    if (entityIds.has(entity.id)) return `entity "${entity.id}" appears twice`;
    entityIds.add(entity.id);
  }
  const linkIds = new Set<string>();
  for (const link of chart.links) {
    if (linkIds.has(link.id)) return `link "${link.id}" appears twice`;
    linkIds.add(link.id);
    const dangling = [link.source, link.target].find((end) => !entityIds.has(end));
    if (dangling) return `link "${link.id}" points to entity "${dangling}", which is not in the file`;
  }
  return null;
}
