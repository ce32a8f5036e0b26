// Tells the chart session when the chart changed. Cytoscape has no single "the analyst changed something"
// event, so this listens to the ones that matter and filters the noisy ones: class changes happen on every
// highlight and restyle, and only a change of an element's hidden or pinned state counts.
import type { Core, EventObject, SingularElementArgument } from 'cytoscape';

export interface ChartChangeHandlers {
  /** Elements added or removed, moved by the analyst or a layout, hidden/shown, pinned/unpinned. */
  onContent: () => void;
  /** Pan or zoom. */
  onView: () => void;
}

const CONTENT_EVENTS = 'add remove dragfree layoutstop';
/** chart-controller.ts marks hidden and pinned elements with these classes. */
const STATE_EVENTS = 'class lock unlock';

function stateKey(element: SingularElementArgument): string {
  return `${element.hasClass('hidden')}|${element.hasClass('pinned') || (element.isNode() && element.locked())}`;
}

const PLAIN = 'false|false';

export function watchChartChanges(cy: Core, handlers: ChartChangeHandlers): () => void {
  const known = new Map<string, string>();
  const onContent = () => handlers.onContent();
  const onView = () => handlers.onView();
  const onState = (event: EventObject) => {
    const element = event.target as SingularElementArgument;
    if ((event.target as unknown) === cy || element.removed()) return;
    const id = element.id();
    const key = stateKey(element);
    if (key === (known.get(id) ?? PLAIN)) return;
    if (key === PLAIN) known.delete(id);
    else known.set(id, key);
    handlers.onContent();
  };
  const onRemove = (event: EventObject) => {
    if ((event.target as unknown) !== cy) known.delete(event.target.id());
  };
  cy.on(CONTENT_EVENTS, onContent);
  cy.on('viewport', onView);
  cy.on(STATE_EVENTS, onState);
  cy.on('remove', onRemove);
  return () => {
    cy.off(CONTENT_EVENTS, onContent);
    cy.off('viewport', onView);
    cy.off(STATE_EVENTS, onState);
    cy.off('remove', onRemove);
  };
}
