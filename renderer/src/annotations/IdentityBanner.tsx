// First start: asks who is working (the name stamped on every change and audit entry). Not modal: the
// analyst can look around first. Also tells what waits to be saved or could not be saved.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { IdentityInfo, NotSavedWrite, PendingWrite } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';
import { toClientError } from '../api/client-error';

interface Props {
  api: WorkbenchApi;
  identity: IdentityInfo | undefined;
  onSave: (name: string) => Promise<void>;
  /** Re-read pending writes when this changes (after each save). */
  refreshKey: unknown;
}

export function IdentityBanner({ api, identity, onSave, refreshKey }: Props) {
  const ids = useId();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState<PendingWrite[]>([]);
  const [notSaved, setNotSaved] = useState<NotSavedWrite[]>([]);

  useEffect(() => {
    let current = true;
    const load = () =>
      api.getPendingWrites({}).then(
        (result) => {
          if (!current) return;
          setPending(result.pending);
          setNotSaved(result.notSaved);
        },
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), 10_000);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [api, refreshKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await onSave(name.trim());
      setError(undefined);
    } catch (caught) {
      const clientError = toClientError(caught);
      setError(`${clientError.message} ${clientError.hint ?? ''}`);
    }
  };

  return (
    <>
      {identity && !identity.confirmed ? (
        <form className="identity-banner" aria-label="Who is working" onSubmit={(event) => void submit(event)}>
          <label htmlFor={`${ids}-name`}>Welcome to Schakel. Your name is stamped on every change and in the audit log:</label>
          <input id={`${ids}-name`} value={name} onChange={(event) => setName(event.target.value)} placeholder={identity.name} maxLength={120} />
          <button type="submit" className="primary" disabled={name.trim().length < 2}>
            Save my name
          </button>
          {error ? <span role="alert">{error}</span> : null}
        </form>
      ) : null}
      {pending.length ? (
        <div className="pending-banner" role="status" aria-label="Changes waiting to be saved">
          {pending.length} change{pending.length === 1 ? '' : 's'} kept on this computer until the database is reachable again: {pending.map((p) => p.summary).join('; ')}
        </div>
      ) : null}
      {notSaved.length ? (
        <div className="alert" role="alert" aria-label="Changes not saved">
          Not saved: {notSaved.map((write) => `${write.summary} (${write.by}) — ${write.reason}`).join(' · ')}
        </div>
      ) : null}
    </>
  );
}
