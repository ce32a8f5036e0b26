// Hosts the Cytoscape canvas and its toolbar. The chart itself lives in chart/ChartController; this
// component only mounts it and forwards toolbar clicks.
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ChartController } from './chart-controller';
import { StableLabel } from '../ui/StableLabel';

interface Props {
  onReady: (chart: ChartController | undefined) => void;
  selectedCount: number;
  isEmpty: boolean;
  expanding: boolean;
  onExpand: () => void;
  onFit: () => void;
  onRemove: () => void;
  onClear: () => void;
  /** Beside the Expand button (its options). */
  afterExpand?: ReactNode;
  /** A second toolbar row (chart tools). */
  toolbarExtra?: ReactNode;
  /** Drawn over the canvas: legend, panels, prompts. */
  children?: ReactNode;
  /** At the end of the toolbar: which renderer draws the chart, and the switch. */
  rendererControls?: ReactNode;
  /** Not displayed (the WebGL overview draws the chart); the chart and its history stay as they are. */
  hidden?: boolean;
  /** At the toolbar's end, before Clear (the view switches). */
  toolbarEnd?: ReactNode;
  /** A view beside the canvas (the map). */
  beside?: ReactNode;
}

export function ChartPane({ onReady, selectedCount, isEmpty, expanding, onExpand, onFit, onRemove, onClear, afterExpand, toolbarExtra, children, rendererControls, hidden, toolbarEnd, beside }: Props) {
  const { t } = useTranslation('chart');
  const containerRef = useRef<HTMLDivElement>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;

  useEffect(() => {
    if (!containerRef.current) return;
    const chart = ChartController.mount(containerRef.current);
    readyRef.current(chart);
    return () => {
      readyRef.current(undefined);
      chart.destroy();
    };
  }, []);

  return (
    <section className="chart-pane" aria-label={t('pane')} hidden={hidden}>
      <div className="chart-toolbar" role="toolbar" aria-label={t('actions')}>
        <button type="button" className="primary" onClick={onExpand} disabled={selectedCount === 0 || expanding} aria-label={t('expandSelected')} title={t('expandTitle')}>
          <StableLabel shown={expanding ? t('expanding') : t('expand')} longest={[t('expanding'), t('expand')]} />
        </button>
        {afterExpand}
        <button type="button" onClick={onFit} disabled={isEmpty} title={t('fitTitle')}>
          {t('fit')}
        </button>
        <button type="button" onClick={onRemove} disabled={selectedCount === 0} title={t('removeTitle')}>
          {t('remove')}
        </button>
        <span className="spacer" />
        {toolbarEnd}
        <button type="button" onClick={onClear} disabled={isEmpty}>
          {t('clear')}
        </button>
        {rendererControls}
      </div>
      {toolbarExtra}
      <div className="chart-views">
        <div className="chart-canvas-wrap">
          <div ref={containerRef} className="chart-canvas" data-testid="chart" />
          {isEmpty ? (
            <div className="chart-empty">
              {t('empty')}
            </div>
          ) : null}
          {children}
        </div>
        {beside}
      </div>
    </section>
  );
}
