// Choose the database: any Neo4j 5 by URI, or back to the managed local one. What the analyst typed stays
// in the fields when the attempt fails, next to the reason.
import { useId, useState, type FormEvent } from 'react';
import { useModalDialog } from '../ui/use-modal-dialog';
import type { ConnectionStatus, WorkbenchApi } from '../../../contract/api';
import { useTranslation } from 'react-i18next';
import { toClientError, type WorkbenchClientError } from '../api/client-error';
import { localiseError } from '../i18n/errors';

interface Props {
  api: WorkbenchApi;
  open: boolean;
  current: ConnectionStatus | undefined;
  onClose: () => void;
  onConnected: (status: ConnectionStatus) => void;
}

export function ConnectionDialog({ api, open, current, onClose, onConnected }: Props) {
  const [uri, setUri] = useState('');
  const [user, setUser] = useState('neo4j');
  const [password, setPassword] = useState('');
  const [rememberPassword, setRememberPassword] = useState(false);
  const [pending, setPending] = useState<'connect' | 'local' | undefined>();
  const [error, setError] = useState<WorkbenchClientError>();
  const ids = useId();
  const { t } = useTranslation('app');

  const dialogRef = useModalDialog(open, () => {
    // Offer the remote server in use as a starting point; never prefill the local one (nothing to type).
    if (!uri && current?.kind === 'remote' && current.uri) setUri(current.uri);
    if (current?.kind === 'remote' && current.user) setUser(current.user);
    setError(undefined);
  });

  const run = async (kind: 'connect' | 'local', call: () => Promise<ConnectionStatus>) => {
    setPending(kind);
    setError(undefined);
    try {
      const status = await call();
      if (status.state === 'error' || status.state === 'disconnected') {
        setError(toClientError({ code: 'DB_UNAVAILABLE', message: status.message ?? t('connection.unusable'), hint: status.hint }));
        onConnected(status);
        return;
      }
      onConnected(status);
      setPassword(rememberPassword ? password : '');
      onClose();
    } catch (caught) {
      setError(toClientError(caught));
    } finally {
      setPending(undefined);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run('connect', () => api.connect({ uri: uri.trim(), user: user.trim() || 'neo4j', password, rememberPassword }));
  };

  return (
    <dialog ref={dialogRef} className="connection-dialog" aria-labelledby={`${ids}-title`} onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} className="dialog-form">
        <h2 id={`${ids}-title`}>{t('connectionDialog.title')}</h2>
        <p className="dialog-intro">
          {t('connectionDialog.intro')}
        </p>
        <label htmlFor={`${ids}-uri`}>{t('connectionDialog.uri')}</label>
        <input
          id={`${ids}-uri`}
          value={uri}
          onChange={(e) => setUri(e.target.value)}
          placeholder={t('connectionDialog.uriPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          required
        />
        <label htmlFor={`${ids}-user`}>{t('connectionDialog.user')}</label>
        <input id={`${ids}-user`} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" spellCheck={false} />
        <label htmlFor={`${ids}-password`}>{t('connectionDialog.password')}</label>
        <input
          id={`${ids}-password`}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
        />
        <label className="checkbox">
          <input type="checkbox" checked={rememberPassword} onChange={(e) => setRememberPassword(e.target.checked)} />
          {t('connectionDialog.rememberPassword')}
        </label>
        {error ? (
          <div className="dialog-error" role="alert">
            <strong title={localiseError(error).detail}>{localiseError(error).message}</strong>
            {localiseError(error).hint ? <span> {localiseError(error).hint}</span> : null}
          </div>
        ) : null}
        <div className="dialog-buttons">
          <button type="button" onClick={() => void run('local', () => api.useLocalDatabase({}))} disabled={pending !== undefined}>
            {pending === 'local' ? t('connectionDialog.startingLocal') : t('connectionDialog.useLocal')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose} disabled={pending !== undefined}>
            {t('common:cancel')}
          </button>
          <button type="submit" className="primary" disabled={pending !== undefined}>
            {pending === 'connect' ? t('connectionDialog.connecting') : t('connectionDialog.connect')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
