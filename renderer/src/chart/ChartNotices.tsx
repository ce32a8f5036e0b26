import type { ChartNotices as Notices } from './chart-notices';
import './chart-notices.css';

/** The notices above the chart; each action also dismisses its notice. */
export function ChartNotices({ notices, dismiss }: Pick<Notices, 'notices' | 'dismiss'>) {
  if (notices.length === 0) return null;
  return (
    <div className="chart-notices" aria-label="Chart notices">
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
          <button type="button" className="icon-button" aria-label={`Dismiss: ${notice.text}`} onClick={() => dismiss(notice.key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
