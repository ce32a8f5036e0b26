// Selection: what is selected, selecting by command, and telling the page once per burst of changes.
import type { CollectionReturnValue, Core } from 'cytoscape';
import { drawn, ENTITY_NODES, GROUP_NODES } from './cy-basics';

export type ChartSelection = { kind: 'entity'; id: string } | { kind: 'link'; id: string } | null;

export class ChartSelectionState {
  private emitPending = false;

  constructor(
    private readonly cy: Core,
    private readonly hooks: {
      /** `selection` is the single selected element, or null; `selectedEntityIds` every selected entity. */
      selectionChanged(selection: ChartSelection, selectedEntityIds: string[]): void;
      /** After a burst of selection changes (the toolbar's Pin/Ungroup state follows the selection). */
      viewChanged(): void;
    },
  ) {
    // A box selection fires one event per element; report once per burst instead of once per element.
    cy.on('select unselect', () => this.scheduleEmit());
  }

  /** Selected entities, including the members of selected groups. */
  selectedEntityIds(): string[] {
    const selected = this.cy.nodes(':selected');
    const ids = new Set(selected.filter(ENTITY_NODES).map((n) => n.id()));
    selected.filter(GROUP_NODES).children().forEach((child) => {
      ids.add(child.id());
    });
    return [...ids];
  }

  selectAll(): void {
    this.cy.batch(() => drawn(this.cy.elements()).select());
  }

  selectNone(): void {
    this.cy.batch(() => this.cy.elements(':selected').unselect());
  }

  invert(): void {
    this.cy.batch(() => {
      const visible = drawn(this.cy.elements());
      const selected = visible.filter(':selected');
      const unselected = visible.not(selected);
      selected.unselect();
      unselected.select();
    });
  }

  /** Adds the neighbours of the selected entities (and the links to them) to the selection. */
  addNeighbours(): void {
    const selected = this.cy.nodes(':selected');
    if (selected.empty()) return;
    this.cy.batch(() => drawn(selected.closedNeighborhood()).select());
  }

  selectEntities(ids: readonly string[]): void {
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      for (const id of ids) this.cy.getElementById(id).select();
    });
  }

  add(ids: readonly string[]): void {
    this.cy.batch(() => {
      for (const id of ids) this.cy.getElementById(id).select();
    });
  }

  selectOnly(element: CollectionReturnValue): void {
    if (element.empty()) return;
    this.cy.batch(() => {
      this.cy.elements(':selected').unselect();
      element.select();
    });
  }

  emit(): void {
    const selected = this.cy.elements(':selected');
    let selection: ChartSelection = null;
    if (selected.length === 1) {
      const element = selected[0];
      // A group is not a record: the details panel has nothing to look up for it.
      if (!element.data('isGroup')) selection = { kind: element.isNode() ? 'entity' : 'link', id: element.id() };
    }
    this.hooks.selectionChanged(selection, this.selectedEntityIds());
  }

  private scheduleEmit(): void {
    if (this.emitPending) return;
    this.emitPending = true;
    queueMicrotask(() => {
      this.emitPending = false;
      if (!this.cy.destroyed()) {
        this.emit();
        this.hooks.viewChanged();
      }
    });
  }
}
