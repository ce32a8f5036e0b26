// Element snapshots: everything needed to take entities, links and groups off the chart and put them back
// exactly as they were (position, group, hidden, pinned). Removing, undoing an addition and redoing a
// removal all go through here.
import type { Core, NodeSingular, Position } from 'cytoscape';
import type { EntitySummary, LinkSummary } from '../../../../contract/model';
import type { ChartModel } from '../chart-model';
import { entityElement, linkElement } from '../elements';
import { addEntitiesAndLinks } from './cy-basics';

export interface ElementSnapshot {
  entities: EntitySummary[];
  links: LinkSummary[];
  positions: Record<string, Position>;
  hidden: string[];
  pinned: string[];
  parents: Record<string, string>;
  groups: { id: string; label: string }[];
}

export class ElementSnapshots {
  constructor(
    private readonly cy: Core,
    private readonly model: ChartModel,
    private readonly hooks: {
      isHidden(id: string): boolean;
      isPinned(id: string): boolean;
      /** Elements were added or removed. */
      contentChanged(): void;
      /** The selection may have lost elements. */
      selectionChanged(): void;
    },
  ) {}

  capture(entityIds: readonly string[], linkIds: readonly string[], groupIds: readonly string[] = []): ElementSnapshot {
    const entitySet = new Set(entityIds);
    const linkSet = new Set(linkIds);
    // Links touching a removed entity go with it.
    for (const id of this.model.linkIds()) {
      const link = this.model.link(id)!;
      if (entitySet.has(link.source) || entitySet.has(link.target)) linkSet.add(link.id);
    }
    const entities = [...entitySet].map((id) => this.model.entity(id)).filter((e): e is EntitySummary => Boolean(e));
    const links = [...linkSet].map((id) => this.model.link(id)).filter((l): l is LinkSummary => Boolean(l));
    const positions: Record<string, Position> = {};
    const parents: Record<string, string> = {};
    const groupIdSet = new Set(groupIds);
    for (const entity of entities) {
      const node = this.cy.getElementById(entity.id);
      positions[entity.id] = { ...node.position() };
      const parent = node.data('parent') as string | undefined;
      if (parent) {
        parents[entity.id] = parent;
        // A group left without members goes too.
        if (node.parent().children().every((child) => entitySet.has((child as NodeSingular).id()))) groupIdSet.add(parent);
      }
    }
    const all = [...entities.map((e) => e.id), ...links.map((l) => l.id)];
    return {
      entities,
      links,
      positions,
      parents,
      hidden: all.filter((id) => this.hooks.isHidden(id)),
      pinned: entities.filter((e) => this.hooks.isPinned(e.id)).map((e) => e.id),
      groups: [...groupIdSet].map((id) => ({ id, label: String(this.cy.getElementById(id).data('label') ?? '') })),
    };
  }

  erase(snapshot: ElementSnapshot): void {
    this.model.removeLinks(snapshot.links.map((l) => l.id));
    this.model.removeEntities(snapshot.entities.map((e) => e.id));
    this.cy.batch(() => {
      for (const link of snapshot.links) this.cy.getElementById(link.id).remove();
      for (const entity of snapshot.entities) this.cy.getElementById(entity.id).remove();
      for (const group of snapshot.groups) {
        const node = this.cy.getElementById(group.id);
        if (node.nonempty() && node.children().empty()) node.remove();
      }
    });
    this.hooks.contentChanged();
    this.hooks.selectionChanged();
  }

  restore(snapshot: ElementSnapshot): void {
    const additions = this.model.add(snapshot.entities, snapshot.links);
    const hidden = new Set(snapshot.hidden);
    const pinned = new Set(snapshot.pinned);
    this.cy.batch(() => {
      for (const group of snapshot.groups) {
        if (this.cy.getElementById(group.id).empty()) this.cy.add({ group: 'nodes', data: { id: group.id, label: group.label, isGroup: true } });
      }
    });
    const nodes = additions.entities.map((entity) => {
      const element = entityElement(entity, snapshot.positions[entity.id]);
      const parent = snapshot.parents[entity.id];
      if (parent && this.cy.getElementById(parent).nonempty()) element.data.parent = parent;
      const classes = [hidden.has(entity.id) ? 'hidden' : '', pinned.has(entity.id) ? 'pinned' : ''].filter(Boolean);
      return classes.length ? { ...element, classes } : element;
    });
    const edges = additions.links.map((link) => {
      const element = linkElement(link);
      return hidden.has(link.id) ? { ...element, classes: ['hidden'] } : element;
    });
    addEntitiesAndLinks(this.cy, nodes, edges);
    this.hooks.contentChanged();
  }
}
