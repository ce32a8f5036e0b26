// Which elements an export contains, by the engine's rules (export/selection.ts): the visible chart or the
// selection (links come along when both ends are selected), minus what the backend withheld. Used to draw
// the PNG with exactly the elements of the PDF and SVG.
import type { ChartDocument } from '../../../contract/chart';

export function exportedElementIds(chart: ChartDocument, selection: ReadonlySet<string> | undefined, withheldIds: ReadonlySet<string>): Set<string> {
  const entities = chart.entities.filter((entity) => !entity.hidden && (!selection || selection.has(entity.id)) && !withheldIds.has(entity.id));
  const shown = new Set(entities.map((entity) => entity.id));
  for (const link of chart.links) {
    if (link.hidden || withheldIds.has(link.id) || !shown.has(link.source) || !shown.has(link.target)) continue;
    if (!selection || selection.has(link.id) || (selection.has(link.source) && selection.has(link.target))) shown.add(link.id);
  }
  return shown;
}
