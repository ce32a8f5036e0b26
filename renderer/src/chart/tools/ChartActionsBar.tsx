// The chart's second toolbar row: undo/redo, hide/pin/group, selection, layout, styling and analysis.
// Every button names its shortcut in its tooltip.
import { useState } from 'react';
import { CENTRALITY_MEASURES, CENTRALITY_NAMES, type CentralityMeasure } from '../../analysis/centrality';
import { COLOUR_BY_NAMES, COLOUR_BY_OPTIONS, type ColourBy } from '../chart-colouring';
import type { ChartController } from '../chart-controller';
import { LAYOUT_ALGORITHMS, LAYOUT_NAMES, type LayoutAlgorithm } from '../layout-algorithms';
import { withShortcut, type ChartCommand } from './keyboard-shortcuts';
import { Popover } from '../../ui/Popover';
import type { ChartTools } from './use-chart-tools';

interface Props {
  chart: ChartController | undefined;
  tools: ChartTools;
  selectedCount: number;
  isEmpty: boolean;
}

export function ChartActionsBar({ chart, tools, selectedCount, isEmpty }: Props) {
  const { history, view } = tools;
  const [selectOpen, setSelectOpen] = useState(false);
  const style = view?.style;
  const none = selectedCount === 0;
  const command = (name: ChartCommand) => () => tools.run(name);

  const selectItem = (label: string, name: ChartCommand, disabled = false) => (
    <button
      type="button"
      role="menuitem"
      disabled={disabled}
      onClick={() => {
        setSelectOpen(false);
        tools.run(name);
      }}
    >
      <span>{label}</span>
      <kbd>{withShortcut('', name).slice(2, -1)}</kbd>
    </button>
  );

  return (
    <div className="chart-actions" role="toolbar" aria-label="Chart tools">
      <div className="tool-group">
        <button type="button" onClick={command('undo')} disabled={!history.canUndo} title={withShortcut(history.undoLabel ? `Undo: ${history.undoLabel}` : 'Undo', 'undo')}>
          ↶ Undo
        </button>
        <button type="button" onClick={command('redo')} disabled={!history.canRedo} title={withShortcut(history.redoLabel ? `Redo: ${history.redoLabel}` : 'Redo', 'redo')}>
          ↷ Redo
        </button>
      </div>
      <div className="tool-group">
        <button type="button" onClick={command('hide')} disabled={none} title={withShortcut('Hide the selection (stays on the chart)', 'hide')}>
          Hide
        </button>
        <button type="button" onClick={command('showAll')} disabled={!view?.hidden} title={withShortcut('Show everything hidden', 'showAll')}>
          Show all hidden{view?.hidden ? ` (${view.hidden})` : ''}
        </button>
        <button type="button" onClick={command('pin')} disabled={none} title={withShortcut('Pin: layouts leave pinned entities where they are', 'pin')}>
          {view?.selectionPinned ? 'Unpin' : 'Pin'}
        </button>
        <button type="button" onClick={command('group')} disabled={selectedCount < 2} title={withShortcut('Group the selected entities into one box', 'group')}>
          Group
        </button>
        <button type="button" onClick={command('ungroup')} disabled={!view?.selectionGrouped} title={withShortcut('Dissolve the selected group', 'ungroup')}>
          Ungroup
        </button>
        <Popover name="Select" label="Select ▾" title="Selection commands" open={selectOpen} onOpenChange={setSelectOpen} role="menu" panelLabel="Select" disabled={isEmpty}>
          {selectItem('Select all', 'selectAll')}
          {selectItem('Select none', 'selectNone', none)}
          {selectItem('Invert selection', 'invertSelection')}
          {selectItem('Add neighbours to selection', 'selectNeighbours', none)}
          <p className="popover-note">Shift-drag on the chart for box selection.</p>
        </Popover>
      </div>
      <div className="tool-group">
        <label className="inline-field">
          Layout
          <select
            aria-label="Layout"
            value=""
            disabled={isEmpty || Boolean(tools.layoutProgress)}
            onChange={(e) => {
              if (e.target.value) void tools.runLayout(e.target.value as LayoutAlgorithm);
            }}
          >
            <option value="">Choose…</option>
            {LAYOUT_ALGORITHMS.map((algorithm) => (
              <option key={algorithm} value={algorithm}>
                {LAYOUT_NAMES[algorithm]}
              </option>
            ))}
          </select>
        </label>
        {tools.layoutProgress ? (
          <span className="layout-progress" role="progressbar" aria-label="Layout progress" aria-valuetext={tools.layoutProgress}>
            {tools.layoutProgress}
          </span>
        ) : null}
        <label className="inline-field">
          Colour by
          <select aria-label="Colour by" value={style?.colourBy ?? 'type'} disabled={!chart} onChange={(e) => chart?.setStyle({ colourBy: e.target.value as ColourBy })}>
            {COLOUR_BY_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {COLOUR_BY_NAMES[option]}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          Size by
          <select
            aria-label="Size by"
            value={style?.sizeBy ?? 'none'}
            disabled={!chart || isEmpty}
            onChange={(e) => {
              tools.sizeBy(e.target.value as CentralityMeasure | 'none');
            }}
          >
            <option value="none">Same size</option>
            {CENTRALITY_MEASURES.map((m) => (
              <option key={m} value={m}>
                {CENTRALITY_NAMES[m]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tool-group">
        <button type="button" onClick={() => chart?.setStyle({ colourBy: 'community' })} disabled={isEmpty} title="Louvain communities on what is visible; recomputed per time window">
          Detect communities
        </button>
        <button
          type="button"
          aria-pressed={Boolean(style?.crossBorder)}
          onClick={() => chart?.setStyle({ crossBorder: !style?.crossBorder })}
          disabled={isEmpty}
          title="Entities linked, directly or through a confirmed match, to both Dutch and Belgian records"
        >
          Highlight cross-border{style?.crossBorder && view ? ` (${view.legend.crossBorder})` : ''}
        </button>
        <button type="button" aria-pressed={tools.centralityOpen} onClick={() => tools.setCentralityOpen(!tools.centralityOpen)} disabled={isEmpty}>
          Centrality
        </button>
      </div>
    </div>
  );
}
