// Label thinning on big charts: from LABEL_THINNING_MIN_ENTITIES entities on, a chart zoomed in just far
// enough for labels shows only those of its best-connected entities, and more as the analyst zooms in,
// until every label is shown at ALL_LABELS_ZOOM. Hundreds of overlapping labels read as none; the hubs'
// names are what an analyst looks for first. Selected entities keep their label (stylesheet.ts).
import type { Core } from 'cytoscape';
import { THIN_LABEL_CLASS } from '../stylesheet';
import { ENTITY_NODES } from './cy-basics';

export const LABEL_THINNING_MIN_ENTITIES = 200;
/** Where labels start (level-of-detail.ts DETAIL_ZOOM) and the share of entities labelled there. */
const FEWEST_LABELS_ZOOM = 0.5;
const FEWEST_LABELS_SHARE = 0.05;
const ALL_LABELS_ZOOM = 1.2;

/** The share of entities (by degree, highest first) that keep their label at this zoom. */
export function labelledShare(zoom: number): number {
  if (zoom >= ALL_LABELS_ZOOM) return 1;
  const progress = Math.max(0, (zoom - FEWEST_LABELS_ZOOM) / (ALL_LABELS_ZOOM - FEWEST_LABELS_ZOOM));
  return FEWEST_LABELS_SHARE + (1 - FEWEST_LABELS_SHARE) * progress;
}

/** The least degree that keeps its label (entities tied with the last one labelled keep theirs too). */
export function minimumLabelledDegree(degrees: readonly number[], zoom: number): number {
  if (degrees.length < LABEL_THINNING_MIN_ENTITIES) return 0;
  const share = labelledShare(zoom);
  if (share >= 1) return 0;
  const sorted = [...degrees].sort((a, b) => b - a);
  return sorted[Math.max(0, Math.ceil(share * sorted.length) - 1)];
}

/** Marks the entities whose label is left out at the current zoom (and unmarks the others). */
export function thinLabels(cy: Core): void {
  const entities = cy.nodes(ENTITY_NODES);
  const degrees = entities.map((node) => node.degree(false));
  const least = minimumLabelledDegree(degrees, cy.zoom());
  const changed = entities.filter((node, index) => degrees[index] < least !== node.hasClass(THIN_LABEL_CLASS));
  if (changed.empty()) return;
  cy.batch(() => {
    changed.forEach((node) => {
      node.toggleClass(THIN_LABEL_CLASS);
    });
  });
}

/** Every label back (an export draws them all). */
export function unthinLabels(cy: Core): void {
  const thin = cy.nodes(`.${THIN_LABEL_CLASS}`);
  if (thin.nonempty()) cy.batch(() => thin.removeClass(THIN_LABEL_CLASS));
}
