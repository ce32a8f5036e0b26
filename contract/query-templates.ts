// Saved, parameterised query templates: request schemas and response types. A template is a name, a
// description and one reviewed query shape from shared-values/query-shapes.ts with its parameters filled;
// never Cypher of the analyst's own. No Node or DOM imports: the renderer takes the types from here.
import { z } from 'zod';
import type { EntitySummary, LinkSummary } from './model';
import { QUERY_SHAPE_PARAMETERS, QUERY_SHAPES, MAX_TEMPLATE_RESULTS, type QueryShape } from '../shared-values/query-shapes';
import { freeText, identifier, isoDate } from './text';

export { QUERY_SHAPE_PARAMETERS, QUERY_SHAPES, MAX_TEMPLATE_RESULTS, type QueryShape };

const entityRef = identifier(200);
const days = QUERY_SHAPE_PARAMETERS['gang-phones-seen'][1];

/** One reviewed shape with its typed parameters; the backend picks the Cypher by `shape`, never from input. */
export const templateQuerySchema = z.discriminatedUnion('shape', [
  z
    .object({
      shape: z.literal('gang-phones-seen'),
      parameters: z.object({ gangId: entityRef, days: z.number().int().min(days.min).max(days.max) }).strict(),
    })
    .strict(),
  z.object({ shape: z.literal('persons-linked-to-vehicle'), parameters: z.object({ vehicleId: entityRef }).strict() }).strict(),
  z
    .object({
      shape: z.literal('calls-between-persons'),
      parameters: z.object({ personAId: entityRef, personBId: entityRef, from: isoDate, until: isoDate }).strict(),
    })
    .strict(),
]);

export type TemplateQuery = z.output<typeof templateQuerySchema>;

const templateId = identifier(200);

export const queryTemplateRequestSchemas = {
  /** Every template saved in the team's database, newest first. */
  listQueryTemplates: z.object({}).strict(),
  /** Saves a template (its shape and the parameter values it starts with) under a name, shared with colleagues. */
  saveQueryTemplate: z
    .object({
      name: freeText({ min: 1, max: 120 }),
      description: freeText({ max: 1000, multiline: true }).default(''),
      query: templateQuerySchema,
    })
    .strict(),
  /** Only the analyst who saved a template may delete it. */
  deleteQueryTemplate: z.object({ id: templateId }).strict(),
  /** Runs one shape with these parameters (a saved template's defaults or values the analyst changed). */
  runQueryTemplate: z.object({ query: templateQuerySchema, templateId: templateId.optional() }).strict(),
} as const;

export interface QueryTemplate {
  id: string;
  name: string;
  description: string;
  query: TemplateQuery;
  createdBy: string;
  createdAt: string;
  /** The analyst working now saved it (and so may delete it). */
  mine: boolean;
}

export interface TemplateRunResult {
  nodes: EntitySummary[];
  links: LinkSummary[];
  /** Entities the shape found beyond MAX_TEMPLATE_RESULTS, left off. */
  omitted: number;
}

export interface QueryTemplateResponseTypes {
  listQueryTemplates: { templates: QueryTemplate[] };
  saveQueryTemplate: QueryTemplate;
  deleteQueryTemplate: { deleted: boolean };
  runQueryTemplate: TemplateRunResult;
}
