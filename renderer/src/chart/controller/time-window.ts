// The time bar's window: elements outside it get the out-of-window class (kept on the chart, not drawn).
import type { Core } from 'cytoscape';
import type { EntitySummary, LinkSummary } from '../../../../contract/model';
import { collectTimes, type TimeSpan, type TimedElements } from '../../timebar/element-times';
import { elementsOutsideWindow } from '../../timebar/window-filter';

export class ChartTimeWindow {
  private window?: TimeSpan;
  private timedCache?: TimedElements;
  /** Times beyond the chart's own that the time bar spans too (a vehicle's ANPR track on the map). */
  private extraTimes: ReadonlyMap<string, TimeSpan> = new Map();

  constructor(
    private readonly cy: Core,
    private readonly content: { entityIds(): string[]; entities(): EntitySummary[]; links(): LinkSummary[] },
  ) {}

  timedElements(): TimedElements {
    if (!this.timedCache) {
      const timed = collectTimes(this.content.entities(), this.content.links());
      // Keyed like links but matching none on the chart (or the same link, with the same time): they widen
      // the bar and its histogram without hiding or showing anything on the chart.
      for (const [id, span] of this.extraTimes) if (!timed.links.has(id)) timed.links.set(id, span);
      this.timedCache = timed;
    }
    return this.timedCache;
  }

  current(): TimeSpan | undefined {
    return this.window ? { ...this.window } : undefined;
  }

  /** Hides (never removes) what falls outside `window`; undefined shows everything again. */
  set(window: TimeSpan | undefined): void {
    this.window = window;
    this.apply();
  }

  setExtraTimes(times: ReadonlyMap<string, TimeSpan>): void {
    this.extraTimes = times;
    this.contentChanged();
  }

  /** Forgets the window without touching the chart (its content is being replaced). */
  forget(): void {
    this.window = undefined;
  }

  /** What is on the chart changed: element times are collected afresh and the window applied to newcomers. */
  contentChanged(): void {
    this.timedCache = undefined;
    if (this.window) this.apply();
  }

  private apply(): void {
    const window = this.window;
    const outside = window
      ? elementsOutsideWindow(this.content.entityIds(), this.content.links(), this.timedElements(), window)
      : { hiddenEntities: new Set<string>(), hiddenLinks: new Set<string>() };
    this.cy.batch(() => {
      this.cy.elements().forEach((element) => {
        const id = element.id();
        const out = element.isNode() ? outside.hiddenEntities.has(id) : outside.hiddenLinks.has(id);
        if (out !== element.hasClass('out-of-window')) {
          if (out) element.addClass('out-of-window');
          else element.removeClass('out-of-window');
        }
      });
    });
  }
}
