// Which renderer draws the chart now (shown in the status bar) and the switch to the other one (in the chart's
// toolbar; the switch is not an undo step).
import { useTranslation } from 'react-i18next';
import type { BigChartControls } from './use-big-chart';

type RendererControls = Pick<BigChartControls, 'renderer' | 'webgl' | 'switchTo'>;

export function RendererStatus({ controls }: { controls: RendererControls }) {
  const { t } = useTranslation('chart');
  const { renderer, webgl } = controls;
  const inUse =
    renderer === 'cytoscape-canvas' ? t('bigChart.rendererCanvas') : webgl.kind === 'software' ? t('bigChart.rendererWebglSoftware') : t('bigChart.rendererWebgl');
  return (
    <span role="status" aria-label={t('bigChart.renderer')} className="renderer-status" title={webgl.kind === 'none' ? t('bigChart.noWebglTitle') : webgl.renderer}>
      {inUse}
    </span>
  );
}

export function RendererSwitch({ controls }: { controls: RendererControls }) {
  const { t } = useTranslation('chart');
  const { renderer, webgl } = controls;
  return renderer === 'cytoscape-canvas' ? (
    <button type="button" onClick={() => controls.switchTo('sigma-webgl')} disabled={webgl.kind === 'none'} title={webgl.kind === 'none' ? t('bigChart.noWebglTitle') : t('bigChart.useOverviewTitle')}>
      {t('bigChart.useOverview')}
    </button>
  ) : (
    <button type="button" onClick={() => controls.switchTo('cytoscape-canvas')} title={t('bigChart.useDetailedTitle')}>
      {t('bigChart.useDetailed')}
    </button>
  );
}
