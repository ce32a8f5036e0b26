// The demo investigation is shown only on request and always in its own database: an empty database offers
// it, and while it is shown a "DEMO" marking says so and offers the way back to the analyst's own database.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus, WorkbenchApi } from '../../../contract/api';


interface DemoProps {
  api: WorkbenchApi;
  status: ConnectionStatus | undefined;
  onStatus: (status: ConnectionStatus) => void;
  onError: (error: unknown) => void;
}

export function DemoBadge({ api, status, onStatus, onError }: DemoProps) {
  const { t } = useTranslation('app');
  const [pending, setPending] = useState(false);
  if (!status?.demo) return null;
  const leave = () => {
    setPending(true);
    api
      .useLocalDatabase({})
      .then(onStatus, onError)
      .finally(() => setPending(false));
  };
  return (
    <span className="demo-badge" role="note" aria-label={t('demo.badgeName')} title={t('demo.badgeTitle')}>
      <strong>{t('demo.badge')}</strong>
      <button type="button" onClick={leave} disabled={pending}>
        {t('demo.leave')}
      </button>
    </span>
  );
}

/** Offered once per connected database that holds no entities at all. */
export function DemoOffer({ api, status, onStatus, onError }: DemoProps) {
  const { t } = useTranslation('app');
  const [emptyUri, setEmptyUri] = useState<string>();
  const [dismissed, setDismissed] = useState(false);
  const [loading, setLoading] = useState(false);
  const connectedUri = status?.state === 'connected' && !status.demo ? (status.uri ?? '') : undefined;

  useEffect(() => {
    setEmptyUri(undefined);
    if (connectedUri === undefined) return;
    let cancelled = false;
    api.getDatabaseSummary({}).then(
      (summary) => {
        const entities = Object.values(summary.nodesByType).reduce((sum, n) => sum + n, 0);
        if (!cancelled && entities === 0) setEmptyUri(connectedUri);
      },
      () => undefined, // the status line already reports database problems
    );
    return () => {
      cancelled = true;
    };
  }, [api, connectedUri]);

  if (loading) {
    return (
      <div className="demo-offer" role="status">
        {t('demo.loading')}
      </div>
    );
  }
  if (dismissed || emptyUri === undefined || emptyUri !== connectedUri) return null;
  const open = () => {
    setLoading(true);
    api
      .openDemo({})
      .then(onStatus, onError)
      .finally(() => setLoading(false));
  };
  return (
    <div className="demo-offer" role="region" aria-label={t('demo.offerName')}>
      <span>{t('demo.emptyDatabase')}</span>
      <button type="button" onClick={open}>
        {t('demo.offer')}
      </button>
      <span className="demo-offer-detail">{t('demo.offerDetail')}</span>
      <button type="button" onClick={() => setDismissed(true)}>
        {t('demo.dismiss')}
      </button>
    </div>
  );
}
