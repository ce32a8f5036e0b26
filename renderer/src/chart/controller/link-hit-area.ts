// A wider hit area for links: a click on the empty chart close to a link (LINK_HIT_TOLERANCE_PX on screen)
// selects that link, so a thin dashed hypothesis does not need pixel-exact aim. Cytoscape has no separate
// hit width for edges (its own tolerance is fixed), and drawing links wider would change what they mean.
import type { Core, EdgeSingular, Position } from 'cytoscape';
import { LINK_HIT_TOLERANCE_PX } from '../../../../shared-values/chart-style';
import { isDrawn } from './cy-basics';

export function widenLinkHitArea(cy: Core, tolerancePx = LINK_HIT_TOLERANCE_PX): void {
  cy.on('tap', (event) => {
    if (event.target !== cy) return;
    const edge = nearestLinkWithin(cy, event.position, tolerancePx / cy.zoom());
    if (!edge) return;
    // Cytoscape clears the selection right after a tap on the background; select once it has.
    queueMicrotask(() => {
      cy.batch(() => {
        cy.elements(':selected').unselect();
        edge.select();
      });
    });
  });
}

/** The drawn link nearest to `point` (chart coordinates) within `radius`, if any. */
export function nearestLinkWithin(cy: Core, point: Position, radius: number): EdgeSingular | undefined {
  let best: EdgeSingular | undefined;
  let bestDistance = radius;
  cy.edges().forEach((edge) => {
    if (!isDrawn(edge)) return;
    const path = linkPath(edge);
    for (let i = 0; i + 1 < path.length; i++) {
      const distance = distanceToSegment(point, path[i], path[i + 1]);
      if (distance <= bestDistance) {
        bestDistance = distance;
        best = edge;
      }
    }
  });
  return best;
}

/** Straight links are one segment; a fanned-out parallel link bends through its midpoint. */
function linkPath(edge: EdgeSingular): Position[] {
  const from = edge.source().position();
  const to = edge.target().position();
  const mid = edge.data('parallel') ? safeMidpoint(edge) : undefined;
  return mid ? [from, mid, to] : [from, to];
}

function safeMidpoint(edge: EdgeSingular): Position | undefined {
  try {
    const mid = edge.midpoint();
    return Number.isFinite(mid?.x) && Number.isFinite(mid?.y) ? mid : undefined;
  } catch {
    return undefined;
  }
}

export function distanceToSegment(p: Position, a: Position, b: Position): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSq = dx * dx + dy * dy;
  const t = lengthSq === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSq));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
