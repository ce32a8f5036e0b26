// Marks a path on the chart: its entities and links stand out, everything else fades until the highlight is
// cleared. Classes only, so the highlight never enters a saved chart or the undo history.
import type { Core, StylesheetJsonBlock } from 'cytoscape';

export const PATH_CLASS = 'path-highlight';
export const FADED_CLASS = 'path-faded';
const PATH_COLOUR = '#EA580C';

/** Rules for chart/stylesheet.ts; after the other rules so they win. */
export function pathHighlightStyles(): StylesheetJsonBlock[] {
  return [
    { selector: `.${FADED_CLASS}`, style: { opacity: 0.22 } },
    {
      selector: `node.${PATH_CLASS}`,
      style: { 'underlay-color': PATH_COLOUR, 'underlay-opacity': 0.45, 'underlay-padding': 8, 'underlay-shape': 'ellipse', 'font-weight': 'bold' },
    },
    {
      selector: `edge.${PATH_CLASS}`,
      style: { 'line-color': PATH_COLOUR, 'target-arrow-color': PATH_COLOUR, width: 5, opacity: 1, 'z-index': 20 },
    },
  ];
}

/** Highlights these elements (those on the chart); returns how many of each got the highlight. */
export function highlightPath(cy: Core, entityIds: Iterable<string>, linkIds: Iterable<string>): { entities: number; links: number } {
  clearPathHighlight(cy);
  const on = cy.collection();
  for (const id of entityIds) on.merge(cy.getElementById(id).filter('node'));
  for (const id of linkIds) on.merge(cy.getElementById(id).filter('edge'));
  cy.batch(() => {
    on.addClass(PATH_CLASS);
    cy.elements().difference(on).addClass(FADED_CLASS);
  });
  return { entities: on.nodes().length, links: on.edges().length };
}

export function clearPathHighlight(cy: Core): void {
  cy.batch(() => cy.elements(`.${PATH_CLASS}, .${FADED_CLASS}`).removeClass(`${PATH_CLASS} ${FADED_CLASS}`));
}

export function highlightedCounts(cy: Core): { entities: number; links: number } {
  const on = cy.elements(`.${PATH_CLASS}`);
  return { entities: on.nodes().length, links: on.edges().length };
}
