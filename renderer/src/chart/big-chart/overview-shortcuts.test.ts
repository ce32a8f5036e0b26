import { describe, expect, it } from 'vitest';
import { runOverviewShortcut, type OverviewTarget } from './overview-shortcuts';

/** A path a–b–c–d on an overview-like target that records what it was asked to do. */
function pathOverview(selected: string[]) {
  const ids = ['a', 'b', 'c', 'd'];
  const edges: [string, string][] = [['a', 'b'], ['b', 'c'], ['c', 'd']];
  const calls = { fit: 0 };
  let selection = [...selected];
  const target: OverviewTarget = {
    entityIds: () => [...ids],
    selectedEntityIds: () => [...selection],
    setSelection: (next) => {
      selection = [...next];
    },
    neighbourIds: (of) => [...new Set(edges.flatMap(([x, y]) => (of.includes(x) ? [y] : of.includes(y) ? [x] : [])))],
    fit: () => {
      calls.fit++;
    },
  };
  return { target, calls, selection: () => [...selection].sort() };
}

describe('chart keys on the WebGL overview', () => {
  it('select all, none, the inverse and the neighbours on the overview', () => {
    const overview = pathOverview(['b']);
    expect(runOverviewShortcut(overview.target, 'selectNeighbours', () => undefined)).toBe(true);
    expect(overview.selection()).toEqual(['a', 'b', 'c']);
    runOverviewShortcut(overview.target, 'invertSelection', () => undefined);
    expect(overview.selection()).toEqual(['d']);
    runOverviewShortcut(overview.target, 'selectAll', () => undefined);
    expect(overview.selection()).toEqual(['a', 'b', 'c', 'd']);
    runOverviewShortcut(overview.target, 'selectNone', () => undefined);
    expect(overview.selection()).toEqual([]);
  });

  it('fits the overview and expands its selection, but not an empty one', () => {
    const overview = pathOverview(['c']);
    const expanded: string[][] = [];
    runOverviewShortcut(overview.target, 'fit', () => undefined);
    runOverviewShortcut(overview.target, 'expand', (ids) => expanded.push(ids));
    runOverviewShortcut(overview.target, 'selectNone', () => undefined);
    runOverviewShortcut(overview.target, 'expand', (ids) => expanded.push(ids));
    expect(overview.calls.fit).toBe(1);
    expect(expanded).toEqual([['c']]);
  });

  it('leaves the detailed chart\'s edits alone: they are not taken and change no selection', () => {
    const overview = pathOverview(['a']);
    for (const command of ['undo', 'redo', 'remove', 'hide', 'showAll', 'pin', 'group', 'ungroup'] as const) {
      expect(runOverviewShortcut(overview.target, command, () => undefined)).toBe(false);
    }
    expect(overview.selection()).toEqual(['a']);
  });
});
