import { useTranslation } from 'react-i18next';
import { localiseError } from '../i18n/errors';
import type { AlertEntry } from './use-alerts';

/** Every API failure, with what to do about it, until the analyst dismisses it. */
export function AlertArea({ alerts, onDismiss }: { alerts: AlertEntry[]; onDismiss: (key: string) => void }) {
  const { t } = useTranslation('app');
  return (
    <div className="alert-area" role="alert" aria-label={t('problems')}>
      {alerts.map((alert) => {
        const text = localiseError(alert);
        const context = alert.context ? t(`context.${alert.context}`, { defaultValue: alert.context }) : '';
        return (
          <div key={alert.key} className="alert" title={text.detail}>
            <div className="alert-text">
              <strong>{context ? t('withContext', { context, message: text.message }) : text.message}</strong>
              {text.hint ? <span className="alert-hint"> {text.hint}</span> : null}
            </div>
            <button type="button" className="icon-button" aria-label={t('common:dismiss', { text: text.message })} onClick={() => onDismiss(alert.key)}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
