// The undoable commands on what is already on the chart: hide and show, pin, group and ungroup, and
// moving entities by dragging. Each records one step on the undo stack.
import type { Collection, Core, NodeSingular, Position } from 'cytoscape';
import type { EntitySummary } from '../../../../contract/model';
import type { ChartModel } from '../chart-model';
import { groupLabel } from '../group-label';
import type { CommandStack } from '../history/command-stack';
import { t } from '../../i18n';
import { ENTITY_NODES, entityCount, entityPositions, GROUP_NODES } from './cy-basics';

export class ChartCommands {
  private groupCounter = 0;
  private dragStart?: Map<string, Position>;

  constructor(
    private readonly cy: Core,
    private readonly model: ChartModel,
    private readonly history: CommandStack,
    private readonly hooks: {
      isPinned(id: string): boolean;
      applyPositions(positions: Record<string, Position>): void;
      /** What is drawn changed (hidden elements): analysis results go stale. */
      drawnChanged(): void;
      /** Hidden, pinned or grouped state changed. */
      viewChanged(): void;
    },
  ) {
    cy.on('grab', 'node', () => this.beginDrag());
    cy.on('free', 'node', () => queueMicrotask(() => this.endDrag()));
  }

  hideSelected(): void {
    const selected = this.cy.elements(':selected');
    const nodes = selected.nodes(ENTITY_NODES).union(selected.nodes(GROUP_NODES).children());
    const targets = nodes.union(selected.edges()).filter((el) => !el.hasClass('hidden'));
    if (targets.empty()) return;
    const ids = targets.map((el) => el.id());
    const apply = (hidden: boolean) => this.setHidden(ids, hidden);
    apply(true);
    this.history.record({ label: t('chart:history.hide', { what: entityCount(targets.nodes().length) }), undo: () => apply(false), redo: () => apply(true) });
  }

  /** Hides the given entities that are not hidden yet, with the links to them, as one step. */
  hideEntities(entityIds: readonly string[], label: string): void {
    const nodes = this.cy.nodes(ENTITY_NODES).filter((node) => entityIds.includes(node.id()) && !node.hasClass('hidden'));
    if (nodes.empty()) return;
    const ids = nodes.map((node) => node.id());
    this.setHidden(ids, true);
    this.history.record({ label, undo: () => this.setHidden(ids, false), redo: () => this.setHidden(ids, true) });
  }

  showAllHidden(): void {
    const ids = this.cy.elements('.hidden').map((el) => el.id());
    if (ids.length === 0) return;
    this.setHidden(ids, false);
    this.history.record({ label: t('chart:history.show', { count: ids.length }), undo: () => this.setHidden(ids, true), redo: () => this.setHidden(ids, false) });
  }

  /** Pins the selected entities (layouts leave them where they are), or unpins them if all are pinned. */
  togglePinSelected(): void {
    const selected = this.cy.nodes(':selected').filter(ENTITY_NODES);
    if (selected.empty()) return;
    const pin = !selected.every((n) => this.hooks.isPinned((n as NodeSingular).id()));
    const ids = selected.filter((n) => this.hooks.isPinned(n.id()) !== pin).map((n) => n.id());
    this.setPinned(ids, pin);
    this.history.record({
      label: t(pin ? 'chart:history.pin' : 'chart:history.unpin', { what: entityCount(ids.length) }),
      undo: () => this.setPinned(ids, !pin),
      redo: () => this.setPinned(ids, pin),
    });
  }

  /** Folds the selected entities into one labelled group (a box that moves as one). */
  groupSelected(): string | undefined {
    const members = this.cy.nodes(':selected').filter(ENTITY_NODES);
    if (members.length < 2) return undefined;
    const memberIds = members.map((n) => n.id());
    const previousParents = Object.fromEntries(members.map((n) => [n.id(), (n.data('parent') as string | undefined) ?? '']));
    const group = { id: `group-${++this.groupCounter}-${Date.now().toString(36)}`, label: this.labelForGroup(memberIds) };
    const apply = () => {
      this.cy.batch(() => {
        if (this.cy.getElementById(group.id).empty()) this.cy.add({ group: 'nodes', data: { id: group.id, label: group.label, isGroup: true } });
        this.cy.nodes().filter((n) => memberIds.includes(n.id())).move({ parent: group.id });
      });
      this.hooks.viewChanged();
    };
    const revert = () => {
      this.cy.batch(() => {
        for (const id of memberIds) {
          const node = this.cy.getElementById(id);
          if (node.nonempty()) node.move({ parent: previousParents[id] || null });
        }
        this.cy.getElementById(group.id).remove();
      });
      this.hooks.viewChanged();
    };
    apply();
    this.cy.getElementById(group.id).select();
    this.history.record({ label: t('chart:history.group', { count: memberIds.length }), undo: revert, redo: apply });
    return group.id;
  }

  /** Dissolves the selected groups (or the groups of the selected entities). */
  ungroupSelected(): void {
    const selected = this.cy.nodes(':selected');
    const groups = selected.filter(GROUP_NODES).union(selected.filter(ENTITY_NODES).parents());
    if (groups.empty()) return;
    const records = groups.map((g) => ({ id: g.id(), label: String(g.data('label')), members: (g as NodeSingular).children().map((c) => c.id()) }));
    const apply = () => {
      this.cy.batch(() => {
        for (const record of records) {
          this.cy.nodes().filter((n) => record.members.includes(n.id())).move({ parent: null });
          this.cy.getElementById(record.id).remove();
        }
      });
      this.hooks.viewChanged();
    };
    const revert = () => {
      this.cy.batch(() => {
        for (const record of records) {
          this.cy.add({ group: 'nodes', data: { id: record.id, label: record.label, isGroup: true } });
          this.cy.nodes().filter((n) => record.members.includes(n.id())).move({ parent: record.id });
        }
      });
      this.hooks.viewChanged();
    };
    apply();
    this.history.record({ label: t('chart:history.ungroup', { what: t('chart:history.groupCount', { count: records.length }) }), undo: revert, redo: apply });
  }

  /** Hides or shows elements without an undo step. */
  setHidden(ids: readonly string[], hidden: boolean): void {
    this.hooks.drawnChanged();
    this.cy.batch(() => {
      for (const id of ids) {
        const element = this.cy.getElementById(id);
        if (hidden) element.addClass('hidden').unselect();
        else element.removeClass('hidden');
      }
    });
    this.hooks.viewChanged();
  }

  /** Pins or unpins entities without an undo step. */
  setPinned(ids: readonly string[], pinned: boolean): void {
    this.cy.batch(() => {
      for (const id of ids) {
        const node = this.cy.getElementById(id);
        if (pinned) node.addClass('pinned');
        else node.removeClass('pinned');
      }
    });
    this.hooks.viewChanged();
  }

  private beginDrag(): void {
    if (!this.dragStart) this.dragStart = new Map(Object.entries(entityPositions(this.cy)));
  }

  /** One undo step per drag gesture, however many nodes moved with it. */
  private endDrag(): void {
    const start = this.dragStart;
    this.dragStart = undefined;
    if (!start || this.cy.destroyed()) return;
    const before: Record<string, Position> = {};
    const after: Record<string, Position> = {};
    this.cy.nodes(ENTITY_NODES).forEach((node) => {
      const was = start.get(node.id());
      const now = (node as NodeSingular).position();
      if (was && (Math.abs(was.x - now.x) > 0.5 || Math.abs(was.y - now.y) > 0.5)) {
        before[node.id()] = was;
        after[node.id()] = { ...now };
      }
    });
    const moved = Object.keys(after).length;
    if (moved === 0) return;
    this.history.record({
      label: t('chart:history.move', { what: entityCount(moved) }),
      undo: () => this.hooks.applyPositions(before),
      redo: () => this.hooks.applyPositions(after),
    });
  }

  private labelForGroup(memberIds: string[]): string {
    const members = memberIds.map((id) => this.model.entity(id)).filter((e): e is EntitySummary => Boolean(e));
    const memberSet = new Set(memberIds);
    let common: Collection | undefined;
    for (const id of memberIds) {
      const outside = this.cy.getElementById(id).neighborhood(ENTITY_NODES).filter((n) => !memberSet.has((n as NodeSingular).id()));
      common = common ? common.intersection(outside) : outside;
    }
    const neighbour = common && common.length === 1 ? this.model.entity((common[0] as NodeSingular).id()) : undefined;
    return groupLabel(members, neighbour);
  }
}
