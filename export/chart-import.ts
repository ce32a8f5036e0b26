// The last step of every importer: turn what was read into a valid ChartDocument. Duplicate ids and
// links to missing ends are dropped with a notice, over-long text is shortened, and the result is
// checked against the chart schema like any chart file.
import { CHART_FORMAT, CHART_FORMAT_VERSION, chartDocumentSchema, type ChartDocument, type ChartEntity, type ChartLink } from '../contract/chart';
import { ExportError } from './errors';
import type { ImportNotices } from './type-mapping';

const MAX_LABEL = 500;
const MAX_TITLE = 300;
const MAX_ENTITIES = 100_000;
const MAX_LINKS = 200_000;

export interface ImportedChart {
  chart: ChartDocument;
  notices: string[];
}

export function finishImportedChart(
  draft: Omit<ChartDocument, 'format' | 'version'>,
  notices: ImportNotices,
  formatName: string,
): ImportedChart {
  if (draft.entities.length > MAX_ENTITIES || draft.links.length > MAX_LINKS) {
    throw new ExportError(
      'TOO_MANY_ELEMENTS',
      `This ${formatName} file holds ${draft.entities.length.toLocaleString('en')} entities and ${draft.links.length.toLocaleString('en')} links; a chart holds at most ${MAX_ENTITIES.toLocaleString('en')} entities and ${MAX_LINKS.toLocaleString('en')} links.`,
      'Split the chart into smaller files.',
    );
  }
  const entities: ChartEntity[] = [];
  const entityIds = new Set<string>();
  for (const entity of draft.entities) {
    if (entityIds.has(entity.id)) {
      notices.add(`Entity id "${entity.id}" appears more than once; only the first was imported.`);
      continue;
    }
    entityIds.add(entity.id);
    entities.push(shortenTexts(entity, notices));
  }
  const links: ChartLink[] = [];
  const linkIds = new Set<string>();
  for (const link of draft.links) {
    if (linkIds.has(link.id)) {
      notices.add(`Link id "${link.id}" appears more than once; only the first was imported.`);
      continue;
    }
    if (!entityIds.has(link.source) || !entityIds.has(link.target)) {
      notices.add(`Link "${link.id}" points to an entity that is not in the file; it was left out.`);
      continue;
    }
    linkIds.add(link.id);
    links.push(link);
  }
  const candidate = {
    ...draft,
    format: CHART_FORMAT,
    version: CHART_FORMAT_VERSION,
    title: draft.title.slice(0, MAX_TITLE),
    entities,
    links,
  };
  const parsed = chartDocumentSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportError(
      'MALFORMED_FILE',
      `This ${formatName} file could not be turned into a chart: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
      'Export it again from the original program, or report the file to your Schakel administrator.',
    );
  }
  return { chart: parsed.data, notices: notices.list() };
}

function shortenTexts(entity: ChartEntity, notices: ImportNotices): ChartEntity {
  let result = entity;
  if (entity.label.length > MAX_LABEL) {
    notices.add(`The label of "${entity.id}" was longer than ${MAX_LABEL} characters and was shortened.`);
    result = { ...result, label: `${entity.label.slice(0, MAX_LABEL - 1)}…` };
  }
  if (entity.subtitle && entity.subtitle.length > MAX_LABEL) {
    result = { ...result, subtitle: `${entity.subtitle.slice(0, MAX_LABEL - 1)}…` };
  }
  return result;
}
