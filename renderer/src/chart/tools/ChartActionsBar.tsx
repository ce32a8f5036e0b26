// The chart's second toolbar row: undo/redo, hide/pin/group, selection, layout, styling and analysis.
// Every button names its shortcut in its tooltip.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CENTRALITY_MEASURES, type CentralityMeasure } from '../../analysis/centrality';
import { COLOUR_BY_OPTIONS, type ColourBy } from '../chart-colouring';
import type { ChartController } from '../chart-controller';
import { LAYOUT_ALGORITHMS, type LayoutAlgorithm } from '../layout-algorithms';
import { StableLabel } from '../../ui/StableLabel';
import { shortcutLabel, withShortcut, type ChartCommand } from './keyboard-shortcuts';
import { Popover } from '../../ui/Popover';
import { crossBorderNoneText } from './cross-border-note';
import type { ChartTools } from './use-chart-tools';

interface Props {
  chart: ChartController | undefined;
  tools: ChartTools;
  selectedCount: number;
  isEmpty: boolean;
}

export function ChartActionsBar({ chart, tools, selectedCount, isEmpty }: Props) {
  const { t } = useTranslation('chart');
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
      <kbd>{shortcutLabel(name)}</kbd>
    </button>
  );

  return (
    <div className="chart-actions" role="toolbar" aria-label={t('tools.bar')}>
      <div className="tool-group">
        <button type="button" onClick={command('undo')} disabled={!history.canUndo} title={withShortcut(history.undoLabel ? t('tools.undoNamed', { action: history.undoLabel }) : t('tools.undo'), 'undo')}>
          ↶ {t('tools.undo')}
        </button>
        <button type="button" onClick={command('redo')} disabled={!history.canRedo} title={withShortcut(history.redoLabel ? t('tools.redoNamed', { action: history.redoLabel }) : t('tools.redo'), 'redo')}>
          ↷ {t('tools.redo')}
        </button>
      </div>
      <div className="tool-group">
        <button type="button" onClick={command('hide')} disabled={none} title={withShortcut(t('tools.hideTitle'), 'hide')}>
          {t('tools.hide')}
        </button>
        <button type="button" onClick={command('showAll')} disabled={!view?.hidden} title={withShortcut(t('tools.showAllTitle'), 'showAll')}>
          {view?.hidden ? t('tools.showAllCount', { count: view.hidden }) : t('tools.showAll')}
        </button>
        <button type="button" onClick={command('pin')} disabled={none} title={withShortcut(t('tools.pinTitle'), 'pin')}>
          <StableLabel shown={view?.selectionPinned ? t('tools.unpin') : t('tools.pin')} longest={[t('tools.pin'), t('tools.unpin')]} />
        </button>
        <button type="button" onClick={command('group')} disabled={selectedCount < 2} title={withShortcut(t('tools.groupTitle'), 'group')}>
          {t('tools.group')}
        </button>
        <button type="button" onClick={command('ungroup')} disabled={!view?.selectionGrouped} title={withShortcut(t('tools.ungroupTitle'), 'ungroup')}>
          {t('tools.ungroup')}
        </button>
        <Popover name={t('tools.select')} label={`${t('tools.select')} ▾`} title={t('tools.selectTitle')} open={selectOpen} onOpenChange={setSelectOpen} role="menu" panelLabel={t('tools.select')} disabled={isEmpty}>
          {selectItem(t('tools.selectAll'), 'selectAll')}
          {selectItem(t('tools.selectNone'), 'selectNone', none)}
          {selectItem(t('tools.invertSelection'), 'invertSelection')}
          {selectItem(t('tools.selectNeighbours'), 'selectNeighbours', none)}
          <p className="popover-note">{t('tools.boxSelection')}</p>
        </Popover>
      </div>
      <div className="tool-group">
        <label className="inline-field">
          {t('tools.layout')}
          <select
            aria-label={t('tools.layout')}
            value=""
            disabled={isEmpty || Boolean(tools.layoutProgress)}
            onChange={(e) => {
              if (e.target.value) void tools.runLayout(e.target.value as LayoutAlgorithm);
            }}
          >
            <option value="">{t('tools.choose')}</option>
            {LAYOUT_ALGORITHMS.map((algorithm) => (
              <option key={algorithm} value={algorithm}>
                {t(`layoutName.${algorithm}`)}
              </option>
            ))}
          </select>
        </label>
        {tools.layoutProgress ? (
          <span className="layout-progress" role="progressbar" aria-label={t('tools.layoutProgress')} aria-valuetext={tools.layoutProgress}>
            {tools.layoutProgress}
          </span>
        ) : null}
        <label className="inline-field">
          {t('tools.colourBy')}
          <select aria-label={t('tools.colourBy')} value={style?.colourBy ?? 'type'} disabled={!chart} onChange={(e) => chart?.setStyle({ colourBy: e.target.value as ColourBy })}>
            {COLOUR_BY_OPTIONS.map((option) => (
              <option key={option} value={option}>
                {t(`colourByName.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          {t('tools.sizeBy')}
          <select
            aria-label={t('tools.sizeBy')}
            value={style?.sizeBy ?? 'none'}
            disabled={!chart || isEmpty}
            onChange={(e) => {
              tools.sizeBy(e.target.value as CentralityMeasure | 'none');
            }}
          >
            <option value="none">{t('tools.sameSize')}</option>
            {CENTRALITY_MEASURES.map((m) => (
              <option key={m} value={m}>
                {t(`analysis:measure.${m}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="tool-group">
        <button type="button" onClick={() => chart?.setStyle({ colourBy: 'community' })} disabled={isEmpty} title={t('tools.detectCommunitiesTitle')}>
          {t('tools.detectCommunities')}
        </button>
        <button
          type="button"
          aria-pressed={Boolean(style?.crossBorder)}
          onClick={() => chart?.setStyle({ crossBorder: !style?.crossBorder })}
          disabled={isEmpty}
          title={style?.crossBorder && view?.legend.crossBorder === 0 ? `${crossBorderNoneText(t, view.legend.countries)}\n${t('tools.crossBorderTitle')}` : t('tools.crossBorderTitle')}
        >
          {style?.crossBorder && view ? t('tools.crossBorderCount', { count: view.legend.crossBorder }) : t('tools.crossBorder')}
        </button>
        <button type="button" aria-pressed={tools.centralityOpen} onClick={() => tools.setCentralityOpen(!tools.centralityOpen)} disabled={isEmpty}>
          {t('tools.centrality')}
        </button>
      </div>
    </div>
  );
}
