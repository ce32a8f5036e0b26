// Hosts the WebGL overview (sigma.js) with its toolbar: expand, fit, open the selection in the detailed
// chart, the type filter and the renderer switch. The overview itself lives in BigChartView.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../../contract/model';
import { entityTypePlural } from '../../i18n/vocabulary';
import { formatNumber } from '../../ui/format';
import { StableLabel } from '../../ui/StableLabel';
import type { ChartSelection } from '../controller/chart-selection';
import { BigChartView } from './big-chart-view';
import { RendererSwitch } from './RendererSwitch';
import type { BigChartControls } from './use-big-chart';
import './big-chart.css';

interface Props {
  controls: BigChartControls;
  selectedIds: string[];
  onSelectionChange: (selection: ChartSelection, ids: string[]) => void;
}

export function BigChartPane({ controls, selectedIds, onSelectionChange }: Props) {
  const { t } = useTranslation('chart');
  const containerRef = useRef<HTMLDivElement>(null);
  const { content, view, viewState, expanding } = controls;
  const latest = useRef({ controls, onSelectionChange });
  latest.current = { controls, onSelectionChange };

  useEffect(() => {
    if (!containerRef.current || !content) return;
    const overview = new BigChartView(containerRef.current, { crossBorder: content.crossBorder });
    overview.setListeners({
      onSelectionChange: (selection, ids) => latest.current.onSelectionChange(selection, ids),
      onEntityActivate: (id) => void latest.current.controls.expand([id]),
    });
    overview.load(content.entities, content.links, content.positions);
    latest.current.controls.setView(overview);
    latest.current.onSelectionChange(null, []);
    return () => {
      latest.current.controls.setView(undefined);
      overview.destroy();
    };
  }, [content]);

  const hiddenTypes = new Set(viewState?.hiddenTypes ?? []);
  const toggleType = (type: EntityType) => {
    const next = new Set(hiddenTypes);
    if (next.has(type)) next.delete(type);
    else next.add(type);
    view?.setHiddenTypes([...next]);
  };

  return (
    <section className="chart-pane big-chart-pane" aria-label={t('bigChart.pane')}>
      <div className="chart-toolbar" role="toolbar" aria-label={t('actions')}>
        <button type="button" className="primary" onClick={() => void controls.expand(selectedIds)} disabled={selectedIds.length === 0 || expanding} aria-label={t('expandSelected')} title={t('expandTitle')}>
          <StableLabel shown={expanding ? t('expanding') : t('expand')} longest={[t('expanding'), t('expand')]} />
        </button>
        <button type="button" onClick={() => view?.fit()} title={t('fitTitle')}>
          {t('fit')}
        </button>
        <button type="button" onClick={controls.handBack} disabled={selectedIds.length === 0} title={t('bigChart.openSelectionTitle')}>
          {t('bigChart.openSelection')}
        </button>
        <span className="spacer" />
        <RendererSwitch controls={controls} />
      </div>
      <div className="chart-tools big-chart-tools" role="group" aria-label={t('bigChart.filterTypes')}>
        <span className="big-chart-tools-label">{t('bigChart.filterTypes')}</span>
        {(viewState?.types ?? []).map((type) => (
          <label key={type} className="big-chart-type">
            <input type="checkbox" checked={!hiddenTypes.has(type)} onChange={() => toggleType(type)} /> {entityTypePlural(type)}
          </label>
        ))}
        <span className="spacer" />
        <span className="big-chart-hint">{t('bigChart.selectionHint')}</span>
        {viewState ? <span className="big-chart-hint">{t('bigChart.selectedCount', { count: selectedIds.length, formatted: formatNumber(selectedIds.length) })}</span> : null}
      </div>
      <div className="chart-canvas-wrap">
        <div ref={containerRef} className="chart-canvas big-chart-canvas" data-testid="big-chart" />
      </div>
    </section>
  );
}
