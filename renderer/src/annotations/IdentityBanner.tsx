// Tells what waits to be saved or could not be saved. (Who is working is never asked: it is the Neo4j
// sign-in or the computer account, shown in the top bar.)
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotSavedWrite, PendingWrite } from '../../../contract/annotations';
import type { WorkbenchApi } from '../../../contract/api';

interface Props {
  api: WorkbenchApi;
  /** Re-read pending writes when this changes (after each save). */
  refreshKey: unknown;
}

export function IdentityBanner({ api, refreshKey }: Props) {
  const { t } = useTranslation('annotations');
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

  return (
    <>
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
