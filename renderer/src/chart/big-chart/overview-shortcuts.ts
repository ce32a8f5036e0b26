// The chart's keyboard shortcuts while the WebGL overview is shown: selection, fit and expand act on the
// overview; edits of the detailed chart (undo, remove, hide, pin, group) wait until it is shown again, so a
// key never changes a chart the analyst cannot see.
import type { ChartCommand } from '../tools/keyboard-shortcuts';

export interface OverviewTarget {
  entityIds(): string[];
  selectedEntityIds(): string[];
  setSelection(ids: readonly string[]): void;
  neighbourIds(ids: readonly string[]): string[];
  fit(): void;
}

/** Runs `command` on the overview; false when it is not one the overview takes. */
export function runOverviewShortcut(overview: OverviewTarget, command: ChartCommand, expand: (ids: string[]) => void): boolean {
  const selected = overview.selectedEntityIds();
  switch (command) {
    case 'selectAll':
      overview.setSelection(overview.entityIds());
      return true;
    case 'selectNone':
      overview.setSelection([]);
      return true;
    case 'invertSelection': {
      const chosen = new Set(selected);
      overview.setSelection(overview.entityIds().filter((id) => !chosen.has(id)));
      return true;
    }
    case 'selectNeighbours':
      overview.setSelection([...new Set([...selected, ...overview.neighbourIds(selected)])]);
      return true;
    case 'fit':
      overview.fit();
      return true;
    case 'expand':
      if (selected.length) expand(selected);
      return true;
    default:
      return false;
  }
}
