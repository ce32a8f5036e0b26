import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartCounts } from '../chart/chart-controller';

/** The chart's size in words ("12 entities, 15 links"), what the last expansion left out, and `extra` at the end. */
export function StatusBar({ counts, notice, extra }: { counts: ChartCounts; notice: string | undefined; extra?: ReactNode }) {
  const { t } = useTranslation('app');
  return (
    <footer className="status-bar">
      <span role="status" aria-label={t('chartStatus')} className="chart-status">
        {t('chartCounts', { entities: t('common:entityCount', { count: counts.entities }), links: t('common:linkCount', { count: counts.links }) })}
      </span>
      <span className="status-notice" aria-live="polite">
        {notice ?? ''}
      </span>
      {extra}
    </footer>
  );
}
