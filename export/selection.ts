// Which part of the chart an export covers: the whole visible chart, or the user's selection. Hidden
// elements are not "on the chart" for the reader, so they are left out unless asked for; links whose
// ends are not exported go too, so every format shows the same elements.
import type { ChartDocument } from '../contract/chart';

export interface SelectionOptions {
  /** Ids of entities and links to export; entities' links among themselves come along. */
  selection?: string[];
  includeHidden?: boolean;
}

export function selectExportedElements(chart: ChartDocument, options: SelectionOptions): ChartDocument {
  const selected = options.selection ? new Set(options.selection) : undefined;
  const entities = chart.entities.filter((entity) => (options.includeHidden || !entity.hidden) && (!selected || selected.has(entity.id)));
  const entityIds = new Set(entities.map((entity) => entity.id));
  const links = chart.links.filter(
    (link) =>
      (options.includeHidden || !link.hidden) &&
      entityIds.has(link.source) &&
      entityIds.has(link.target) &&
      (!selected || selected.has(link.id) || (selected.has(link.source) && selected.has(link.target))),
  );
  return { ...chart, entities, links };
}
