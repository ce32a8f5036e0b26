// The alert area's state: every failed API call lands here with its message and hint. The same problem
// reported twice (e.g. by status polling) shows once.
import { useCallback, useState } from 'react';
import { toClientError, type ClientErrorCode } from '../api/client-error';

export interface AlertEntry {
  key: string;
  code: ClientErrorCode;
  message: string;
  hint?: string;
  /** What the user was doing, e.g. "Search". */
  context?: string;
}

export interface Alerts {
  alerts: AlertEntry[];
  report: (error: unknown, context?: string) => void;
  dismiss: (key: string) => void;
  dismissCode: (code: ClientErrorCode) => void;
}

export function useAlerts(): Alerts {
  const [alerts, setAlerts] = useState<AlertEntry[]>([]);

  const report = useCallback((error: unknown, context?: string) => {
    const clientError = toClientError(error);
    const key = `${clientError.code}:${clientError.message}`;
    setAlerts((current) =>
      current.some((alert) => alert.key === key)
        ? current
        : [...current, { key, code: clientError.code, message: clientError.message, hint: clientError.hint, context }],
    );
  }, []);

  const dismiss = useCallback((key: string) => setAlerts((current) => current.filter((a) => a.key !== key)), []);
  const dismissCode = useCallback(
    (code: ClientErrorCode) => setAlerts((current) => current.filter((a) => a.code !== code)),
    [],
  );

  return { alerts, report, dismiss, dismissCode };
}
