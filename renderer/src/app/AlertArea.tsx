import type { AlertEntry } from './use-alerts';

/** Every API failure, with what to do about it, until the analyst dismisses it. */
export function AlertArea({ alerts, onDismiss }: { alerts: AlertEntry[]; onDismiss: (key: string) => void }) {
  return (
    <div className="alert-area" role="alert" aria-label="Problems">
      {alerts.map((alert) => (
        <div key={alert.key} className="alert">
          <div className="alert-text">
            <strong>{alert.context ? `${alert.context}: ` : ''}{alert.message}</strong>
            {alert.hint ? <span className="alert-hint"> {alert.hint}</span> : null}
          </div>
          <button type="button" className="icon-button" aria-label={`Dismiss: ${alert.message}`} onClick={() => onDismiss(alert.key)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
