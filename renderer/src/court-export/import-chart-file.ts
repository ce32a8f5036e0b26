// "Import chart…": a GraphML, i2 ANX or Schakel JSON file is read by the backend (which refuses unsafe or
// malformed XML) and its elements are added to the chart beside what is already there. Types the file uses
// that Schakel does not know arrive as generic entities; the backend's notices say so.
import type { WorkbenchApi } from '../../../contract/api';
import type { ChartEntity, ChartLink } from '../../../contract/chart';
import type { EntitySummary, LinkSummary } from '../../../contract/model';
import type { ChartController } from '../chart/chart-controller';
import { readFileAsBase64 } from './downloads';

export const IMPORT_ACCEPT = '.graphml,.anx,.json';

export interface ImportOutcome {
  fileName: string;
  entitiesAdded: number;
  linksAdded: number;
  /** Entities of the file already on the chart (kept as they are). */
  alreadyOnChart: number;
  notices: string[];
}

export async function importChartFileOntoChart(api: WorkbenchApi, controller: ChartController, file: File): Promise<ImportOutcome> {
  const base64 = await readFileAsBase64(file);
  const { chart, notices } = await api.importChartFile({ name: file.name, base64 });
  const added = await controller.addExpansion({ nodes: chart.entities.map(toEntitySummary), links: chart.links.map(toLinkSummary) });
  return {
    fileName: file.name,
    entitiesAdded: added.entities.length,
    linksAdded: added.links.length,
    alreadyOnChart: chart.entities.length - added.entities.length,
    notices,
  };
}

/** Chart state (position, hidden, pinned) is the file's; the chart places imported elements itself. */
function toEntitySummary(entity: ChartEntity): EntitySummary {
  const { position: _position, hidden: _hidden, pinned: _pinned, ...summary } = entity;
  return summary as EntitySummary;
}

function toLinkSummary(link: ChartLink): LinkSummary {
  const { hidden: _hidden, ...summary } = link;
  return summary as LinkSummary;
}
