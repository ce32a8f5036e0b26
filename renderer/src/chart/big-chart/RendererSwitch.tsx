// Says which renderer draws the chart now and switches to the other one (the switch is not an undo step).
import { useTranslation } from 'react-i18next';
import type { BigChartControls } from './use-big-chart';

export function RendererSwitch({ controls }: { controls: Pick<BigChartControls, 'renderer' | 'webgl' | 'switchTo'> }) {
  const { t } = useTranslation('chart');
  const { renderer, webgl } = controls;
  const inUse =
    renderer === 'cytoscape-canvas' ? t('bigChart.rendererCanvas') : webgl.kind === 'software' ? t('bigChart.rendererWebglSoftware') : t('bigChart.rendererWebgl');
  return (
    <span className="renderer-switch">
      <span role="status" aria-label={t('bigChart.renderer')} className="renderer-status" title={webgl.kind === 'none' ? t('bigChart.noWebglTitle') : webgl.renderer}>
        {inUse}
      </span>
      {renderer === 'cytoscape-canvas' ? (
        <button type="button" onClick={() => controls.switchTo('sigma-webgl')} disabled={webgl.kind === 'none'} title={webgl.kind === 'none' ? t('bigChart.noWebglTitle') : t('bigChart.useOverviewTitle')}>
          {t('bigChart.useOverview')}
        </button>
      ) : (
        <button type="button" onClick={() => controls.switchTo('cytoscape-canvas')} title={t('bigChart.useDetailedTitle')}>
          {t('bigChart.useDetailed')}
        </button>
      )}
    </span>
  );
}
