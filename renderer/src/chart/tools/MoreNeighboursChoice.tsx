// When an expansion hit its cap: say how many neighbours were left out and let the analyst choose.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import type { ChartTools } from './use-chart-tools';

export function MoreNeighboursChoice({ tools }: { tools: ChartTools }) {
  const { t } = useTranslation('chart');
  const pending = tools.pendingMore;
  if (!pending) return null;
  const more = formatNumber(pending.omitted);
  const adding = formatNumber(Math.min(pending.omitted, 10_000));
  return (
    <div className="more-neighbours" role="group" aria-label={t('more.group')}>
      <span>
        <strong>{t('more.notAdded', { count: more })}</strong>
        {t('more.notAddedRest', { cap: formatNumber(pending.settings.cap) })}
      </span>
      <button type="button" className="primary" onClick={() => void tools.addMore()} disabled={tools.expanding} title={t('more.fetchUpTo', { count: adding })}>
        {pending.omitted > 10_000 ? t('more.addCount', { count: adding }) : t('more.addThem')}
      </button>
      <button type="button" onClick={tools.filterMore} disabled={tools.expanding}>
        {t('more.filter')}
      </button>
      <button type="button" onClick={tools.skipMore}>
        {t('more.skip')}
      </button>
    </div>
  );
}
