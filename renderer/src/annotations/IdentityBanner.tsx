// First start: asks who is working (the name stamped on every change and audit entry). Not modal: the
// analyst can look around first. Also tells what waits to be saved or could not be saved.
import { useTranslation } from 'react-i18next';
import { localiseError } from '../i18n/errors';
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
  const { t } = useTranslation('annotations');
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
      const text = localiseError(clientError);
      setError(`${text.message} ${text.hint ?? ''}`);
    }
  };

  return (
    <>
      {identity && !identity.confirmed ? (
        <form className="identity-banner" aria-label={t('identity.form')} onSubmit={(event) => void submit(event)}>
          <label htmlFor={`${ids}-name`}>{t('identity.welcome')}</label>
          <input id={`${ids}-name`} value={name} onChange={(event) => setName(event.target.value)} placeholder={identity.name} maxLength={120} />
          <button type="submit" className="primary" disabled={name.trim().length < 2}>
            {t('identity.saveName')}
          </button>
          {error ? <span role="alert">{error}</span> : null}
        </form>
      ) : null}
      {pending.length ? (
        <div className="pending-banner" role="status" aria-label={t('identity.pendingName')}>
          {t('identity.pending', { count: pending.length, list: pending.map((p) => p.summary).join('; ') })}
        </div>
      ) : null}
      {notSaved.length ? (
        <div className="alert" role="alert" aria-label={t('identity.notSavedName')}>
          {t('identity.notSaved', { list: notSaved.map((write) => `${write.summary} (${write.by}) — ${write.reason}`).join(' · ') })}
        </div>
      ) : null}
    </>
  );
}
