// Level of detail (stylesheet.ts, DETAIL_CLASS): which elements are drawn with labels, icons, badges and
// arrowheads. Only what is in view once the chart is zoomed in far enough, and everything for an export.
import type { Core, NodeSingular, SingularElementArgument } from 'cytoscape';
import { DETAIL_CLASS } from '../stylesheet';
import { thinLabels, unthinLabels } from './label-thinning';

/**
 * From this zoom on, what is in view gets labels, icons, badges and arrowheads; below DETAIL_ZOOM_OFF they
 * go again (the gap keeps a zoom hovering at the threshold from restyling on every step). At 0.5 an icon is
 * 9 px and a flag 8 × 6 px on screen; node labels (10 px, hidden below 7 px) appear from 0.7 on.
 */
export const DETAIL_ZOOM = 0.5;
const DETAIL_ZOOM_OFF = 0.45;
/** Beyond the viewport on each side, as a share of its size: panning a little shows detailed elements at once. */
const DETAIL_MARGIN = 0.25;
/**
 * Entities detailed per frame. Thousands coming into view at once (a big chart laid out and fitted at a
 * readable zoom) get their details over several frames, nearest the centre of the view first, so the
 * page keeps answering instead of freezing for one long restyle.
 */
const DETAIL_CHUNK = 500;

export class LevelOfDetail {
  private pending = false;
  /** Details are being drawn (zoomed in past DETAIL_ZOOM and not yet back below DETAIL_ZOOM_OFF). */
  private on = false;
  /** Everything is detailed for the moment (an export is being drawn). */
  private full = false;

  constructor(private readonly cy: Core) {}

  /** Once per burst of viewport events (a wheel zoom or a pan fires many); 'next frame' lets one be drawn first. */
  schedule(when: 'now' | 'next frame' = 'now'): void {
    if (this.pending) return;
    this.pending = true;
    const run = () => {
      this.pending = false;
      if (!this.cy.destroyed()) this.update();
    };
    if (when === 'now') queueMicrotask(run);
    // Two frames: Cytoscape draws in its own animation-frame callback; the second one comes after it.
    else if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => requestAnimationFrame(run));
    else setTimeout(run, 16);
  }

  /**
   * Runs `draw` with every element detailed (labels, icons, arrowheads), then puts the level of detail back
   * as the zoom on screen wants it. The PNG export (court-export/rasterise.ts) draws the whole chart this way.
   */
  withFullDetail<T>(draw: () => T): T {
    const added = this.cy.elements().filter((element) => !element.hasClass(DETAIL_CLASS));
    this.full = true;
    unthinLabels(this.cy);
    this.cy.batch(() => added.addClass(DETAIL_CLASS));
    try {
      return draw();
    } finally {
      this.full = false;
      this.cy.batch(() => added.removeClass(DETAIL_CLASS));
      this.update();
    }
  }

  /**
   * Zoomed out below DETAIL_ZOOM_OFF: nothing detailed. Zoomed in to DETAIL_ZOOM or more: entities in view
   * (and a margin around it), their links and every group box are detailed; what comes into view later
   * (panning, new entities, a layout) gets its details as it arrives. Between the two thresholds the chart
   * keeps the state it had.
   */
  private update(): void {
    if (this.full) return;
    const zoom = this.cy.zoom();
    if (zoom >= DETAIL_ZOOM) this.on = true;
    else if (zoom < DETAIL_ZOOM_OFF) this.on = false;
    if (!this.on) {
      // No labels are drawn without details, so thinning waits until they are: restyling thousands of
      // entities for labels nobody sees would delay the overview's first frame.
      const detailed = this.cy.elements(`.${DETAIL_CLASS}`);
      if (detailed.nonempty()) this.cy.batch(() => detailed.removeClass(DETAIL_CLASS));
      return;
    }
    thinLabels(this.cy);
    const extent = this.cy.extent();
    const mx = extent.w * DETAIL_MARGIN;
    const my = extent.h * DETAIL_MARGIN;
    const [x1, x2, y1, y2] = [extent.x1 - mx, extent.x2 + mx, extent.y1 - my, extent.y2 + my];
    let nodes = this.cy.nodes().filter((node) => {
      if (node.hasClass(DETAIL_CLASS)) return false;
      const { x, y } = node.position();
      return Boolean(node.data('isGroup')) || (x >= x1 && x <= x2 && y >= y1 && y <= y2);
    });
    if (nodes.empty()) return;
    if (nodes.length > DETAIL_CHUNK) {
      const cx = (extent.x1 + extent.x2) / 2;
      const cy = (extent.y1 + extent.y2) / 2;
      const distance = (node: SingularElementArgument) => {
        const { x, y } = (node as NodeSingular).position();
        return (x - cx) ** 2 + (y - cy) ** 2;
      };
      nodes = nodes.sort((a, b) => distance(a) - distance(b)).slice(0, DETAIL_CHUNK);
      this.schedule('next frame');
    }
    const chunk = nodes;
    this.cy.batch(() => chunk.union(chunk.connectedEdges()).addClass(DETAIL_CLASS));
  }
}
