// The PNG export: Cytoscape draws the chart into a canvas sized for the chosen paper at the chosen
// resolution (cy.png picks the scale that fits the chart into maxWidth × maxHeight). Only what the other
// formats contain is drawn: elements outside the exported selection, and items withheld under H1/H2, are
// hidden for the moment of drawing and shown again straight after. Every element is drawn with its details
// (labels, icons, arrowheads), whatever the level of detail on screen.
import type { Core } from 'cytoscape';

/** What the export draws from: the chart's Cytoscape and its "draw everything in detail" scope (ChartController). */
export interface ChartDrawing {
  readonly cy: Core;
  withFullDetail<T>(draw: () => T): T;
}

export interface RasterOptions {
  /** Ids of the entities and links the export contains. */
  shownIds: ReadonlySet<string>;
  maxWidth: number;
  maxHeight: number;
}

/** The chart as a PNG, base64-encoded; undefined when nothing would be drawn. */
export function rasteriseChart(drawing: ChartDrawing, options: RasterOptions): string | undefined {
  const { cy } = drawing;
  const toHide = cy.elements().filter((element) => !options.shownIds.has(element.id()) && element.style('display') !== 'none');
  const drawn = cy.elements().filter((element) => options.shownIds.has(element.id()) && element.style('display') !== 'none');
  if (drawn.nodes().empty()) return undefined;
  cy.batch(() => toHide.style('display', 'none'));
  try {
    return drawing.withFullDetail(() => cy.png({ output: 'base64', full: true, bg: '#ffffff', maxWidth: options.maxWidth, maxHeight: options.maxHeight }));
  } finally {
    cy.batch(() => toHide.removeStyle('display'));
  }
}
