import type { ChartNotices as Notices } from './chart-notices';
import { useTranslation } from 'react-i18next';
import './chart-notices.css';

/** The notices above the chart; each action also dismisses its notice. */
export function ChartNotices({ notices, dismiss }: Pick<Notices, 'notices' | 'dismiss'>) {
  const { t } = useTranslation('chart');
  if (notices.length === 0) return null;
  return (
    <div className="chart-notices" aria-label={t('notices')}>
      {notices.map((notice) => (
        <div key={notice.key} role="status" className={`chart-notice tone-${notice.tone}`}>
          <span className="chart-notice-text">{notice.text}</span>
          {notice.actions?.map((action) => (
            <button
              key={action.label}
              type="button"
              onClick={() => {
                dismiss(notice.key);
                void action.run();
              }}
            >
              {action.label}
            </button>
          ))}
          <button type="button" className="icon-button" aria-label={t('common:dismiss', { text: notice.text })} onClick={() => dismiss(notice.key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
