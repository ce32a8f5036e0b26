// The basics every part of the chart controller shares: which nodes are entities and which are group boxes,
// whether an element is drawn, and reading and setting positions. Pure functions over a Cytoscape instance.
import type { Core, NodeSingular, Position, SingularElementArgument, CollectionArgument, ElementDefinition } from 'cytoscape';
import { t } from '../../i18n';

export const ENTITY_NODES = 'node[^isGroup]';
export const GROUP_NODES = 'node[?isGroup]';

/**
 * Whether an element is drawn: not hidden, not outside the time window, and for a link both ends drawn.
 * Worked out from our own classes because Cytoscape caches `visible()` and can answer from a stale
 * cache right after a class change.
 */
export function isDrawn(element: SingularElementArgument): boolean {
  if (element.empty() || element.hasClass('hidden') || element.hasClass('out-of-window')) return false;
  if (element.isEdge()) return isDrawn(element.source()) && isDrawn(element.target());
  return true;
}

export function drawn<T extends CollectionArgument>(elements: T): T {
  return elements.filter((element) => isDrawn(element as SingularElementArgument)) as unknown as T;
}

/** Where each entity is now. */
export function entityPositions(cy: Core): Record<string, Position> {
  const positions: Record<string, Position> = {};
  cy.nodes(ENTITY_NODES).forEach((node) => {
    positions[node.id()] = { ...node.position() };
  });
  return positions;
}

export function movePositions(cy: Core, positions: Record<string, Position>): void {
  cy.batch(() => {
    for (const [id, position] of Object.entries(positions)) {
      const node = cy.getElementById(id);
      if (node.nonempty()) node.position({ ...position });
    }
  });
}

/** Cytoscape restyles an element on data() but not on removeData(); its (untyped) updateStyle() does. */
export function restyle(element: NodeSingular): void {
  (element as unknown as { updateStyle(): void }).updateStyle();
}

/**
 * Adds entities, then their links. Cytoscape styles elements lazily, in the frame that first draws them,
 * and every style property it sets on a node marks each of the node's links for restyling: styled once
 * their links are in, a big chart's entities cost one walk over their links per property. Styled first,
 * those walks are empty. (`cleanStyle` is Cytoscape's own lazy step, untyped.)
 */
export function addEntitiesAndLinks(cy: Core, entities: ElementDefinition[], links: ElementDefinition[]): void {
  let added = cy.collection();
  cy.batch(() => {
    added = cy.add(entities);
  });
  if (links.length === 0) return;
  (added as unknown as { cleanStyle(): void }).cleanStyle();
  cy.batch(() => {
    cy.add(links);
  });
}

/**
 * Styles and measures whatever changed, before the next frame. Cytoscape does both lazily, and an element
 * measured while a frame draws reports its bounds as changed: Cytoscape then throws away the layer images
 * that frame just drew and draws the following frames element by element, which on a big chart doubles the
 * wait for a settled first picture. Elements already measured cost a cache lookup here.
 */
export function measureBeforeNextFrame(cy: Core): void {
  cy.elements().boundingBox();
}

/** "3 entities" / "3 entiteiten", for undo-step names. */
export const entityCount = (count: number) => t('common:entityCount', { count });
export const linkCount = (count: number) => t('common:linkCount', { count });
