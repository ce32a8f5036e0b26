import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../../../contract/api';
import type { WorkbenchClientError } from '../api/client-error';
import { describeConnection } from './use-connection-status';

export function ConnectionIndicator({
  status,
  error,
}: {
  status: ConnectionStatus | undefined;
  error: WorkbenchClientError | undefined;
}) {
  const { t } = useTranslation('app');
  const { text, tone } = describeConnection(status, error);
  return (
    <div className={`connection-status tone-${tone}`} role="status" aria-label={t('connection.indicator')} title={text}>
      <span className="status-dot" aria-hidden="true" />
      <span className="connection-text">{text}</span>
    </div>
  );
}
