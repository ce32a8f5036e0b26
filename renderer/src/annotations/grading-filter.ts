// Hides chart elements whose grading or handling code is not among the ones the analyst keeps visible.
// Uses a class of its own, so the analyst's own hide/show and the time window are left alone.
import type { Core } from 'cytoscape';
import type { ChartController } from '../chart/chart-controller';

export const FILTERED_CLASS = 'grading-filtered';

export interface GradingFilterState {
  /** Codes hidden; an empty set hides nothing. `ungraded` hides elements without that field. */
  hiddenSource: Set<string>;
  hiddenInformation: Set<string>;
  hiddenHandling: Set<string>;
}

const styled = new WeakSet<object>();

/** The canvas needs one rule for the class; added to the live stylesheet once per stylesheet object. */
function ensureRule(cy: Core): void {
  const style = cy.style() as unknown as object & { selector: (s: string) => { style: (p: Record<string, string>) => { update: () => void } } };
  if (styled.has(style)) return;
  style.selector(`.${FILTERED_CLASS}`).style({ display: 'none' }).update();
  styled.add(style);
}

function hides(state: GradingFilterState, grading: { sourceReliability?: string; informationReliability?: string; handling?: string }): boolean {
  const test = (hidden: Set<string>, value: string | undefined) => hidden.has(value ?? 'ungraded');
  return test(state.hiddenSource, grading.sourceReliability) || test(state.hiddenInformation, grading.informationReliability) || test(state.hiddenHandling, grading.handling);
}

/** Applies the filter to everything on the chart; returns how many elements it hides. */
export function applyGradingFilter(chart: ChartController, state: GradingFilterState): number {
  const cy = chart.cy;
  ensureRule(cy);
  let hidden = 0;
  cy.batch(() => {
    cy.elements().forEach((element) => {
      const id: string = element.id();
      const record = element.group() === 'nodes' ? chart.entity(id) : chart.link(id);
      if (!record) return;
      const hide = hides(state, record);
      if (hide) hidden += 1;
      if (hide !== element.hasClass(FILTERED_CLASS)) {
        if (hide) element.addClass(FILTERED_CLASS).unselect();
        else element.removeClass(FILTERED_CLASS);
      }
    });
    // A link whose end is filtered out goes with it.
    cy.edges().forEach((edge) => {
      const endHidden = edge.source().hasClass(FILTERED_CLASS) || edge.target().hasClass(FILTERED_CLASS);
      if (endHidden && !edge.hasClass(FILTERED_CLASS)) {
        edge.addClass(FILTERED_CLASS);
        hidden += 1;
      }
    });
  });
  return hidden;
}
