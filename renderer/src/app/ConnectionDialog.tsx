// Choose the database: any Neo4j 5 by URI, or back to the managed local one. What the analyst typed stays
// in the fields when the attempt fails, next to the reason.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ConnectionStatus, WorkbenchApi } from '../../../contract/api';
import { toClientError, type WorkbenchClientError } from '../api/client-error';

interface Props {
  api: WorkbenchApi;
  open: boolean;
  current: ConnectionStatus | undefined;
  onClose: () => void;
  onConnected: (status: ConnectionStatus) => void;
}

export function ConnectionDialog({ api, open, current, onClose, onConnected }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [uri, setUri] = useState('');
  const [user, setUser] = useState('neo4j');
  const [password, setPassword] = useState('');
  const [rememberPassword, setRememberPassword] = useState(false);
  const [pending, setPending] = useState<'connect' | 'local' | undefined>();
  const [error, setError] = useState<WorkbenchClientError>();
  const ids = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      // Offer the remote server in use as a starting point; never prefill the local one (nothing to type).
      if (!uri && current?.kind === 'remote' && current.uri) setUri(current.uri);
      if (current?.kind === 'remote' && current.user) setUser(current.user);
      setError(undefined);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open, current, uri]);

  const run = async (kind: 'connect' | 'local', call: () => Promise<ConnectionStatus>) => {
    setPending(kind);
    setError(undefined);
    try {
      const status = await call();
      if (status.state === 'error' || status.state === 'disconnected') {
        setError(toClientError({ code: 'DB_UNAVAILABLE', message: status.message ?? 'The database could not be used.', hint: status.hint }));
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
        <h2 id={`${ids}-title`}>Connection</h2>
        <p className="dialog-intro">
          Connect to a Neo4j 5 server, cluster or Aura instance, or go back to the local database Schakel manages.
        </p>
        <label htmlFor={`${ids}-uri`}>Neo4j URI</label>
        <input
          id={`${ids}-uri`}
          value={uri}
          onChange={(e) => setUri(e.target.value)}
          placeholder="neo4j+s://… or bolt://host:7687"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <label htmlFor={`${ids}-user`}>User</label>
        <input id={`${ids}-user`} value={user} onChange={(e) => setUser(e.target.value)} autoComplete="username" spellCheck={false} />
        <label htmlFor={`${ids}-password`}>Password</label>
        <input
          id={`${ids}-password`}
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="current-password"
        />
        <label className="checkbox">
          <input type="checkbox" checked={rememberPassword} onChange={(e) => setRememberPassword(e.target.checked)} />
          Remember password
        </label>
        {error ? (
          <div className="dialog-error" role="alert">
            <strong>{error.message}</strong>
            {error.hint ? <span> {error.hint}</span> : null}
          </div>
        ) : null}
        <div className="dialog-buttons">
          <button type="button" onClick={() => void run('local', () => api.useLocalDatabase({}))} disabled={pending !== undefined}>
            {pending === 'local' ? 'Starting local database…' : 'Use local database'}
          </button>
          <span className="spacer" />
          <button type="button" onClick={onClose} disabled={pending !== undefined}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={pending !== undefined}>
            {pending === 'connect' ? 'Connecting…' : 'Connect'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
